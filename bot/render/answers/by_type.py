"""Each fact a question's use case returns, to the answer that words it."""

from collections.abc import Callable
from typing import Any

from bot.render.answers import (
    access,
    app_billing,
    app_plans,
    askable,
    charges,
    dates_and_payments,
    invoice_email,
    last_statement,
    paying,
)
from bot.render.answers.said import Said
from commands.pay_link import PayLink
from commands.questions.answers import (
    AppCosts,
    AppPlans,
    BilledApps,
    BillingPeople,
    CannotPay,
    CardOnFile,
    DueDate,
    Dues,
    InvoiceEmail,
    LastStatement,
    PaidByHand,
    PaymentsMade,
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
    DueDate: dates_and_payments.due_date,
    CardOnFile: dates_and_payments.card_on_file,
    PaymentsMade: dates_and_payments.payments_made,
    BilledApps: app_billing.billed_apps,
    AppCosts: app_billing.app_costs,
    InvoiceEmail: invoice_email.invoice_email,
}


def said(result: object, audience: str) -> Said:
    """`audience`: who reads it (a client sees no technical detail)."""
    render = _RENDERERS.get(type(result))
    if render is None:
        raise TypeError(f"no answer for {type(result).__name__}")
    return render(result, audience)
