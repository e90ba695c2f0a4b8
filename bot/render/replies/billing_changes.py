"""Sentences confirming a change to apps, the price list, usage and payments."""

from collections.abc import Callable
from typing import Any

from bot.render.replies.late_dates import late_words
from bot.render.replies.sentences import template
from commands.create_app import AppCreated
from commands.create_plan import PlanCreated
from commands.delete_app import AppDeleted
from commands.list_plans import PlanView
from commands.mark_paid import MarkedPaid
from commands.record_usage import UsageRecorded
from commands.set_app_domain import DomainSet
from commands.set_app_plan import AppPlanSet


def describe_plan(plan: PlanView) -> str:
    """A plan's price and environment, as the price list shows it."""
    text = "unbilled" if plan.kind == "unbilled" else f"{plan.price} a month"
    if plan.metric and plan.unit_price is not None:
        text += f" + {plan.unit_price} per {plan.metric} above {plan.included:,} a day"
    return f"{text}, {plan.environment}"


def _app_created(r: AppCreated) -> str:
    on_plan = f"on plan {r.plan}" if r.plan else "unbilled (no plan yet)"
    trial = ", in trial" if r.trial else ""
    return f"Created {r.environment} app {r.app} in {r.company}, {on_plan}{trial}."


def _domain_set(r: DomainSet) -> str:
    return f"{r.app} now answers at {r.domain} (since {r.since}).{late_words(r.late)}"


def _plan_set(r: AppPlanSet) -> str:
    return f"{r.app} is on plan {r.plan} from {r.since}.{late_words(r.late)}"


def _usage_recorded(r: UsageRecorded) -> str:
    text = f"Recorded {r.quantity:,} {r.metric} for {r.app} on {r.day}."
    return text + late_words(r.late)


def _app_deleted(r: AppDeleted) -> str:
    text = f"Deleted {r.app} as of {r.on}: it is billed through that day."
    return text + late_words(r.late)


def _plan_created(r: PlanCreated) -> str:
    return f"Added plan {r.plan.name}: {describe_plan(r.plan)}."


WORDS: dict[type, Callable[[Any], str]] = {
    AppCreated: _app_created,
    DomainSet: _domain_set,
    AppPlanSet: _plan_set,
    AppDeleted: _app_deleted,
    PlanCreated: _plan_created,
    UsageRecorded: _usage_recorded,
    MarkedPaid: template("Marked the {r.month} statement of {r.company} paid."),
}
