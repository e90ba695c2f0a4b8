"""The plan each of the company's live apps is on, or the plan of the one app asked about."""

from datetime import datetime

from commands.actor import Actor
from commands.app_views import app_views
from commands.questions.answers import AppPlans
from commands.questions.read_access import read_access
from storage.unit_of_work import UnitOfWork


def app_plans(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    app: str | None,
    now: datetime,
) -> AppPlans:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        apps = [
            a
            for a in app_views(uow, [seen.id], names={seen.id: seen.company.name}, now=now)
            if a.deleted_on is None
        ]
        asked = [a for a in apps if a.name == app]
        return AppPlans(seen.company.name, asked or apps, app if asked else None)
