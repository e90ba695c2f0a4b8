"""Turning typed names into rows the actor may see; unknown and forbidden answer alike."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid, NotFound
from billing.names import name_key
from billing.refs import PersonRef
from commands.actor import Actor
from storage import lookups
from storage.roles import role_of
from storage.tables import App, Company, Person, Plan, Team
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Seen:
    """A company as the actor sees it: the row and the actor's role (None for operators)."""

    company: Company
    role: str | None

    @property
    def id(self) -> int:
        assert self.company.id is not None
        return self.company.id


def company_unknown(name: str) -> NotFound:
    return NotFound(f"I can't find a company called “{name}” that you have access to.")


def visible_company(uow: UnitOfWork, actor: Actor, name: str) -> Seen:
    company = lookups.company_by_name(uow.session, actor.workspace_id, name)
    return _seen(uow, actor, company, name)


def visible_company_by_id(uow: UnitOfWork, actor: Actor, company_id: int) -> Seen:
    """As `visible_company`, for a button that carries the id: one of this workspace the actor
    may not see is answered as its name would be, any other as the name “?”."""
    company = uow.session.get(Company, company_id)
    if company is None or company.workspace_id != actor.workspace_id:
        raise company_unknown("?")
    return _seen(uow, actor, company, company.name)


def _seen(uow: UnitOfWork, actor: Actor, company: Company | None, name: str) -> Seen:
    if company is None or company.id is None:
        raise company_unknown(name)
    role = role_of(uow.session, company.id, actor.person_id)
    if role is None and not actor.is_operator:
        raise company_unknown(name)
    return Seen(company, role)


def visible_app(uow: UnitOfWork, actor: Actor, name: str) -> tuple[App, Seen]:
    app = lookups.app_by_name(uow.session, actor.workspace_id, name)
    unknown = NotFound(f"I can't find an app called “{name}” that you have access to.")
    if app is None:
        raise unknown
    company = uow.session.get(Company, app.company_id)
    assert company is not None and company.id is not None
    role = role_of(uow.session, company.id, actor.person_id)
    if role is None and not actor.is_operator:
        raise unknown
    return app, Seen(company, role)


def plan_named(uow: UnitOfWork, actor: Actor, name: str) -> Plan:
    plan = lookups.plan_by_name(uow.session, actor.workspace_id, name)
    if plan is None:
        raise NotFound(f"There is no plan called “{name}” (see `/billing plans`).")
    return plan


def assignable_plan(uow: UnitOfWork, actor: Actor, name: str) -> Plan:
    """A plan an app may be put on now: retired plans stay on the apps that have them."""
    plan = plan_named(uow, actor, name)
    if plan.retired_at is not None:
        raise Invalid(
            f"Plan {plan.name} is retired: apps already on it keep it, but no app can be put "
            "on it now (see `/billing plans`)."
        )
    return plan


def team_named(uow: UnitOfWork, actor: Actor, name: str) -> Team:
    team = lookups.team_by_name(uow.session, actor.workspace_id, name)
    if team is None:
        raise NotFound(f"There is no team called “{name}” (see `/billing teams`).")
    return team


def person_referred(uow: UnitOfWork, actor: Actor, ref: PersonRef, now: datetime) -> Person:
    """A Slack mention always resolves (the person is recorded); a bare @name must be known."""
    session = uow.session
    if ref.user_id:
        person = lookups.person_by_slack_id(session, actor.workspace_id, ref.user_id)
        if person is None:
            label = ref.name or ref.user_id
            person = Person(
                workspace_id=actor.workspace_id,
                slack_user_id=ref.user_id,
                name=label,
                name_key=name_key(label),
                account_type="developer",
                created_at=now,
            )
            session.add(person)
            session.flush()
        return person
    if ref.email:
        person = lookups.person_by_email(session, actor.workspace_id, ref.email)
        if person is None:
            raise NotFound(f"Nobody with the e-mail {ref.email} uses billbot here yet.")
        return person
    matches = lookups.people_by_name(session, actor.workspace_id, ref.name or "")
    if not matches:
        raise NotFound(f"I don't know anyone called {ref.label()} yet.")
    if len(matches) > 1:
        raise Invalid(f"Several people are called {ref.label()}: mention them with @ in Slack.")
    return matches[0]


def invitee_person(uow: UnitOfWork, actor: Actor, ref: PersonRef, now: datetime) -> Person:
    """Like `person_referred`, but an unknown e-mail address becomes a new client person."""
    if not ref.email or ref.user_id:
        return person_referred(uow, actor, ref, now)
    found = lookups.person_by_email(uow.session, actor.workspace_id, ref.email)
    if found is not None:
        return found
    person = Person(
        workspace_id=actor.workspace_id,
        email=ref.email,
        name=ref.email,
        name_key=name_key(ref.email),
        account_type="client",
        created_at=now,
    )
    uow.session.add(person)
    uow.session.flush()
    return person
