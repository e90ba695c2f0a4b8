"""Who is acting: a person of one workspace, found or created from what the door knows."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from billing.names import name_key
from storage import lookups
from storage.roles import is_operator
from storage.tables import Operator, Person, Workspace
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Actor:
    workspace_id: int
    person_id: int
    name: str
    account_type: str  # developer | client
    is_operator: bool

    @property
    def audience(self) -> str:
        """Which help and replies this person gets: operator, developer or client."""
        return "operator" if self.is_operator else self.account_type


def identify(
    uow: UnitOfWork,
    *,
    team_id: str,
    user_id: str,
    name: str,
    account_type: str | None,
    now: datetime,
    operators: frozenset[str] = frozenset(),
    email: str | None = None,
    team_name: str | None = None,
) -> Actor:
    """`team_name`: the workspace's name as Slack gives it (an install), kept for documents.
    Find or create the workspace and the person; config-listed operators become operators.
    Someone invited by e-mail before they used Slack is that same person once Slack gives
    their address. With no account type (Slack could not be asked), a known person stays as
    recorded and a new one starts as a client, the least they can be. Two first requests at
    once: the one that loses the race (a unique key taken meanwhile) reads, on its second try,
    the row the other one wrote."""
    email = email.strip().lower() if email else None

    def attempt() -> Actor:
        with uow:
            workspace_id = _workspace(uow.session, team_id, now, team_name)
            person = _person(uow.session, workspace_id, user_id, name, account_type, email, now)
            assert person.id is not None
            operator = is_operator(uow.session, workspace_id, person.id)
            if not operator and user_id in operators:
                uow.session.add(
                    Operator(workspace_id=workspace_id, person_id=person.id, created_at=now)
                )
                operator = True
            uow.commit()
            return Actor(workspace_id, person.id, person.name, person.account_type, operator)

    try:
        return attempt()
    except IntegrityError:  # lost the race: the second try finds the winner's rows
        return attempt()


def _workspace(session: Session, team_id: str, now: datetime, name: str | None) -> int:
    workspace = lookups.workspace_by_team(session, team_id)
    if workspace is None:
        workspace = Workspace(team_id=team_id, name=name or team_id, created_at=now)
        session.add(workspace)
        session.flush()
    elif name and workspace.name != name[:200]:
        workspace.name = name[:200]
    assert workspace.id is not None
    return workspace.id


def _person(
    session: Session,
    workspace_id: int,
    user_id: str,
    name: str,
    account_type: str | None,
    email: str | None,
    now: datetime,
) -> Person:
    person = lookups.person_by_slack_id(session, workspace_id, user_id)
    if person is None and email:
        person = lookups.person_by_email(session, workspace_id, email)
        if person is not None and person.slack_user_id is None:
            person.slack_user_id = user_id  # invited by e-mail, now here in Slack
        elif person is not None:  # the address is another Slack account's
            person, email = None, None
    if person is None:
        person = Person(
            workspace_id=workspace_id,
            slack_user_id=user_id,
            email=email,
            name=name,
            name_key=name_key(name),
            account_type=account_type or "client",
            created_at=now,
        )
        session.add(person)
    elif account_type is None:
        pass  # Slack said nothing new: the record stands
    elif (person.name, person.account_type) != (name, account_type):
        person.name, person.name_key = name, name_key(name)
        person.account_type = account_type
    session.flush()
    return person
