"""The next charge, what is due, and what is overdue."""

from billing.money import Money
from bot.render.answers.said import Said, money_buttons
from bot.render.notice_words import day
from bot.render.replies.sentences import count
from commands.questions.answers import Carried, Dues, Upcoming


def upcoming_line(up: Upcoming) -> str:
    what = (
        f"the {up.month.label()} statement"
        if up.final
        else f"{up.month.label()} so far (an estimate: the month is still running)"
    )
    text = f"*{up.amount}* on {day(up.charge_on)}, for {what}."
    if up.billing_mode != "stripe":
        return text + " It is billed by hand."
    if up.card is None:
        return text + " There is no card on file yet: add one before then."
    return text + f" It will be charged to the {up.card}."


def next_charge(up: Upcoming, audience: str) -> Said:
    return Said(
        f"*Next charge for {up.company}*: {upcoming_line(up)}",
        money_buttons(up.company_id, up, up.billing_mode == "stripe", up.card is not None),
    )


def dues(result: Dues, audience: str) -> Said:
    if result.overdue_only:
        return _overdue(result)
    up = result.upcoming
    stripe, card = up.billing_mode == "stripe", up.card is not None
    head = f"*Due from {result.company}*: "
    carried = [_carried(c, up.month.label()) for c in result.carried]
    if not result.unpaid:
        return Said(
            "\n".join([head + f"nothing right now. Next: {upcoming_line(up)}", *carried]),
            money_buttons(up.company_id, up, stripe, card),
        )
    total = sum(u.amount.amount_minor for u in result.unpaid)
    lines = [head + f"*{Money(total, result.unpaid[0].amount.currency)}*."]
    for u in result.unpaid:
        when = f", due {day(u.due_on)}" if u.due_on else ""
        lateness = f" ({count(u.days_late, 'day')} late)" if u.days_late else ""
        lines.append(f"• {u.month.label()}: {u.amount}{when}{lateness}")
    lines += carried
    return Said("\n".join(lines), money_buttons(up.company_id, None, stripe, card))


def _overdue(result: Dues) -> Said:
    up, late = result.upcoming, result.late
    head = f"*Overdue at {result.company}*: "
    if not late:
        return Said(head + "nothing is overdue.", money_buttons(up.company_id, None, False, True))
    lines = [head + f"{len(late)} statement{'s' if len(late) > 1 else ''} late."]
    lines += [
        f"• {u.month.label()}: *{u.amount}*, due {day(u.due_on)}, {count(u.days_late, 'day')} late"
        for u in late
        if u.due_on
    ]
    stripe = up.billing_mode == "stripe"
    return Said("\n".join(lines), money_buttons(up.company_id, None, stripe, up.card is not None))


def _carried(c: Carried, into: str) -> str:
    """A total carried instead of charged: too small to charge, or a credit."""
    if c.amount.amount_minor < 0:
        return (
            f"A credit of {-c.amount} from {c.month.label()} is carried into the {into} statement."
        )
    return (
        f"{c.amount} from {c.month.label()} was below the minimum charge: it is carried into "
        f"the {into} statement."
    )
