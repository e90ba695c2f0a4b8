"""A message with buttons as Block Kit: plain dicts, for the outbox's and direct messages."""

from bot.render.blocks import escape


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
