"""Closing a month: every company's statement finalized once, in bulk, with its notice."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session

from billing.closing import Calendar, charge_moment_come, month_over
from billing.periods import Month
from billing.statement import StatementDraft
from commands.drafts import drafts_for
from commands.finalize_statements import finalize_statements, tell_bill_by_hand
from commands.schedules import schedule_of
from storage.locks import lock_companies
from storage.statements import closed_company_ids
from storage.sweeps import every_company
from storage.tables import Company, id_of
from storage.unit_of_work import UnitOfWork

BATCH = 1000  # companies per transaction: bounded memory, and a crash loses at most a batch


@dataclass(frozen=True)
class CloseReport:
    month: Month
    finalized: int
    already_closed: int
    not_over: int
    empty: int
    totals: dict[str, int]  # currency -> sum of the new statements
    dry_run: bool


def close_month(
    uow: UnitOfWork,
    *,
    month: Month,
    now: datetime,
    calendar: Calendar = Calendar(),
    dry_run: bool = False,
    on_charge_day: bool = False,
) -> CloseReport:
    """Finalize every company's statement for a month that is over; twice changes nothing.
    `on_charge_day` (the scheduler) waits for the charge day's reminder time in each zone."""
    report = CloseReport(month, 0, 0, 0, 0, {}, dry_run)
    charge_day = calendar if on_charge_day else None
    with uow:
        due, waiting, report = _due_companies(uow.session, month, now, report, charge_day)
    for workspace_id, batch in _batches(due):
        with uow:
            if not dry_run:
                lock_companies(uow.session, [id_of(c) for c in batch])
            drafts = _drafts(uow.session, workspace_id, batch, month)
            report = _count(report, drafts, len(batch))
            if not dry_run:
                finalize_statements(uow.session, batch, drafts, calendar, now)
                uow.commit()
    if not dry_run and (report.finalized or report.already_closed):
        # also when this run found the month closed: a run stopped after its last batch
        # committed leaves the list to the next one
        with uow:
            tell_bill_by_hand(uow.session, month, now, waiting)
            uow.commit()
    return report


def _due_companies(
    session: Session,
    month: Month,
    now: datetime,
    report: CloseReport,
    charge_day: Calendar | None,
) -> tuple[list[Company], set[int], CloseReport]:
    """The companies to close now; the workspaces with companies still to close later (in a
    later time zone, or before their charge moment)."""
    closed = closed_company_ids(session, month)
    due, waiting, already, not_over = [], set(), 0, 0
    for company in every_company(session, by_workspace=True):
        if id_of(company) in closed:
            already += 1
        elif not _over(company, month, now, charge_day):
            not_over += 1
            waiting.add(company.workspace_id)
        else:
            due.append(company)
    return due, waiting, replace(report, already_closed=already, not_over=not_over)


def _over(company: Company, month: Month, now: datetime, charge_day: Calendar | None) -> bool:
    """Over on the company's clock; with `charge_day`, its charge moment has come too."""
    if not month_over(month, company.timezone, now):
        return False
    return charge_day is None or charge_moment_come(schedule_of(company), charge_day, month, now)


def _batches(companies: list[Company]) -> Iterator[tuple[int, list[Company]]]:
    by_workspace: dict[int, list[Company]] = {}
    for company in companies:
        by_workspace.setdefault(company.workspace_id, []).append(company)
    for workspace_id, members in by_workspace.items():
        for start in range(0, len(members), BATCH):
            yield workspace_id, members[start : start + BATCH]


def _drafts(
    session: Session, workspace_id: int, companies: list[Company], month: Month
) -> dict[int, StatementDraft]:
    """Only companies with something billed get a statement."""
    drafts = drafts_for(session, workspace_id, companies, month)
    return {key: draft for key, draft in drafts.items() if draft.lines}


def _count(report: CloseReport, drafts: dict[int, StatementDraft], batch: int) -> CloseReport:
    totals = dict(report.totals)
    for draft in drafts.values():
        totals[draft.currency] = totals.get(draft.currency, 0) + draft.total_minor
    return replace(
        report,
        finalized=report.finalized + len(drafts),
        empty=report.empty + batch - len(drafts),
        totals=totals,
    )
