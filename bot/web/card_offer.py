"""After an invitation is accepted with Stripe on: a link to save a card, for who may pay."""

import html

from billing.roles import PERMISSIONS, Action
from commands.invitation_accepted import Accepted
from commands.stripe_customer import card_link
from payments.gateway import Gateway, Unavailable
from storage.unit_of_work import UnitOfWork

PAYERS = PERMISSIONS[Action.UPDATE_PAYMENT]


def card_offer(uow: UnitOfWork, gateway: Gateway | None, done: Accepted, public_url: str) -> str:
    """With Stripe, whoever may pay is offered to save a card for the monthly charge now."""
    if gateway is None or gateway.mode != "stripe" or done.role not in PAYERS:
        return ""
    try:
        link = card_link(uow, gateway, done.company_id, public_url)
    except Unavailable:
        return (
            "<p class=note>Card payments are unavailable just now: add a card later with "
            f"<code>/billing pay {html.escape(done.company)}</code> in Slack.</p>"
        )
    return (
        f"<p><a class=button href='{html.escape(link)}'>Add a card for the monthly charge</a></p>"
        "<p class=note>Stripe keeps the card; statements are charged to it on the charge day.</p>"
    )
