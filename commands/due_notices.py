"""The reminders due at a moment, computed for all companies at once and written to the outbox:
charge_upcoming, card_expiring, payment_due and overdue. Statements unpaid after their due day
become past_due here. Each notice has a key per company and period (and overdue round), so a
sweep run twice writes nothing new."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from billing.calendar import local_date
from billing.money import Money
from billing.periods import Month
from billing.reminders import card_expires_first
from billing.statement import min_charge_minor
from commands import notice_texts as texts
from commands.drafts import drafts_for
from commands.schedules import schedule_of
from commands.statements import Calendar
from storage.audit import record_event
from storage.notices import notify_company, written_causes
from storage.tables import Company, Statement, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class _Due:
    kind: str
    company: Company
    cause: str
    text: str
    buttons: list[dict[str, str]]


@dataclass(frozen=True)
class NoticeReport:
    written: dict[str, int]
    past_due: int


def write_due_notices(
    uow: UnitOfWork, *, now: datetime, calendar: Calendar = Calendar()
) -> NoticeReport:
    written: dict[str, int] = {}
    with uow:
        session = uow.session
        past_due = _mark_past_due(session, now)
        companies = list(session.exec(select(Company).order_by(col(Company.id))))
        due = [*_upcoming(session, companies, now, calendar), *_unpaid(session, companies, now)]
        for notice in due:
            if notify_company(
                session,
                notice.company,
                kind=notice.kind,
                cause=notice.cause,
                text=notice.text,
                buttons=notice.buttons,
                now=now,
            ):
                written[notice.kind] = written.get(notice.kind, 0) + 1
        uow.commit()
    return NoticeReport(written, past_due)


def _upcoming(
    session: Session, companies: list[Company], now: datetime, calendar: Calendar
) -> Iterator[_Due]:
    """charge_upcoming (and card_expiring) from `days` before the charge day until the charge."""
    window: dict[Month, list[Company]] = {}
    for company in companies:
        schedule = schedule_of(company)
        if not schedule.on:
            continue
        month = Month.of(local_date(now, company.timezone))
        charge_on = calendar.charge_on(month)
        if schedule.charge_upcoming_at(charge_on) <= now < schedule.moment(charge_on):
            window.setdefault(month, []).append(company)
    for month, members in window.items():
        causes = {id_of(c): f"charge_upcoming:{c.id}:{month}" for c in members}
        done = written_causes(session, causes.values())
        fresh = [c for c in members if causes[id_of(c)] not in done]
        by_workspace: dict[int, list[Company]] = {}
        for company in fresh:
            by_workspace.setdefault(company.workspace_id, []).append(company)
        charge_on = calendar.charge_on(month)
        for workspace_id, group in by_workspace.items():
            drafts = drafts_for(session, workspace_id, group, month)
            for company in group:
                draft = drafts[id_of(company)]
                if draft.total_minor <= 0:
                    continue
                stripe = company.billing_mode == "stripe"
                card = (
                    texts.card_words(company.card_brand, company.card_last4)
                    if company.card_last4
                    else None
                )
                yield _Due(
                    "charge_upcoming",
                    company,
                    causes[id_of(company)],
                    texts.charge_upcoming(
                        company.name,
                        month,
                        charge_on,
                        Money(draft.total_minor, draft.currency),
                        stripe=stripe,
                        card=card,
                    ),
                    [
                        texts.view_button(id_of(company), month),
                        *texts.pay_button(id_of(company), stripe, card is not None),
                    ],
                )
                if stripe and card and card_expires_first(company.card_expires, charge_on):
                    assert company.card_expires is not None
                    yield _Due(
                        "card_expiring",
                        company,
                        f"card_expiring:{company.id}:{month}",
                        texts.card_expiring(company.name, card, company.card_expires, charge_on),
                        texts.pay_button(id_of(company), True, True),
                    )


def _unpaid(session: Session, companies: list[Company], now: datetime) -> Iterator[_Due]:
    """payment_due 3 days before the due day, overdue the day after and then weekly."""
    by_id = {id_of(c): c for c in companies if c.reminders_on}
    statements = session.exec(
        select(Statement).where(col(Statement.status).in_(("finalized", "past_due")))
    ).all()
    for statement in _chargeable(statements):
        company = by_id.get(statement.company_id)
        if company is None or statement.due_on is None:
            continue
        schedule = schedule_of(company)
        month = Month.parse(statement.period)
        total = Money(statement.total_minor, statement.currency)
        buttons = [
            texts.view_button(id_of(company), month),
            *texts.pay_button(
                id_of(company), company.billing_mode == "stripe", company.card_last4 is not None
            ),
        ]
        due_on = statement.due_on
        if schedule.payment_due_at(due_on) <= now < schedule.moment(due_on + timedelta(days=1)):
            yield _Due(
                "payment_due",
                company,
                f"payment_due:{company.id}:{statement.period}",
                texts.payment_due(company.name, month, total, due_on),
                buttons,
            )
        overdue = schedule.overdue_round(due_on, now)
        if overdue is not None:
            yield _Due(
                "overdue",
                company,
                f"overdue:{company.id}:{statement.period}:{overdue}",
                texts.overdue(company.name, month, total, due_on),
                buttons,
            )


def _chargeable(statements: Iterable[Statement]) -> list[Statement]:
    return [s for s in statements if s.total_minor >= min_charge_minor(s.currency)]


def _mark_past_due(session: Session, now: datetime) -> int:
    """Unpaid after the due day (in the company's zone): past_due, and the company with it."""
    rows = session.exec(
        select(Statement, Company)
        .join(Company, col(Company.id) == Statement.company_id)
        .where(Statement.status == "finalized", col(Statement.due_on).is_not(None))
    ).all()
    count = 0
    for statement, company in rows:
        assert statement.due_on is not None
        if statement.total_minor < min_charge_minor(statement.currency):
            continue
        if local_date(now, company.timezone) <= statement.due_on:
            continue
        statement.status, statement.next_charge_at = "past_due", None
        company.payment_status = "past_due"
        record_event(
            session,
            workspace_id=company.workspace_id,
            company_id=company.id,
            actor_id=None,
            action="statement.past_due",
            now=now,
            period=statement.period,
            total_minor=statement.total_minor,
        )
        count += 1
    return count
