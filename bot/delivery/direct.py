"""One message to one person, right now: an invitation's own DM or e-mail (the outbox's
messages go out through bot/delivery/drain.py)."""

from dataclasses import dataclass

from slack_sdk import WebClient

from bot.delivery.mailer import Mailer
from bot.render.blocks import fallback_text
from bot.render.message_blocks import message_blocks


@dataclass(frozen=True)
class Direct:
    """One message for one person: by Slack id, or by e-mail."""

    text: str
    user_id: str | None = None
    email: str | None = None
    buttons: tuple[tuple[str, str, str], ...] = ()  # (label, action id, value)
    subject: str = "billbot"


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
