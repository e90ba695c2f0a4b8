"""A message with buttons as Block Kit: plain dicts, for the outbox's and direct messages."""

from bot.render.blocks import MAX_SECTIONS, chunks, escape


def message_blocks(text: str, buttons: tuple[tuple[str, str, str], ...]) -> list[dict]:
    """Plain dicts in Block Kit's shape: slack_sdk's model objects cost ~0.5 ms a message, a
    quarter of delivery's CPU (bench/fanout.py). Limits: 3,000 characters a section (a longer
    text takes several), 25
    elements an actions block, 75 characters a button label, 2,000 a value."""
    lines = escape(text).split("\n")
    sections = chunks(lines)
    blocks: list[dict] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": c}} for c in sections[:MAX_SECTIONS]
    ]
    if len(sections) > MAX_SECTIONS:  # a long notice is counted, never cut silently
        shown = sum(c.count("\n") + 1 for c in sections[:MAX_SECTIONS])
        note = f"…and {len(lines) - shown} more lines."
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
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
