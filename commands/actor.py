"""Who is acting: a person of one workspace, found or created from what the door knows."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

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
    account_type: str,
    now: datetime,
    operators: frozenset[str] = frozenset(),
    email: str | None = None,
) -> Actor:
    """Find or create the workspace and the person; config-listed operators become operators.
    Someone invited by e-mail before they used Slack is that same person once Slack gives
    their address. Two first requests at once: the one that loses the race reads the row the
    other one wrote."""
    try:
        return _identify(uow, team_id, user_id, name, account_type, now, operators, email)
    except IntegrityError:
        return _identify(uow, team_id, user_id, name, account_type, now, operators, email)


def _identify(
    uow: UnitOfWork,
    team_id: str,
    user_id: str,
    name: str,
    account_type: str,
    now: datetime,
    operators: frozenset[str],
    email: str | None,
) -> Actor:
    email = email.strip().lower() if email else None
    with uow:
        session = uow.session
        workspace = lookups.workspace_by_team(session, team_id)
        if workspace is None:
            workspace = Workspace(team_id=team_id, name=team_id, created_at=now)
            session.add(workspace)
            session.flush()
        assert workspace.id is not None
        person = lookups.person_by_slack_id(session, workspace.id, user_id)
        if person is None and email:
            person = lookups.person_by_email(session, workspace.id, email)
            if person is not None and person.slack_user_id is None:
                person.slack_user_id = user_id  # invited by e-mail, now here in Slack
            elif person is not None:  # the address belongs to someone else's Slack account
                person, email = None, None
        if person is None:
            person = Person(
                workspace_id=workspace.id,
                slack_user_id=user_id,
                email=email,
                name=name,
                name_key=name_key(name),
                account_type=account_type,
                created_at=now,
            )
            session.add(person)
        elif (person.name, person.account_type) != (name, account_type):
            person.name, person.name_key = name, name_key(name)
            person.account_type = account_type
        session.flush()
        assert person.id is not None
        operator = is_operator(session, workspace.id, person.id)
        if not operator and user_id in operators:
            session.add(Operator(workspace_id=workspace.id, person_id=person.id, created_at=now))
            operator = True
        uow.commit()
        return Actor(workspace.id, person.id, person.name, person.account_type, operator)
