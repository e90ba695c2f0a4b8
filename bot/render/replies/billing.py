"""The price list, a month's statement and the link to pay."""

from collections.abc import Callable
from typing import Any

from billing.money import Money
from bot.render.replies.billing_changes import describe_plan
from commands.app_views import NO_DOMAIN_YET
from commands.list_plans import PlanList
from commands.pay_link import PayLink
from commands.show_statement import StatementView


def _pay_link(result: PayLink, audience: str) -> str:
    if result.kind == "portal":
        return (
            f"{result.company} pays with the {result.card}. To change the card or see past "
            "payments, open the Stripe portal (the link is yours alone and expires soon):\n"
            f"{result.url}"
        )
    # A bare URL: Slack links it, and nothing typed by anyone can turn into a link here.
    return (
        f"Add a card for {result.company} on Stripe's page; statements are charged to it on "
        f"the charge day (the link is yours alone and expires in 24 hours):\n{result.url}"
    )


def _plans(result: PlanList, audience: str) -> str:
    if not result.items:
        return "The price list is empty. Operators add plans with `/billing plan new`."
    lines = [f"Plans ({len(result.items)}):"]
    lines += [f"• {plan.name}: {describe_plan(plan)}" for plan in result.items]
    return "\n".join(lines)


def _statement(result: StatementView, audience: str) -> str:
    state = "estimate" if result.status == "draft" else result.status.replace("_", " ")
    number = f" {result.number}" if result.number else ""
    lines = [f"*{result.company}: statement{number} for {result.month}* ({state})"]
    if not result.lines:
        lines.append("Nothing billed this month.")
    for line in result.lines:
        lines.append(f"• {line.description}: {Money(line.amount_minor, result.currency)}")
    lines.append(f"*Total: {result.total}*")
    if result.awaiting_domain:
        apps = ", ".join(result.awaiting_domain)
        lines.append(f"{apps}: on a paid plan but {NO_DOMAIN_YET}.")
    if result.charge_on and result.status in ("draft", "finalized"):
        lines.append(f"Charged on {result.charge_on}, due by {result.due_on}.")
    return "\n".join(lines)


TEXTS: dict[type, Callable[[Any, str], str]] = {
    PayLink: _pay_link,
    PlanList: _plans,
    StatementView: _statement,
}
