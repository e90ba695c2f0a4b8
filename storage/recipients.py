"""Who a notice goes to: a company's linked channel, or else its owners, admins and billing
people; a person by Slack id, or by e-mail without one."""

from collections.abc import Iterable

from sqlmodel import Session, col, select

from billing.roles import PERMISSIONS, Action
from storage.roles import effective_roles
from storage.tables import Company, Person, id_of


def company_recipients(session: Session, company: Company) -> list[tuple[str | None, str | None]]:
    """Where a company's notices go now: its channel, or its owners, admins and billing."""
    if company.channel_id:
        return [(company.channel_id, None)]
    return people_recipients(reminded_people(session, id_of(company)))


def reminded_people(session: Session, company_id: int) -> list[Person]:
    allowed = PERMISSIONS[Action.RECEIVE_REMINDERS]
    ids = [p for p, role in effective_roles(session, company_id).items() if role in allowed]
    if not ids:
        return []
    return list(session.exec(select(Person).where(col(Person.id).in_(sorted(ids)))).all())


def people_recipients(people: Iterable[Person]) -> list[tuple[str | None, str | None]]:
    """(Slack id, None) for each person with one, else (None, e-mail); by person id."""
    found: list[tuple[str | None, str | None]] = []
    for person in sorted(people, key=lambda p: id_of(p)):
        if person.slack_user_id:
            found.append((person.slack_user_id, None))
        elif person.email:
            found.append((None, person.email))
    return found
