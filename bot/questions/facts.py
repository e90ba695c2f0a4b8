"""The use case that reads what answers each intent, for the company the question means."""

from datetime import datetime

from billing.periods import Month
from bot.questions.reader import Question
from bot.terms import Terms
from commands.actor import Actor
from commands.questions.app_billing import app_costs, billed_apps
from commands.questions.app_plans import app_plans
from commands.questions.billing_people import billing_people
from commands.questions.card_on_file import card_on_file
from commands.questions.due_date import due_date
from commands.questions.dues import dues
from commands.questions.invoice_email import invoice_email
from commands.questions.last_statement import last_statement
from commands.questions.next_charge import next_charge
from commands.questions.pay import pay
from commands.questions.payments_made import payments_made
from commands.questions.permissions import permissions
from storage.unit_of_work import UnitOfWork


def facts_for(
    question: Question,
    company_id: int,
    *,
    uow: UnitOfWork,
    actor: Actor,
    channel_id: str,
    now: datetime,
    terms: Terms,
    month: Month | None = None,
) -> object:
    """A fact of commands.questions.answers (or a pay link), raising a DomainError when refused.
    `month`: the month the question (or its thread) is about, for a statement."""
    asked = (uow, actor, company_id)
    calendar, here = terms.calendar, channel_id
    match question.intent:
        case "next_charge":
            return next_charge(*asked, channel_id=here, now=now, calendar=calendar)
        case "due_date":
            return due_date(*asked, channel_id=here, now=now, calendar=calendar)
        case "due" | "overdue":
            late = question.intent == "overdue"
            return dues(*asked, channel_id=here, now=now, calendar=calendar, overdue_only=late)
        case "last_statement":
            return last_statement(*asked, channel_id=here, now=now, calendar=calendar, month=month)
        case "app_plan":
            return app_plans(*asked, channel_id=here, app=question.app, now=now)
        case "billed_apps":
            return billed_apps(*asked, channel_id=here, app=question.app, now=now)
        case "app_cost":
            return app_costs(*asked, channel_id=here, app=question.app, now=now)
        case "billing_access":
            return billing_people(*asked, channel_id=here)
        case "invoice_email":
            return invoice_email(*asked, channel_id=here)
        case "card_expiry":
            return card_on_file(*asked, channel_id=here, now=now, calendar=calendar)
        case "payments_made":
            return payments_made(*asked, channel_id=here, now=now)
        case "pay":
            gateway, url = terms.gateway, terms.public_url
            return pay(uow, gateway, actor, company_id, channel_id=here, public_url=url)
        case _:
            return permissions(*asked, channel_id=here)
