"""A modal that only shows text: help, a payment answer, a refusal, "One moment…"."""

from slack_sdk.models.blocks import PlainTextObject
from slack_sdk.models.views import View

from bot.render.blocks import reply_blocks


def text_modal(title: str, text: str) -> dict:
    return View(
        type="modal",
        title=PlainTextObject(text=title[:24]),
        close=PlainTextObject(text="Close"),
        blocks=reply_blocks(text)[:100],
    ).to_dict()
