"""Guards the team use cases share: who manages teams, and owners that must remain."""

from billing.errors import NotAllowed
from commands.access_holder import require_an_owner
from commands.actor import Actor
from storage.tables import Team, id_of
from storage.team_queries import companies_owned_by
from storage.unit_of_work import UnitOfWork

TEAM_ACCESS = ("unlimited", "limited")


def require_developer(actor: Actor) -> None:
    if actor.account_type != "developer" and not actor.is_operator:
        raise NotAllowed("Only developers and operators manage teams.")


def require_owners_remain(uow: UnitOfWork, team: Team) -> None:
    """A team holding ownership must not leave any of its companies without an owner."""
    for company_id, company_name in companies_owned_by(uow.session, id_of(team)):
        require_an_owner(uow, company_id, company_name)
