"""Record a batch of usage events from a meter (POST /api/usage, `billbot import-usage`): each
event has its own idempotency key; the whole batch is recorded, or nothing and every reason."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from billing.calendar import local_date
from billing.closing import CLOSED
from billing.errors import Invalid
from billing.periods import Month
from commands.system_audit import audit_company
from storage import lookups
from storage.statements import statement_of
from storage.tables import App, Company, Usage, id_of
from storage.unit_of_work import UnitOfWork
from storage.usage import usage_by_keys

MAX_EVENTS = 1000
_METRIC = re.compile(r"[a-z0-9_-]{1,40}")


@dataclass(frozen=True)
class UsageEvent:
    idempotency_key: str
    app: str
    metric: str
    quantity: int
    day: date


@dataclass(frozen=True)
class UsageImported:
    recorded: int
    duplicates: int  # sent before with the same key and the same usage: recorded once


class BatchRefused(Invalid):
    """Nothing of the batch was recorded; `reasons` says what is wrong, event by event."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(f"Nothing was recorded: {len(reasons)} of the events can't be.")
        self.reasons = reasons


def read_event(raw: Any, where: str) -> UsageEvent:
    """One event as sent (JSON object or CSV row of strings), or Invalid saying why."""
    if not isinstance(raw, dict):
        raise Invalid(
            f"{where}: an event is an object with idempotency_key, app, metric, quantity and day."
        )
    missing = [k for k in ("idempotency_key", "app", "metric", "quantity", "day") if k not in raw]
    if missing:
        raise Invalid(f"{where}: {', '.join(missing)} missing.")
    key, app, metric = (str(raw[k]).strip() for k in ("idempotency_key", "app", "metric"))
    if not 1 <= len(key) <= 200:
        raise Invalid(f"{where}: the idempotency_key must be 1 to 200 characters.")
    if not _METRIC.fullmatch(metric.lower()):
        raise Invalid(f"{where}: “{metric[:40]}” is not a metric name (a-z, 0-9, _ and -).")
    quantity = raw["quantity"]
    if isinstance(quantity, str) and re.fullmatch(r"[0-9]{1,18}", quantity.strip()):
        quantity = int(quantity)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 <= quantity < 2**62:
        raise Invalid(f"{where}: the quantity must be a whole number, 0 or more.")
    try:
        day = date.fromisoformat(str(raw["day"]))
    except ValueError:
        raise Invalid(f"{where}: the day must be a date like 2026-11-05.") from None
    return UsageEvent(key, app, metric.lower(), quantity, day)


def read_events(raws: list[Any]) -> list[UsageEvent]:
    """Every event read, or BatchRefused with the reason of each one that can't be."""
    events, reasons = [], []
    for number, raw in enumerate(raws, start=1):
        try:
            events.append(read_event(raw, f"event {number}"))
        except Invalid as error:
            reasons.append(error.message)
    if reasons:
        raise BatchRefused(reasons)
    return events


def import_usage(
    uow: UnitOfWork, *, workspace_id: int, events: list[UsageEvent], now: datetime, via: str
) -> UsageImported:
    if not events:
        raise Invalid("The batch has no events.")
    if len(events) > MAX_EVENTS:
        raise Invalid(f"A batch holds at most {MAX_EVENTS:,} events, not {len(events):,}.")
    with uow:
        rows, reasons = _check(uow, workspace_id, events, now)
        if reasons:
            raise BatchRefused(reasons)
        known = usage_by_keys(uow.session, {(id_of(a), e.idempotency_key) for e, a, _ in rows})
        fresh: dict[tuple[int, str], UsageEvent] = {}
        duplicates = 0
        for number, (event, app, _) in enumerate(rows, start=1):
            key = (id_of(app), event.idempotency_key)
            before = known.get(key) or fresh.get(key)
            same = (event.metric, event.day, event.quantity)
            if before is not None and (before.metric, before.day, before.quantity) != same:
                reasons.append(
                    f"event {number}: idempotency_key “{event.idempotency_key[:40]}” was used "
                    "before for other usage."
                )
            elif before is not None:
                duplicates += 1
            else:
                fresh[key] = event
        if reasons:
            raise BatchRefused(reasons)
        per_company: dict[int, int] = defaultdict(int)
        companies = {id_of(c): c for _, _, c in rows}
        for (app_id, token), event in fresh.items():
            uow.session.add(
                Usage(
                    app_id=app_id,
                    metric=event.metric,
                    day=event.day,
                    quantity=event.quantity,
                    recorded_at=now,
                    idempotency_key=token,
                )
            )
        for event, app, company in rows:
            if (id_of(app), event.idempotency_key) in fresh:
                per_company[id_of(company)] += 1
        for company_id, count in per_company.items():
            audit_company(
                uow.session, companies[company_id], "usage.imported", now, events=count, via=via
            )
        uow.commit()
    return UsageImported(len(fresh), duplicates)


def _check(
    uow: UnitOfWork, workspace_id: int, events: list[UsageEvent], now: datetime
) -> tuple[list[tuple[UsageEvent, App, Company]], list[str]]:
    """Each event with its app and company, and the reasons events can't be recorded."""
    session = uow.session
    apps: dict[str, tuple[App, Company] | None] = {}
    rows, reasons = [], []
    for number, event in enumerate(events, start=1):
        if event.app not in apps:
            app = lookups.app_by_name(session, workspace_id, event.app)
            company = session.get(Company, app.company_id) if app else None
            apps[event.app] = (app, company) if app and company else None
        found = apps[event.app]
        if found is None:
            reasons.append(f"event {number}: there is no app called “{event.app[:40]}”.")
            continue
        app, company = found
        today = local_date(now, company.timezone)
        closed = statement_of(session, id_of(company), str(Month.of(event.day)))
        if event.day > today:
            reasons.append(f"event {number}: {event.day} is in the future for {app.name}.")
        elif app.deleted_on is not None and event.day > app.deleted_on:
            reasons.append(f"event {number}: {app.name} was deleted on {app.deleted_on}.")
        elif closed is not None and closed.status in CLOSED:
            reasons.append(
                f"event {number}: {Month.of(event.day)} is final for {company.name}; correct "
                "it with /billing usage."
            )
        else:
            rows.append((event, app, company))
    return rows, reasons
