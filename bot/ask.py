"""A question asked in Slack (an @mention or a DM) becomes an answer: understood by
`bot.questions`, read by `commands.questions`, worded by `bot.render.answers`.

Where it may be read: in a DM, or in the channel linked to the company, the answer goes in the
thread for all to see; anywhere else an answer about a company is shown to the asker alone, so
no amount reaches a channel that is not linked to it.

A thread remembers what it is about (company, intent, app, month): a follow-up there ("and last
month?", "what about shop?") asks the same again, and any question there is about the
thread's company unless it names another. When two intents are close, the asker gets one
short question back with a button for each; the click is answered in the same thread.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from billing.calendar import local_date
from billing.errors import DomainError
from billing.periods import Month
from bot.questions.facts import facts_for
from bot.questions.follow_ups import is_follow_up, month_meant
from bot.questions.reader import Question, understand
from bot.render.answers.ask_back import ask_back
from bot.render.answers.askable import ASKABLE
from bot.render.answers.by_type import said
from bot.render.answers.said import Said
from bot.terms import Terms
from commands.actor import Actor
from commands.questions.answers import LastStatement
from commands.questions.askable import Askable, askable, which_company
from commands.questions.threads import ThreadSubject, keep_subject, thread_subject
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Answer:
    said: Said
    private: bool  # only the asker may see it
    intent: str
    confidence: float = 1.0  # the reader's probability of `intent` (1.0: chosen by a button)


@dataclass(frozen=True)
class Where:
    """Where a question was asked: the channel, whether it is a DM, and its thread."""

    channel_id: str
    direct: bool  # a DM with the bot, where nobody else reads
    thread_ts: str | None = None  # the thread it was asked in (its first message's ts)


def answer_question(
    text: str,
    *,
    uow: UnitOfWork,
    actor: Actor,
    channel_id: str,
    direct: bool,
    now: datetime,
    terms: Terms,
    thread_ts: str | None = None,
    picked: str | None = None,
) -> Answer:
    """`thread_ts`: the thread it was asked in; `picked`: the intent an ask-back button chose."""
    where = Where(channel_id, direct, thread_ts)
    ask = askable(uow, actor, channel_id)
    subject = thread_subject(uow, actor, channel_id, thread_ts) if thread_ts else None
    question = understand(text, ask.companies, ask.apps, ask.plans)
    if picked is not None:
        question = replace(question, intent=picked, runner_up=None, confidence=1.0)
    elif subject and subject.intent and is_follow_up(question):
        question = replace(
            question,
            intent=subject.intent,
            runner_up=None,
            app=question.app or (subject.app if not question.company else None),
        )
    if question.intent == "unknown":
        return Answer(Said(ASKABLE), False, "unknown", question.confidence)
    company_id = _company_of(question, ask, subject)
    if question.runner_up is not None and thread_ts:
        _keep(uow, actor, where, ThreadSubject(company_id, None, question.app, None, text), now)
        asked_back = ask_back(question.intent, question.runner_up, thread_ts)
        return Answer(asked_back, not direct, "ask_back", question.confidence)
    if company_id is None:
        return Answer(said(which_company(ask), actor.audience), not direct, "which_company")
    month = _month(question, subject, now)
    try:
        result = facts_for(
            question,
            company_id,
            uow=uow,
            actor=actor,
            channel_id=channel_id,
            now=now,
            terms=terms,
            month=month,
        )
    except DomainError as error:
        return Answer(Said(error.message), not direct, question.intent, question.confidence)
    if thread_ts:
        shown = _month_shown(result) or month
        kept = ThreadSubject(company_id, question.intent, question.app, shown, text)
        _keep(uow, actor, where, kept, now)
    shared_here = direct or company_id == ask.linked
    private = not shared_here or (question.intent == "pay" and not direct)
    answer = _other_bill(said(result, actor.audience), question)
    return Answer(answer, private, question.intent, question.confidence)


def _company_of(question: Question, ask: Askable, subject: ThreadSubject | None) -> int | None:
    if question.company is not None:
        return ask.companies[question.company]
    if question.app is not None:
        return ask.apps[question.app]
    if subject is not None and subject.company_id in ask.companies.values():
        return subject.company_id
    return ask.linked or ask.only()


def _month(question: Question, subject: ThreadSubject | None, now: datetime) -> Month | None:
    if question.intent != "last_statement":
        return None
    current = Month.of(local_date(now, "UTC"))
    return month_meant(question.month, subject.month if subject else None, current)


def _month_shown(result: object) -> Month | None:
    if isinstance(result, LastStatement) and result.statement is not None:
        return result.statement.month
    return None


def _other_bill(answer: Said, question: Question) -> Said:
    """A question that mentions some other bill gets this bill's facts, and says so once."""
    if question.other_bill is None:
        return answer
    note = f"_(This is your bill with us; I can't see the {question.other_bill}.)_"
    return replace(answer, text=f"{answer.text}\n{note}")


def _keep(
    uow: UnitOfWork, actor: Actor, where: Where, subject: ThreadSubject, now: datetime
) -> None:
    if where.thread_ts:
        keep_subject(uow, actor, where.channel_id, where.thread_ts, subject, now=now)
