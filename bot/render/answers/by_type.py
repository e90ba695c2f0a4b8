"""Each fact a question's use case returns, to the answer that words it."""

from collections.abc import Callable
from typing import Any

from bot.render.answers import access, app_plans, askable, charges, last_statement, paying
from bot.render.answers.said import Said
from commands.pay_link import PayLink
from commands.questions.answers import (
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

_RENDERERS: dict[type, Callable[[Any, str], Said]] = {
    Upcoming: charges.next_charge,
    Dues: charges.dues,
    LastStatement: last_statement.last_statement,
    AppPlans: app_plans.app_plans,
    BillingPeople: access.billing_people,
    Permissions: access.permissions,
    PayLink: paying.pay_link,
    CannotPay: paying.cannot_pay,
    PaidByHand: paying.paid_by_hand,
    WhichCompany: askable.which_company,
}


def said(result: object, audience: str) -> Said:
    """`audience`: who reads it (a client sees no technical detail)."""
    render = _RENDERERS.get(type(result))
    if render is None:
        raise TypeError(f"no answer for {type(result).__name__}")
    return render(result, audience)
