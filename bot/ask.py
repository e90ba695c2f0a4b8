"""A question asked in Slack (an @mention or a DM) becomes an answer: understood by
`bot.questions`, read by `commands.questions`, worded by `bot.render_answers`.

Where it may be read: in a DM, or in the channel linked to the company, the answer goes in the
thread for all to see; anywhere else an answer about a company is shown to the asker alone, so
no amount reaches a channel that is not linked to it.
"""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import DomainError
from bot.questions import Question, understand
from bot.render_answers import ASKABLE, Said, said
from bot.terms import Terms
from commands import questions as q
from commands.actor import Actor
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Answer:
    said: Said
    private: bool  # only the asker may see it
    intent: str


def answer_question(
    text: str,
    *,
    uow: UnitOfWork,
    actor: Actor,
    channel_id: str,
    direct: bool,
    now: datetime,
    terms: Terms,
) -> Answer:
    """`direct`: asked in a DM with the bot, where nobody else reads."""
    ask = q.askable(uow, actor, channel_id)
    question = understand(text, ask.companies, ask.apps, ask.plans)
    if question.intent == "unknown":
        return Answer(Said(ASKABLE), False, "unknown")
    company_id = _company_of(question, ask)
    if company_id is None:
        return Answer(said(q.which_company(ask), actor.audience), not direct, "which_company")
    shared_here = direct or company_id == ask.linked
    try:
        result = _read(question, company_id, uow, actor, channel_id, now, terms)
    except DomainError as error:
        return Answer(Said(error.message), not direct, question.intent)
    private = not shared_here or (question.intent == "pay" and not direct)
    return Answer(said(result, actor.audience), private, question.intent)


def _company_of(question: Question, ask: q.Askable) -> int | None:
    if question.company is not None:
        return ask.companies[question.company]
    if question.app is not None:
        return ask.apps[question.app]
    return ask.linked or ask.only()


def _read(
    question: Question,
    company_id: int,
    uow: UnitOfWork,
    actor: Actor,
    channel_id: str,
    now: datetime,
    terms: Terms,
) -> object:
    where = {"channel_id": channel_id}
    match question.intent:
        case "next_charge":
            return q.next_charge(uow, actor, company_id, now=now, calendar=terms.calendar, **where)
        case "due" | "overdue":
            overdue = question.intent == "overdue"
            return q.dues(
                uow,
                actor,
                company_id,
                now=now,
                calendar=terms.calendar,
                overdue_only=overdue,
                **where,
            )
        case "last_statement":
            return q.last_statement(
                uow, actor, company_id, now=now, calendar=terms.calendar, **where
            )
        case "app_plan":
            return q.app_plans(uow, actor, company_id, app=question.app, **where)
        case "billing_access":
            return q.billing_people(uow, actor, company_id, **where)
        case "pay":
            return q.pay(
                uow, terms.gateway, actor, company_id, public_url=terms.public_url, **where
            )
        case _:
            return q.permissions(uow, actor, company_id, **where)
