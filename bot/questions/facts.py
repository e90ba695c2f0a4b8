"""The use case that reads what answers each intent, for the company the question means."""

from datetime import datetime

from bot.questions.reader import Question
from bot.terms import Terms
from commands.actor import Actor
from commands.questions.app_plans import app_plans
from commands.questions.billing_people import billing_people
from commands.questions.dues import dues
from commands.questions.last_statement import last_statement
from commands.questions.next_charge import next_charge
from commands.questions.pay import pay
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
) -> object:
    """A fact of commands.questions.answers (or a pay link), raising a DomainError when refused."""
    asked = (uow, actor, company_id)
    calendar = terms.calendar
    match question.intent:
        case "next_charge":
            return next_charge(*asked, channel_id=channel_id, now=now, calendar=calendar)
        case "due" | "overdue":
            overdue = question.intent == "overdue"
            return dues(
                *asked, channel_id=channel_id, now=now, calendar=calendar, overdue_only=overdue
            )
        case "last_statement":
            return last_statement(*asked, channel_id=channel_id, now=now, calendar=calendar)
        case "app_plan":
            return app_plans(*asked, channel_id=channel_id, app=question.app, now=now)
        case "billing_access":
            return billing_people(*asked, channel_id=channel_id)
        case "pay":
            return pay(
                uow,
                terms.gateway,
                actor,
                company_id,
                channel_id=channel_id,
                public_url=terms.public_url,
            )
        case _:
            return permissions(*asked, channel_id=channel_id)
