"""One message to one person, right now: an invitation's own DM or e-mail (the outbox's
messages go out through bot/delivery/drain.py)."""

from dataclasses import dataclass

from slack_sdk import WebClient

from bot.delivery.mailer import Mailer
from bot.render.blocks import escape, fallback_text


@dataclass(frozen=True)
class Direct:
    """One message for one person: by Slack id, or by e-mail."""

    text: str
    user_id: str | None = None
    email: str | None = None
    buttons: tuple[tuple[str, str, str], ...] = ()  # (label, action id, value)
    subject: str = "billbot"


def message_blocks(text: str, buttons: tuple[tuple[str, str, str], ...]) -> list[dict]:
    """Plain dicts in Block Kit's shape: slack_sdk's model objects cost ~0.5 ms a message, a
    quarter of delivery's CPU (bench/fanout.py). Limits: 3,000 characters a section, 25
    elements an actions block, 75 characters a button label, 2,000 a value."""
    blocks: list[dict] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": escape(text)[:2900]}}
    ]
    if buttons:
        elements = []
        for n, (label, action, value) in enumerate(buttons[:25]):
            button = {
                "type": "button",
                "text": {"type": "plain_text", "text": label[:75], "emoji": True},
                "action_id": action,
                "value": value[:2000],
            }
            if n == 0:
                button["style"] = "primary"
            elements.append(button)
        blocks.append({"type": "actions", "elements": elements})
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
