"""Apps: create, add a domain, put on a plan, delete, list."""

from collections.abc import Iterable
from datetime import date, datetime

from sqlmodel import col, select

from billing.calendar import local_date
from billing.errors import AlreadyExists, Invalid
from billing.names import clean_name, slugify
from billing.roles import Action, require
from commands.actor import Actor
from commands.resolve import plan_named, visible_app, visible_company
from commands.views import AppList, AppView, Done
from storage import lookups
from storage.audit import record_event
from storage.roles import companies_of
from storage.tables import App, AppOwnership, Company, Plan, PlanAssignment, id_of
from storage.unit_of_work import UnitOfWork

ENVIRONMENTS = ("production", "staging")


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
) -> Done:
    name = clean_name(name, "app name")
    if environment not in ENVIRONMENTS:
        raise Invalid(f"“{environment}” is not an environment (use production or staging).")
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        if lookups.app_by_name(session, actor.workspace_id, name) is not None:
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
        session.add(app)
        session.flush()
        session.add(AppOwnership(app_id=id_of(app), company_id=seen.id, since=today))
        chosen = plan_named(uow, actor, plan) if plan else None
        if chosen is not None:
            _check_plan_fits(chosen, app, seen.company)
            session.add(
                PlanAssignment(
                    app_id=id_of(app), plan_id=id_of(chosen), since=today, created_at=now
                )
            )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="app.created",
            now=now,
            app=name,
            environment=environment,
            plan=chosen.name if chosen else None,
            trial=trial,
        )
        uow.commit()
    on_plan = f"on plan {chosen.name}" if chosen else "unbilled (no plan yet)"
    trial_note = ", in trial" if trial else ""
    return Done(f"Created {environment} app {name} in {seen.company.name}, {on_plan}{trial_note}.")


def _check_plan_fits(plan: Plan, app: App, company: Company) -> None:
    if plan.environment != app.environment:
        raise Invalid(
            f"Plan {plan.name} is for {plan.environment} apps; {app.name} is {app.environment}."
        )
    if plan.kind != "unbilled" and plan.currency != company.currency:
        raise Invalid(
            f"Plan {plan.name} is priced in {plan.currency}; {company.name} pays in "
            f"{company.currency}."
        )


def set_app_domain(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    domain: str,
    now: datetime,
    since: date | None = None,
) -> Done:
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        row.domain = domain
        row.domain_since = since or local_date(now, seen.company.timezone)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="app.domain_set",
            now=now,
            app=row.name,
            domain=domain,
            since=row.domain_since.isoformat(),
        )
        uow.commit()
    return Done(f"{row.name} now answers at {domain} (since {row.domain_since.isoformat()}).")


def set_app_plan(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    plan: str,
    now: datetime,
    since: date | None = None,
) -> Done:
    with uow:
        session = uow.session
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        chosen = plan_named(uow, actor, plan)
        _check_plan_fits(chosen, row, seen.company)
        start = since or local_date(now, seen.company.timezone)
        same_day = session.exec(
            select(PlanAssignment).where(
                PlanAssignment.app_id == row.id, PlanAssignment.since == start
            )
        ).first()
        if same_day is not None:
            same_day.plan_id = id_of(chosen)
        else:
            session.add(
                PlanAssignment(
                    app_id=id_of(row), plan_id=id_of(chosen), since=start, created_at=now
                )
            )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="app.plan_set",
            now=now,
            app=row.name,
            plan=chosen.name,
            since=start.isoformat(),
        )
        uow.commit()
    return Done(f"{row.name} is on plan {chosen.name} from {start.isoformat()}.")


def delete_app(
    uow: UnitOfWork, *, actor: Actor, app: str, now: datetime, on: date | None = None
) -> Done:
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        if row.deleted_on is not None:
            raise Invalid(f"{row.name} was already deleted on {row.deleted_on.isoformat()}.")
        day = on or local_date(now, seen.company.timezone)
        if day < row.created_on:
            raise Invalid(
                f"{row.name} was created on {row.created_on.isoformat()}: "
                "it can't be deleted before that."
            )
        row.deleted_on = day
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="app.deleted",
            now=now,
            app=row.name,
            on=day.isoformat(),
        )
        uow.commit()
    return Done(f"Deleted {row.name} as of {day.isoformat()}: it is billed through that day.")


def list_apps(uow: UnitOfWork, *, actor: Actor, company: str | None = None) -> AppList:
    with uow:
        if company is not None:
            seen = visible_company(uow, actor, company)
            return AppList(
                seen.company.name, app_views(uow, [seen.id], names={seen.id: seen.company.name})
            )
        ids = None if actor.is_operator else list(companies_of(uow.session, actor.person_id))
        query = select(Company.id, Company.name).where(Company.workspace_id == actor.workspace_id)
        if ids is not None:
            query = query.where(col(Company.id).in_(ids))
        names = {cid: cname for cid, cname in uow.session.exec(query) if cid is not None}
        return AppList(None, app_views(uow, names, names=names))


def app_views(
    uow: UnitOfWork, company_ids: Iterable[int], *, names: dict[int, str]
) -> list[AppView]:
    session = uow.session
    apps = session.exec(
        select(App).where(col(App.company_id).in_(list(company_ids))).order_by(App.slug)
    ).all()
    latest: dict[int, tuple[str, date]] = {}
    rows = session.exec(
        select(col(PlanAssignment.app_id), col(Plan.name), col(PlanAssignment.since))
        .join(Plan, col(Plan.id) == PlanAssignment.plan_id)
        .where(col(PlanAssignment.app_id).in_([a.id for a in apps]))
        .order_by(col(PlanAssignment.since))
    )
    for app_id, plan_name, since in rows:
        latest[app_id] = (plan_name, since)
    return [
        AppView(
            name=a.name,
            company=names[a.company_id],
            environment=a.environment,
            trial=a.trial,
            plan=latest.get(a.id or 0, (None, None))[0],
            plan_since=latest.get(a.id or 0, (None, None))[1],
            domain=a.domain,
            domain_since=a.domain_since,
            deleted_on=a.deleted_on,
        )
        for a in apps
    ]
