"""A question asked in Slack (an @mention or a DM) becomes an answer: understood by
`bot.questions`, read by `commands.questions`, worded by `bot.render.answers`.

Where it may be read: in a DM, or in the channel linked to the company, the answer goes in the
thread for all to see; anywhere else an answer about a company is shown to the asker alone, so
no amount reaches a channel that is not linked to it.
"""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import DomainError
from bot.questions.facts import facts_for
from bot.questions.reader import Question, understand
from bot.render.answers.askable import ASKABLE
from bot.render.answers.by_type import said
from bot.render.answers.said import Said
from bot.terms import Terms
from commands.actor import Actor
from commands.questions.askable import Askable, askable, which_company
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
    ask = askable(uow, actor, channel_id)
    question = understand(text, ask.companies, ask.apps, ask.plans)
    if question.intent == "unknown":
        return Answer(Said(ASKABLE), False, "unknown")
    company_id = _company_of(question, ask)
    if company_id is None:
        return Answer(said(which_company(ask), actor.audience), not direct, "which_company")
    shared_here = direct or company_id == ask.linked
    try:
        result = facts_for(
            question, company_id, uow=uow, actor=actor, channel_id=channel_id, now=now, terms=terms
        )
    except DomainError as error:
        return Answer(Said(error.message), not direct, question.intent)
    private = not shared_here or (question.intent == "pay" and not direct)
    return Answer(said(result, actor.audience), private, question.intent)


def _company_of(question: Question, ask: Askable) -> int | None:
    if question.company is not None:
        return ask.companies[question.company]
    if question.app is not None:
        return ask.apps[question.app]
    return ask.linked or ask.only()
