"""Which companies, apps and plans the asker may ask about where they ask."""

from dataclasses import dataclass

from commands.actor import Actor
from commands.questions.answers import WhichCompany
from storage.askable_queries import askable_companies, live_apps, plan_names
from storage.unit_of_work import UnitOfWork

MAX_OPTIONS = 10  # companies listed when asking which one


@dataclass(frozen=True)
class Askable:
    """What the asker may ask about where they asked."""

    companies: dict[str, int]  # name -> id
    apps: dict[str, int]  # app name -> company id
    linked: int | None  # the company linked to this channel
    plans: list[str]  # the price list's plan names ("is shop on Pro?")

    def only(self) -> int | None:
        return next(iter(self.companies.values())) if len(self.companies) == 1 else None


def askable(uow: UnitOfWork, actor: Actor, channel_id: str | None) -> Askable:
    with uow.read():
        session = uow.session
        person_id = None if actor.is_operator else actor.person_id
        companies: dict[str, int] = {}
        linked = None
        for key, name, channel in askable_companies(
            session, actor.workspace_id, person_id, channel_id
        ):
            companies[name] = key
            if channel_id and channel == channel_id:
                linked = key
        apps = live_apps(session, list(companies.values()))
        return Askable(companies, apps, linked, plan_names(session, actor.workspace_id))


def which_company(ask: Askable) -> WhichCompany:
    names = list(ask.companies)
    return WhichCompany(names[:MAX_OPTIONS], len(names))
