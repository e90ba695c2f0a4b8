"""The "View statement" modal: a month's full breakdown, with the months before and after."""

import json

from bot.render.blocks import reply_blocks
from bot.render.buttons import STATEMENT_PDF, pdf_button
from bot.render.text import render
from commands.questions.statement_page import StatementPage

# the modal's ◀ ▶ buttons (a block's action ids must differ); value "<company id>:<YYYY-MM>"
EARLIER, LATER = "statement_earlier", "statement_later"
MAX_BLOCKS = 100  # a modal's limit


def statement_modal(page: StatementPage, audience: str, channel_id: str | None) -> dict:
    """`channel_id`: where the button was clicked, kept so paging reads with the same rights."""
    shown = page.statement
    blocks = reply_blocks(render(shown, audience))[: MAX_BLOCKS - 1]
    pager = []
    if shown.number:  # finalized: it has a document
        pdf = pdf_button(page.company_id, shown.month)
        pager.append(_button(STATEMENT_PDF, pdf["text"], page.company_id, str(shown.month)))
    if page.previous is not None:
        label = f"◀ {page.previous.label()}"
        pager.append(_button(EARLIER, label, page.company_id, str(page.previous)))
    if page.next is not None:
        label = f"{page.next.label()} ▶"
        pager.append(_button(LATER, label, page.company_id, str(page.next)))
    if pager:
        blocks.append({"type": "actions", "block_id": "pager", "elements": pager})
    return {
        "type": "modal",
        "callback_id": "statement",
        "title": {"type": "plain_text", "text": "Statement"},
        "close": {"type": "plain_text", "text": "Close"},
        "private_metadata": json.dumps({"channel": channel_id}),
        "blocks": blocks,
    }


def modal_channel(view: dict) -> str | None:
    try:
        channel = json.loads(view.get("private_metadata") or "{}").get("channel")
    except (ValueError, AttributeError):
        return None
    return channel if isinstance(channel, str) else None


def _button(action_id: str, label: str, company_id: int, month: str) -> dict:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": label[:75]},
        "action_id": action_id,
        "value": f"{company_id}:{month}",
    }
