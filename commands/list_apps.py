"""List apps: of one company, or of every company the actor sees."""

from dataclasses import dataclass
from datetime import datetime

from commands.actor import Actor
from commands.app_views import AppView, app_views
from commands.resolve import visible_company
from storage.apps import company_names
from storage.roles import companies_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ListApps:
    company: str | None = None


@dataclass(frozen=True)
class AppList:
    company: str | None
    items: list[AppView]


def list_apps(
    uow: UnitOfWork, *, actor: Actor, now: datetime, company: str | None = None
) -> AppList:
    with uow.read():
        if company is not None:
            seen = visible_company(uow, actor, company)
            names = {seen.id: seen.company.name}
            return AppList(seen.company.name, app_views(uow, [seen.id], names=names, now=now))
        ids = None if actor.is_operator else list(companies_of(uow.session, actor.person_id))
        names = company_names(uow.session, actor.workspace_id, ids)
        return AppList(None, app_views(uow, names, names=names, now=now))
