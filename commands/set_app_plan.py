"""Put an app on a plan from a day on; a second change on the same day replaces the first. A
day in a month whose statement is final becomes a correction on the oldest open statement."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.periods import Month
from billing.plans import check_plan_fits
from billing.roles import Action, require
from billing.statement import day_label
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.late_dates import (
    BilledFrom,
    LateChange,
    audit_detail,
    billed_from,
    reach_back,
    settle,
)
from commands.resolve import assignable_plan, visible_app
from storage.app_ownership import start_app_from
from storage.apps import plan_assignment_on
from storage.tables import PlanAssignment, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SetAppPlan:
    app: str
    plan: str
    since: date | None = None


@dataclass(frozen=True)
class AppPlanSet:
    app: str
    plan: str
    since: date
    late: LateChange | None = None  # the date is in a month whose statement is final
    billed_from: BilledFrom | None = None  # an open month bills it later (domain, trial)


def set_app_plan(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    plan: str,
    now: datetime,
    since: date | None = None,
) -> AppPlanSet:
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        chosen = assignable_plan(uow, actor, plan)
        check_plan_fits(chosen, row, seen.company)
        start = since or local_date(now, seen.company.timezone)
        open_month = reach_back(uow.session, seen.company, start, now)
        start_app_from(uow.session, row, start)
        same_day = plan_assignment_on(uow.session, id_of(row), start)
        if same_day is not None:
            same_day.plan_id = id_of(chosen)
        else:
            uow.session.add(
                PlanAssignment(
                    app_id=id_of(row), plan_id=id_of(chosen), since=start, created_at=now
                )
            )
        late = settle(
            uow.session,
            seen.company,
            app=row.name,
            first=Month.of(start),
            open_month=open_month,
            what=f"{row.name} on {chosen.name} from {day_label(start)}",
            now=now,
        )
        later = None
        if late is None and chosen.kind != "unbilled":
            later = billed_from(uow.session, seen.company, row.name, start)
        commit_change(
            uow,
            actor,
            "app.plan_set",
            now=now,
            company_id=seen.id,
            app=row.name,
            plan=chosen.name,
            since=start.isoformat(),
            **audit_detail(late),
        )
    return AppPlanSet(row.name, chosen.name, start, late, later)
