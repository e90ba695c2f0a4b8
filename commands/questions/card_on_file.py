"""The card the company is charged to, when it expires, and the next charge day beside it."""

from datetime import datetime

from billing.closing import Calendar
from commands.actor import Actor
from commands.pay_link import card_label
from commands.questions.answers import CardOnFile
from commands.questions.read_access import read_access
from commands.questions.upcoming import upcoming
from storage.unit_of_work import UnitOfWork


def card_on_file(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> CardOnFile:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        row = seen.company
        up = upcoming(uow.session, row, now, calendar)
        return CardOnFile(
            seen.id, row.name, row.billing_mode, card_label(row), row.card_expires, up.charge_on
        )
