"""Sentences confirming a change to apps, the price list, usage and payments."""

from collections.abc import Callable
from typing import Any

from billing.money import format_unit_price
from bot.render.replies.late_dates import late_words, later_words
from bot.render.replies.sentences import template
from commands.create_api_key import ApiKeyCreated
from commands.create_app import AppCreated
from commands.create_plan import PlanCreated
from commands.delete_app import AppDeleted
from commands.list_plans import PlanPrice, PlanView
from commands.mark_paid import MarkedPaid
from commands.record_usage import UsageRecorded
from commands.reprice_plan import PlanRepriced
from commands.retire_plan import PlanRetired
from commands.revoke_api_key import ApiKeyRevoked
from commands.set_app_domain import DomainSet
from commands.set_app_plan import AppPlanSet


def describe_price(price: PlanPrice, metric: str | None, currency: str) -> str:
    """'49.00 USD a month + 0.0004 USD each for requests over 10,000 a day'."""
    text = "unbilled" if price.kind == "unbilled" else f"{price.price} a month"
    if metric and price.unit_price_micros is not None:
        unit = f"{format_unit_price(price.unit_price_micros, currency)} each for {metric}"
        unit += f" over {price.included:,} a day" if price.included else ""
        text = f"{text} + {unit}" if price.price.amount_minor else unit
    return text


def describe_plan(plan: PlanView) -> str:
    """A plan's price and environment, as the price list shows it, with a change to come."""
    text = f"{describe_price(plan.now, plan.metric, plan.currency)}, {plan.environment}"
    if plan.next_change is not None:
        since, price = plan.next_change
        text += f"; from {since.isoformat()}: {describe_price(price, plan.metric, plan.currency)}"
    return text + (" (retired: apps on it keep it, no new ones)" if plan.retired else "")


def _app_created(r: AppCreated) -> str:
    on_plan = f"on plan {r.plan}" if r.plan else "unbilled (no plan yet)"
    trial = ", in trial" if r.trial else ""
    return f"Created {r.environment} app {r.app} in {r.company}, {on_plan}{trial}."


def _domain_set(r: DomainSet) -> str:
    text = f"{r.app} now answers at {r.domain} (since {r.since})."
    return text + late_words(r.late) + later_words(r.billed_from)


def _plan_set(r: AppPlanSet) -> str:
    text = f"{r.app} is on plan {r.plan} from {r.since}."
    return text + late_words(r.late) + later_words(r.billed_from)


def _usage_recorded(r: UsageRecorded) -> str:
    if r.day_total is not None:
        text = (
            f"Corrected {r.app}'s {r.metric} on {r.day} by {r.quantity:,}: "
            f"{r.day_total:,} for that day now."
        )
    else:
        text = f"Recorded {r.quantity:,} {r.metric} for {r.app} on {r.day}."
    return text + late_words(r.late)


def _app_deleted(r: AppDeleted) -> str:
    text = f"Deleted {r.app} as of {r.on}: it is billed through that day."
    return text + late_words(r.late)


def _plan_created(r: PlanCreated) -> str:
    return f"Added plan {r.plan.name}: {describe_plan(r.plan)}."


def _plan_repriced(r: PlanRepriced) -> str:
    was = describe_price(r.was, r.metric, r.was.price.currency)
    new = describe_price(r.now, r.metric, r.now.price.currency)
    return (
        f"Plan {r.plan} costs {new} from {r.since.isoformat()} (until then {was}). "
        "Statements already made don't change."
    )


def _api_key_created(r: ApiKeyCreated) -> str:
    return (
        f"API key “{r.label}”: {r.key}\nIt is shown this once: keep it in your meter's secrets. "
        "Send usage with `POST /api/usage` and the header `Authorization: Bearer <key>`; "
        f"`/billing api-key revoke {r.label}` stops it."
    )


def _plan_retired(r: PlanRetired) -> str:
    if r.already:
        return f"Plan {r.plan} was already retired."
    keeping = {0: "No app is on it.", 1: "The 1 app on it keeps it."}.get(
        r.apps_keeping_it, f"The {r.apps_keeping_it} apps on it keep it."
    )
    return f"Retired plan {r.plan}: no app can be put on it from now on. {keeping}"


WORDS: dict[type, Callable[[Any], str]] = {
    AppCreated: _app_created,
    DomainSet: _domain_set,
    AppPlanSet: _plan_set,
    AppDeleted: _app_deleted,
    PlanCreated: _plan_created,
    PlanRepriced: _plan_repriced,
    PlanRetired: _plan_retired,
    ApiKeyCreated: _api_key_created,
    ApiKeyRevoked: template(
        "Revoked API key “{r.label}”: requests with it are refused from now on."
    ),
    UsageRecorded: _usage_recorded,
    MarkedPaid: template("Marked the {r.month} statement of {r.company} paid."),
}
