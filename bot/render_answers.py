"""Answers to questions asked in Slack, as text and buttons; each opens with a bold line that
says what it answers and for which company."""

from dataclasses import dataclass
from functools import singledispatch

from billing.money import Money
from bot.render.buttons import pay_button, view_button
from bot.render.notice_words import day
from commands.app_views import AppView
from commands.pay_link import PayLink
from commands.views import (
    AppPlans,
    BillingPeople,
    CannotPay,
    Dues,
    LastStatement,
    PaidByHand,
    Permissions,
    Upcoming,
    WhichCompany,
)

Buttons = tuple[tuple[str, str, str], ...]  # (label, action id, value)

ASKABLE = (
    "I answer billing questions, for example:\n"
    "• when is our next charge, and how much?\n"
    "• what do we owe, and by when?\n"
    "• show the last statement\n"
    "• is anything overdue?\n"
    "• which plan is <app> on?\n"
    "• who has billing access?\n"
    "• how do I pay or update the card?\n"
    "• what can I do here?\n"
    "Name the company when this channel isn't linked to it. For everything else: "
    "`/billing help`."
)
NO_COMPANY = (
    "I answer questions about the companies you have billing access to, or about the company "
    "linked to the channel you ask in, and I can't tell which one you mean here. "
    "`/billing companies` lists yours."
)


@dataclass(frozen=True)
class Said:
    text: str
    buttons: Buttons = ()


def _buttons(*specs: dict[str, str]) -> Buttons:
    return tuple((b["text"], b["action_id"], b["value"]) for b in specs)


def _money_buttons(
    company_id: int, month_button: Upcoming | None, stripe: bool, card: bool
) -> Buttons:
    views = [view_button(company_id, month_button.month)] if month_button else []
    return _buttons(*views, *pay_button(company_id, stripe, card))


@singledispatch
def said(result: object, audience: str) -> Said:
    raise TypeError(f"no answer for {type(result).__name__}")


def _upcoming_line(up: Upcoming) -> str:
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


@said.register
def _next(up: Upcoming, audience: str) -> Said:
    return Said(
        f"*Next charge for {up.company}*: {_upcoming_line(up)}",
        _money_buttons(up.company_id, up, up.billing_mode == "stripe", up.card is not None),
    )


@said.register
def _dues(result: Dues, audience: str) -> Said:
    up = result.upcoming
    stripe = up.billing_mode == "stripe"
    if result.overdue_only:
        late = result.late
        head = f"*Overdue at {result.company}*: "
        if not late:
            return Said(
                head + "nothing is overdue.", _money_buttons(up.company_id, None, False, True)
            )
        lines = [head + f"{len(late)} statement{'s' if len(late) > 1 else ''} late."]
        lines += [
            f"• {u.month.label()}: *{u.amount}*, due {day(u.due_on)}, {u.days_late} days late"
            for u in late
            if u.due_on
        ]
        return Said(
            "\n".join(lines), _money_buttons(up.company_id, None, stripe, up.card is not None)
        )
    head = f"*Due from {result.company}*: "
    if not result.unpaid:
        return Said(
            head + f"nothing right now. Next: {_upcoming_line(up)}",
            _money_buttons(up.company_id, up, stripe, up.card is not None),
        )
    total = sum(u.amount.amount_minor for u in result.unpaid)
    lines = [head + f"*{Money(total, result.unpaid[0].amount.currency)}*."]
    for u in result.unpaid:
        when = f", due {day(u.due_on)}" if u.due_on else ""
        lateness = f" ({u.days_late} days late)" if u.days_late else ""
        lines.append(f"• {u.month.label()}: {u.amount}{when}{lateness}")
    return Said("\n".join(lines), _money_buttons(up.company_id, None, stripe, up.card is not None))


@said.register
def _last(result: LastStatement, audience: str) -> Said:
    shown = result.statement
    if shown is None:
        up = result.upcoming
        return Said(
            f"*Last statement of {result.company}*: none closed yet. "
            f"{up.month.label()} comes to {up.amount} so far (an estimate).",
            _buttons(view_button(result.company_id, up.month)),
        )
    state = shown.status.replace("_", " ")
    lines = [f"*Last statement of {result.company}*: {shown.month.label()}, {state}."]
    lines += [
        f"• {line.description}: {Money(line.amount_minor, shown.currency)}"
        for line in shown.lines[:12]
    ]
    if len(shown.lines) > 12:
        lines.append(f"• …and {len(shown.lines) - 12} more lines")
    lines.append(f"*Total: {shown.total}*")
    return Said("\n".join(lines), _buttons(view_button(result.company_id, shown.month)))


def _plan_line(app: AppView, audience: str) -> str:
    where = f" ({app.environment})" if audience != "client" else ""
    if app.plan is None:
        return f"• {app.name}{where}: no plan yet"
    since = f" since {day(app.plan_since)}" if app.plan_since else ""
    trial = ", on trial" if app.trial else ""
    return f"• {app.name}{where}: {app.plan}{since}{trial}"


@said.register
def _plans(result: AppPlans, audience: str) -> Said:
    if not result.apps:
        return Said(f"*Plans at {result.company}*: it has no apps yet.")
    head = (
        f"*Plan of {result.asked} ({result.company})*"
        if result.asked
        else f"*Plans at {result.company}*"
    )
    return Said("\n".join([head, *(_plan_line(a, audience) for a in result.apps)]))


@said.register
def _people(result: BillingPeople, audience: str) -> Said:
    head = f"*Billing access at {result.company}*"
    if not result.people:
        return Said(head + ": nobody yet.")
    lines = [head + " (they get reminders and may pay or change the card):"]
    lines += [f"• {name}: {role}" for name, role in result.people]
    return Said("\n".join(lines))


@said.register
def _cannot_pay(result: CannotPay, audience: str) -> Said:
    held = f"As {result.role} you" if result.role else "You"
    return Said(
        f"*Paying {result.company}*: {held} can't pay for it or change its card: its owners, "
        "admins and billing people can. Ask one of them (`@billbot who has billing access`)."
    )


@said.register
def _pay_link(result: PayLink, audience: str) -> Said:
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


@said.register
def _by_hand(result: PaidByHand, audience: str) -> Said:
    to = f" to {result.invoice_email}" if result.invoice_email else ""
    return Said(
        f"*Paying {result.company}*: it is billed by hand, not by card. Each statement is "
        f"invoiced{to}; pay it as the invoice says, and the operator records the payment."
    )


@said.register
def _permissions(result: Permissions, audience: str) -> Said:
    head = f"*Your access to {result.company}*: "
    if result.role is None:
        lines = [
            head
            + (
                "you are an operator, with no role in it."
                if result.is_operator
                else "you have no role in it."
            )
        ]
        if result.is_operator:
            lines.append(
                "As operator you may read its billing, keep the price list and record "
                "payments by hand."
            )
        if result.through_channel:
            lines.append(
                "This channel is linked to it, so anyone here may read its statements and dues. "
                "Ask an owner or admin for a role to do more."
            )
        return Said("\n".join(lines))
    lines = [head + f"you are *{result.role}*. You may:"]
    lines += [f"• {action}" for action in result.allowed]
    return Said("\n".join(lines))


@said.register
def _which(result: WhichCompany, audience: str) -> Said:
    if not result.options:
        return Said(NO_COMPANY)
    names = result.options
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    more = f" (and {result.total - len(names)} more)" if result.total > len(names) else ""
    return Said(
        f"*Which company do you mean?* You may ask about {listed}{more}: say its name, e.g. "
        f"“next charge for {names[0]}”."
    )
