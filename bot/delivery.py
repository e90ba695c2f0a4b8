"""One message to one person, right now: an invitation's own DM or e-mail (the outbox's
messages go out through bot/drain.py)."""

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock

from bot.blocks import escape, fallback_text
from bot.mailer import Mailer

log = logging.getLogger("billbot.delivery")


@dataclass(frozen=True)
class Direct:
    """One message for one person: by Slack id, or by e-mail."""

    text: str
    user_id: str | None = None
    email: str | None = None
    buttons: tuple[tuple[str, str, str], ...] = ()  # (label, action id, value)
    subject: str = "billbot"


def message_blocks(text: str, buttons: tuple[tuple[str, str, str], ...]) -> list[dict]:
    blocks = [SectionBlock(text=MarkdownTextObject(text=escape(text)[:2900])).to_dict()]
    if buttons:
        elements = [
            ButtonElement(
                text=label, action_id=action, value=value, style="primary" if n == 0 else None
            )
            for n, (label, action, value) in enumerate(buttons)
        ]
        blocks.append(ActionsBlock(elements=elements).to_dict())
    return blocks


def send(direct: Direct, client: WebClient, mailer: Mailer | None) -> str | None:
    """Send one message; the Slack ts when it went to Slack."""
    if direct.user_id:
        sent = client.chat_postMessage(
            channel=direct.user_id,
            text=fallback_text(direct.text),
            blocks=message_blocks(direct.text, direct.buttons),
        )
        return str(sent.get("ts"))
    if direct.email and mailer is not None:
        mailer.send(direct.email, direct.subject, direct.text)
    return None
