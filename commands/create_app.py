"""Create an app in a company, optionally on a plan and in trial."""

from dataclasses import dataclass
from datetime import datetime

from billing.calendar import local_date
from billing.errors import AlreadyExists
from billing.names import clean_name, slugify
from billing.plans import check_environment, check_plan_fits
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import assignable_plan, visible_company
from storage import lookups
from storage.tables import App, AppOwnership, PlanAssignment, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class NewApp:
    name: str
    company: str
    environment: str = "production"
    plan: str | None = None
    trial: bool = False


@dataclass(frozen=True)
class AppCreated:
    app: str
    company: str
    environment: str
    plan: str | None  # None: unbilled until it gets one
    trial: bool


def create_app(
    uow: UnitOfWork,
    *,
    actor: Actor,
    name: str,
    company: str,
    now: datetime,
    environment: str = "production",
    plan: str | None = None,
    trial: bool = False,
) -> AppCreated:
    name = clean_name(name, "app name")
    check_environment(environment)
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        if lookups.app_by_name(uow.session, actor.workspace_id, name) is not None:
            raise AlreadyExists(f"An app called “{name}” already exists.")
        today = local_date(now, seen.company.timezone)
        app = App(
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            name=name,
            slug=slugify(name),
            environment=environment,
            trial=trial,
            created_on=today,
            created_at=now,
        )
        uow.session.add(app)
        uow.session.flush()
        uow.session.add(AppOwnership(app_id=id_of(app), company_id=seen.id, since=today))
        chosen = assignable_plan(uow, actor, plan) if plan else None
        if chosen is not None:
            check_plan_fits(chosen, app, seen.company)
            uow.session.add(
                PlanAssignment(
                    app_id=id_of(app), plan_id=id_of(chosen), since=today, created_at=now
                )
            )
        plan_name = chosen.name if chosen else None
        commit_change(
            uow,
            actor,
            "app.created",
            now=now,
            company_id=seen.id,
            app=name,
            environment=environment,
            plan=plan_name,
            trial=trial,
        )
    return AppCreated(name, seen.company.name, environment, plan_name, trial)
