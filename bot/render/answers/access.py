"""Who has billing access to a company, and what the asker may do there."""

from bot.render.answers.said import Said
from commands.questions.answers import BillingPeople, Permissions


def billing_people(result: BillingPeople, audience: str) -> Said:
    head = f"*Billing access at {result.company}*"
    if not result.people:
        return Said(head + ": nobody yet.")
    lines = [head + " (they get reminders and may pay or change the card):"]
    lines += [f"• {name}: {role}" for name, role in result.people]
    return Said("\n".join(lines))


def permissions(result: Permissions, audience: str) -> Said:
    head = f"*Your access to {result.company}*: "
    if result.role is not None:
        lines = [head + f"you are *{result.role}*. You may:"]
        lines += [f"• {action}" for action in result.allowed]
        return Said("\n".join(lines))
    if result.is_operator:
        lines = [
            head + "you are an operator, with no role in it.",
            "As operator you may read its billing, keep the price list and record "
            "payments by hand.",
        ]
    else:
        lines = [head + "you have no role in it."]
    if result.through_channel:
        lines.append(
            "This channel is linked to it, so anyone here may read its statements and dues. "
            "Ask an owner or admin for a role to do more."
        )
    return Said("\n".join(lines))
