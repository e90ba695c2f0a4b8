"""By when a bill must be paid, the card it is charged to, and what has been paid."""

from bot.render.answers.said import Said, money_buttons
from bot.render.notice_words import day
from bot.render.replies.sentences import count
from commands.questions.answers import CardOnFile, DueDate, PaymentsMade


def due_date(result: DueDate, audience: str) -> Said:
    up = result.upcoming
    stripe, card = up.billing_mode == "stripe", up.card is not None
    head = f"*Due date for {result.company}*: "
    if not result.unpaid:
        what = "an estimate so far" if not up.final else "final"
        return Said(
            head + f"nothing is waiting to be paid. The next statement, for {up.month.label()} "
            f"(*{up.amount}*, {what}), is charged on {day(up.charge_on)} and due by "
            f"*{day(result.next_due_on)}*.",
            money_buttons(up.company_id, up, stripe, card),
        )
    if len(result.unpaid) == 1:
        (u,) = result.unpaid
        due = f"due by *{day(u.due_on)}*" if u.due_on else "due now"
        late = f", {count(u.days_late, 'day')} ago" if u.days_late else ""
        return Said(
            head + f"the {u.month.label()} statement ({u.amount}) is {due}{late}.",
            money_buttons(up.company_id, None, stripe, card),
        )
    lines = [head + f"{len(result.unpaid)} statements are waiting to be paid."]
    for u in result.unpaid:
        due = f"due by {day(u.due_on)}" if u.due_on else "due now"
        late = f" ({count(u.days_late, 'day')} late)" if u.days_late else ""
        lines.append(f"• {u.month.label()}: {u.amount}, {due}{late}")
    return Said("\n".join(lines), money_buttons(up.company_id, None, stripe, card))


def card_on_file(result: CardOnFile, audience: str) -> Said:
    head = f"*Card on file for {result.company}*: "
    if result.billing_mode != "stripe":
        return Said(
            head + "none: it is billed by hand, so no card is charged. Each statement is "
            "invoiced and paid as the invoice says."
        )
    buttons = money_buttons(result.company_id, None, True, result.card is not None)
    if result.card is None:
        return Said(
            head + f"no card is saved yet. Add one before the next charge on "
            f"{day(result.next_charge_on)}.",
            buttons,
        )
    if result.expires is None:
        return Said(head + f"the {result.card}.", buttons)
    text = head + f"the {result.card}, valid through *{day(result.expires)}*."
    if result.expires < result.next_charge_on:
        text += f" That is before the next charge on {day(result.next_charge_on)}: update it."
    return Said(text, buttons)


def payments_made(result: PaymentsMade, audience: str) -> Said:
    head = f"*Payments from {result.company}*"
    open_ = ""
    if result.unpaid:
        months = ", ".join(u.month.label() for u in result.unpaid)
        open_ = f"Not paid yet: {months}."
    if not result.paid:
        return Said(
            head + ": none recorded yet. " + (open_ or "Nothing has been billed so far."),
            money_buttons(result.company_id, None, False, True),
        )
    lines = [head + " (latest first):"]
    for p in result.paid:
        when = f"paid on {day(p.paid_on)}" if p.paid_on else "paid"
        lines.append(f"• {p.month.label()}: {p.amount}, {when}")
    if open_:
        lines.append(open_)
    return Said("\n".join(lines))
