"""What each notification says: plain text with Slack's light markup, turned into Block Kit (or
an e-mail) when it is delivered."""

from collections.abc import Sequence
from datetime import date

from billing.money import Money
from billing.periods import Month
from billing.statement import min_charge_minor

MAX_LINES = 12


def day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def card_words(brand: str | None, last4: str | None) -> str:
    return f"the {(brand or 'card').title()} card ending {last4}" if last4 else "the saved card"


def charge_upcoming(
    company: str,
    month: Month,
    charge_on: date,
    estimate: Money,
    *,
    stripe: bool,
    card: str | None,
) -> str:
    text = (
        f"*{company}*: the {month.label()} statement closes on {day(charge_on)}. "
        f"Estimate so far: *{estimate}*."
    )
    if not stripe:
        return text + " It will be billed by hand."
    if card is None:
        return text + (
            " There is no card on file yet, so the charge cannot go through: add one with the "
            f"button or `/billing pay {_quoted(company)}` before then."
        )
    return text + f" It will be charged to {card}."


def statement_ready(
    company: str,
    month: Month,
    lines: Sequence[tuple[str, int]],  # (description, amount in minor units)
    total: Money,
    *,
    charge_on: date,
    due_on: date,
    stripe: bool,
    number: str | None = None,
) -> str:
    shown = [f"• {text}: {Money(amount, total.currency)}" for text, amount in lines]
    if len(shown) > MAX_LINES:
        shown = [*shown[:MAX_LINES], f"• … and {len(shown) - MAX_LINES} more lines"]
    how = (
        f"It will be charged to the card on file on {day(charge_on)}."
        if stripe
        else f"It is billed by hand: please pay it as invoiced by {day(due_on)}."
    )
    if total.amount_minor < min_charge_minor(total.currency):
        what = "a credit" if total.amount_minor < 0 else "below the minimum charge"
        how = f"Nothing to pay now: the total is {what} and carries into next month's statement."
    return "\n".join(
        [
            f"*{company}: statement {number or ''} for {month.label()}*".replace("  ", " "),
            *shown,
            f"*Total: {total}*",
            how,
        ]
    )


def payment_received(company: str, month: Month, total: Money, card: str | None) -> str:
    paid_with = f" from {card}" if card else ""
    return f"*{company}*: payment of *{total}* received{paid_with} for {month.label()}. Thank you!"


def payment_failed(
    company: str, month: Month, total: Money, reason: str, next_try: date | None, due_on: date
) -> str:
    then = (
        f"We will try again on {day(next_try)}; please update the card before then."
        if next_try
        else f"There are no more automatic tries: please pay by {day(due_on)}."
    )
    return (
        f"*{company}*: the payment of *{total}* for {month.label()} did not go through "
        f"({reason}). {then}"
    )


def payment_due(company: str, month: Month, total: Money, due_on: date) -> str:
    return (
        f"*{company}*: the {month.label()} statement of *{total}* is due on {day(due_on)} "
        "and is not paid yet."
    )


def overdue(company: str, month: Month, total: Money, due_on: date) -> str:
    return (
        f"*{company}*: the {month.label()} statement of *{total}* was due on {day(due_on)} "
        "and is still unpaid."
    )


def card_expiring(company: str, card: str, expires: date, charge_on: date) -> str:
    return (
        f"*{company}*: {card} expires at the end of {expires:%b %Y}, before the next charge "
        f"on {day(charge_on)}. Please update it so the charge goes through."
    )


def manual_billing(month: Month, rows: Sequence[tuple[str, Money]], more: int) -> str:
    listed = [f"• {name}: {total}" for name, total in rows]
    if more:
        listed.append(f"• … and {more} more (`billbot export` lists them all)")
    return "\n".join(
        [
            f"*{month.label()} statements to bill by hand* ({len(rows) + more}):",
            *listed,
            "Record each payment with `/billing mark-paid <company> " + f"{month}`.",
        ]
    )


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def invitation_expired(invitation_id: int) -> str:
    return (
        f"Your invitation #{invitation_id} expired without an answer. "
        f"`/billing resend-invite {invitation_id}` sends a fresh link."
    )


def transfer_requested(requester: str, app: str, from_company: str, to_company: str) -> str:
    pays = f"{to_company} would pay for it from the day after you approve."
    return f"{requester} asks to move {app} from {from_company} to {to_company}; {pays}"


def invoice_email_changed(company: str, before: str | None, after: str, by: str) -> str:
    was = f" (it was {before})" if before else ""
    return (
        f"{by} changed the invoice e-mail of *{company}* to {after}{was}. Statements, with their "
        "PDF, are e-mailed there from the next month closed on."
    )
