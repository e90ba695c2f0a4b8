"""The one place a `/billing` line becomes a reply: parse, call, render, map errors."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from billing.errors import DomainError, NotAllowed
from billing.money import Money
from billing.names import slugify
from bot.bootstrap import run
from bot.delivery.direct import Direct
from bot.grammar import UsageError, parse, usage_of
from bot.registry import BY_REQUEST
from bot.render.buttons import invitation_buttons
from bot.render.replies.invitations import invitee_message
from bot.render.replies.sentences import count
from bot.render.statement_csv import statement_csv
from bot.render.statement_mail import document_file_name
from bot.render.statement_pdf import statement_pdf
from bot.render.text import render
from bot.statement_links import statement_link
from bot.terms import Terms
from commands.actor import Actor
from commands.invitation_sent import InvitationSent
from commands.show_statement import StatementView
from commands.statement_document import StatementDocument
from storage.unit_of_work import UnitOfWork

Result = TypeVar("Result")
CONFLICT = (
    "Someone else changed the same thing at that moment, so nothing was changed. "
    "Look again and try once more."
)


@dataclass(frozen=True)
class Reply:
    """What the person sees, and a file to hand over with it (a statement's CSV)."""

    text: str
    file_name: str | None = None
    file_content: str | bytes | None = None
    private: bool = False  # the file goes to the person alone (their DM with billbot)
    directs: tuple[Direct, ...] = ()  # messages for other people (an invitation's)


def answer(
    text: str,
    *,
    uow: UnitOfWork,
    actor: Actor,
    now: datetime,
    terms: Terms = Terms(),
    channel_id: str | None = None,
) -> Reply:
    """Any line gets a reply: the result, or what was wrong and the right usage.

    `channel_id` is where the line was typed (None where there is no channel: the console).
    """
    try:
        request = parse(text, actor.audience)
    except UsageError as error:
        return Reply(str(error))
    result = settled(
        lambda: run(request, uow=uow, actor=actor, now=now, terms=terms, channel_id=channel_id),
        _name_of(request),
    )
    if isinstance(result, str):
        return Reply(result)
    if isinstance(result, StatementView) and result.document is not None:
        return pdf_reply(result.document, terms, now)
    if isinstance(result, StatementView) and result.csv:
        return Reply(
            f"The {result.month} statement of {result.company} as CSV: "
            f"{count(len(result.lines), 'line')}, total {result.total}.",
            f"{slugify(result.company)}-{result.month}.csv",
            statement_csv(result),
        )
    if isinstance(result, InvitationSent):
        return Reply(render(result, actor.audience), directs=invitation_messages(result))
    return Reply(render(result, actor.audience))


def pdf_reply(document: StatementDocument, terms: Terms, now: datetime) -> Reply:
    """A statement's PDF, for the asker alone, with a link that works for a week."""
    text = (
        f"Statement {document.number} of {document.company} for {document.month.label()} "
        f"({Money(document.total_minor, document.currency)}): the PDF is in your direct "
        "messages with billbot."
    )
    if terms.link_secret:
        link = statement_link(
            terms.link_secret, terms.public_url, document.company_id, document.month, now
        )
        text += f"\nTo download it elsewhere (the link works for 7 days): {link}"
    return Reply(text, document_file_name(document), statement_pdf(document), private=True)


def invitation_messages(sent: InvitationSent) -> tuple[Direct, ...]:
    """To the invitee: a DM with Accept and Decline if they use Slack, else an e-mail."""
    buttons, message = invitation_buttons(sent.id), invitee_message(sent)
    if sent.to_user_id:
        return (Direct(message, user_id=sent.to_user_id, buttons=buttons),)
    if sent.to_email:
        return (Direct(message, email=sent.to_email, subject="An invitation to billing"),)
    return ()


def _name_of(request: object) -> str | None:
    entry = BY_REQUEST.get(type(request))
    return entry.name if entry else None


def settled(work: Callable[[], Result], subcommand: str | None) -> Result | str:
    """What the use case returned, or the words for its refusal or clash: the one place a
    subcommand's errors become text, typed or clicked (use cases return facts, never str)."""
    try:
        return work()
    except DomainError as error:
        return _explain(error, subcommand)
    except IntegrityError:  # the same name or row written by someone else a moment ago
        return CONFLICT


def _explain(error: DomainError, subcommand: str | None) -> str:
    if isinstance(error, NotAllowed) or subcommand is None:
        return error.message
    return f"{error.message}\nUsage: {usage_of(subcommand)}"
