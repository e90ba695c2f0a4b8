"""How to pay a company's billing: a Stripe link, whom to ask, or how it pays by hand."""

from bot.render.answers.said import Said
from commands.pay_link import PayLink
from commands.questions.answers import CannotPay, PaidByHand


def pay_link(result: PayLink, audience: str) -> Said:
    if result.kind == "portal":
        return Said(
            f"*Paying {result.company}*: it pays with the {result.card}. To change the card or "
            "see past payments, open the Stripe portal (the link is yours alone and expires "
            f"soon):\n{result.url}"
        )
    return Said(
        f"*Paying {result.company}*: add a card on Stripe's page; statements are charged to it on "
        f"the charge day (the link is yours alone and expires in 24 hours):\n{result.url}"
    )


def cannot_pay(result: CannotPay, audience: str) -> Said:
    held = f"As {result.role} you" if result.role else "You"
    return Said(
        f"*Paying {result.company}*: {held} can't pay for it or change its card: its owners, "
        "admins and billing people can. Ask one of them (`@billbot who has billing access`)."
    )


def paid_by_hand(result: PaidByHand, audience: str) -> Said:
    to = f" to {result.invoice_email}" if result.invoice_email else ""
    return Said(
        f"*Paying {result.company}*: it is billed by hand, not by card. Each statement is "
        f"invoiced{to}; pay it as the invoice says, and the operator records the payment."
    )
