"""Who a grant or a revoke is about (a person or a team), and the rule that an owner remains."""

from dataclasses import dataclass
from datetime import datetime

from billing.refs import PersonRef, TeamRef
from billing.roles import require_an_owner_remains, require_not_self
from commands.actor import Actor
from commands.resolve import Seen, person_referred, team_named
from storage.access_rows import access_row
from storage.roles import owners
from storage.tables import Access, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Holder:
    """A person or a team that holds (or is to hold) a role: exactly one id is set."""

    label: str
    person_id: int | None = None
    team_id: int | None = None

    def access_in(self, uow: UnitOfWork, seen: Seen) -> Access | None:
        return access_row(uow.session, seen.id, person_id=self.person_id, team_id=self.team_id)


def holder_of(uow: UnitOfWork, actor: Actor, subject: PersonRef | TeamRef, now: datetime) -> Holder:
    """Teams by name; people as `person_referred` finds them, never the actor themself."""
    if isinstance(subject, TeamRef):
        team = team_named(uow, actor, subject.name)
        return Holder(team.name, team_id=id_of(team))
    person = person_referred(uow, actor, subject, now)
    require_not_self(actor.person_id, person.id)
    return Holder(person.name, person_id=id_of(person))


def require_an_owner(uow: UnitOfWork, company_id: int, company_name: str) -> None:
    require_an_owner_remains(len(owners(uow.session, company_id)), company_name)
