"""Finding rows by the names people type, always inside one workspace."""

from collections.abc import Iterable

from sqlmodel import Session, col, select

from billing.names import name_key, slugify
from storage.tables import App, Company, Person, Plan, Team, Workspace


def workspace_by_team(session: Session, team_id: str) -> Workspace | None:
    return session.exec(select(Workspace).where(Workspace.team_id == team_id)).first()


def company_by_name(session: Session, workspace_id: int, name: str) -> Company | None:
    query = select(Company).where(Company.workspace_id == workspace_id)
    return session.exec(query.where(Company.slug == slugify(name))).first()


def app_by_name(session: Session, workspace_id: int, name: str) -> App | None:
    query = select(App).where(App.workspace_id == workspace_id, App.slug == slugify(name))
    return session.exec(query).first()


def plan_by_name(session: Session, workspace_id: int, name: str) -> Plan | None:
    query = select(Plan).where(Plan.workspace_id == workspace_id, Plan.slug == slugify(name))
    return session.exec(query).first()


def team_by_name(session: Session, workspace_id: int, name: str) -> Team | None:
    query = select(Team).where(Team.workspace_id == workspace_id, Team.slug == slugify(name))
    return session.exec(query).first()


def person_by_slack_id(session: Session, workspace_id: int, user_id: str) -> Person | None:
    query = select(Person).where(
        Person.workspace_id == workspace_id, Person.slack_user_id == user_id
    )
    return session.exec(query).first()


def people_by_name(session: Session, workspace_id: int, name: str) -> list[Person]:
    query = select(Person).where(
        Person.workspace_id == workspace_id, Person.name_key == name_key(name)
    )
    return list(session.exec(query))


def person_by_email(session: Session, workspace_id: int, email: str) -> Person | None:
    query = select(Person).where(Person.workspace_id == workspace_id, Person.email == email)
    return session.exec(query).first()


def workspace_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    rows = session.exec(select(Workspace.id, Workspace.name).where(col(Workspace.id).in_(wanted)))
    return {int(key): name for key, name in rows if key is not None}
