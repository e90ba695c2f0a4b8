"""The console's people: stable Slack-like ids for names, and who is there already."""

import hashlib

from sqlmodel import col, select

from storage import lookups
from storage.tables import Operator, Person
from storage.unit_of_work import UnitOfWork

CONSOLE_TEAM = "T0CONSOLE"


def console_user_id(name: str) -> str:
    """A stable Slack-like id for a console person."""
    return "U" + hashlib.sha256(name.casefold().encode()).hexdigest()[:10].upper()


def known_person(uow: UnitOfWork, name: str) -> Person | None:
    """The one console person of that name, if there is exactly one."""
    with uow.read():
        workspace = lookups.workspace_by_team(uow.session, CONSOLE_TEAM)
        if workspace is None or workspace.id is None:
            return None
        people = lookups.people_by_name(uow.session, workspace.id, name)
        return people[0] if len(people) == 1 else None


def people_line(uow: UnitOfWork) -> str:
    with uow.read():
        workspace = lookups.workspace_by_team(uow.session, CONSOLE_TEAM)
        key = workspace.id if workspace else -1
        rows = uow.session.exec(
            select(Person).where(Person.workspace_id == key).order_by(col(Person.id))
        ).all()
        operators = set(
            uow.session.exec(select(Operator.person_id).where(Operator.workspace_id == key)).all()
        )
    if not rows:
        return "Nobody yet: `as @name` creates a person."
    kinds = {p.id: "operator" if p.id in operators else p.account_type for p in rows}
    return "People: " + ", ".join(f"{p.name} ({kinds[p.id]})" for p in rows)
