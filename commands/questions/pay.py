"""How the asker pays the company's billing: a link, whom to ask, or how it pays by hand."""

from billing.roles import Action, allowed
from commands.actor import Actor
from commands.pay_link import PayLink, pay_link
from commands.questions.answers import CannotPay, PaidByHand
from commands.questions.read_access import read_access
from payments.gateway import Gateway
from storage.unit_of_work import UnitOfWork


def pay(
    uow: UnitOfWork,
    gateway: Gateway,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    public_url: str,
) -> PayLink | CannotPay | PaidByHand:
    """The same link `/billing pay` gives, for the roles allowed to pay; the others learn whom
    to ask. A company billed by hand learns how it pays instead."""
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        row = seen.company
        name, role = row.name, seen.role
        if row.billing_mode != "stripe" or gateway.mode != "stripe":
            return PaidByHand(name, row.invoice_email)
    if not allowed(role, Action.UPDATE_PAYMENT):
        return CannotPay(name, role)
    return pay_link(uow, gateway, actor=actor, company=name, public_url=public_url)
