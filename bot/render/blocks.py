"""Replies as Block Kit built through slack_sdk.models, so Slack's limits are checked here."""

import re

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject, SectionBlock

SECTION_CHARS = 2900  # Slack allows 3,000 in a section
MAX_SECTIONS = 45  # Slack allows 50 blocks in a message
FALLBACK_CHARS = 3000
_CHANNEL_LINK = re.compile(r"&lt;(#[CG][A-Z0-9]+)&gt;")


def escape(text: str) -> str:
    """Slack mrkdwn's three control characters, so a company called "A & <B>" shows as typed.

    A bare channel link like `<#C123>` stays a link: Slack shows it as the channel's name.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CHANNEL_LINK.sub(r"<\1>", escaped)


def chunks(lines: list[str]) -> list[str]:
    """Lines gathered into sections of at most SECTION_CHARS (a longer line is cut)."""
    found: list[str] = []
    current = ""
    for line in lines:
        line = line if len(line) <= SECTION_CHARS else line[: SECTION_CHARS - 1] + "…"
        if current and len(current) + 1 + len(line) > SECTION_CHARS:
            found.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        found.append(current)
    return found


def reply_blocks(text: str) -> list[dict]:
    """A long reply is cut with a count of what was left out, never rejected by Slack."""
    lines = escape(text).split("\n")
    chunks_ = chunks(lines)
    blocks = [SectionBlock(text=MarkdownTextObject(text=c)) for c in chunks_[:MAX_SECTIONS]]
    rendered = [block.to_dict() for block in blocks]
    if len(chunks_) > MAX_SECTIONS:
        shown = sum(c.count("\n") + 1 for c in chunks_[:MAX_SECTIONS])
        note = f"…and {len(lines) - shown} more lines: narrow it down, e.g. by company."
        rendered.append(ContextBlock(elements=[MarkdownTextObject(text=note)]).to_dict())
    return rendered


def fallback_text(text: str) -> str:
    """The plain-text version notifications and screen readers use."""
    return text if len(text) <= FALLBACK_CHARS else text[: FALLBACK_CHARS - 1] + "…"
