"""One listener module per Slack surface; `register` wires each to the app."""

from slack_bolt import App

from bot.slack.door import Door
from bot.slack.listeners import (
    answer_buttons,
    billing_command,
    forms,
    home,
    mentions,
    pay_button,
    pdf_button,
    question_buttons,
    statement_buttons,
)

SURFACES = (
    billing_command,
    answer_buttons,
    pay_button,
    pdf_button,
    statement_buttons,
    mentions,
    question_buttons,
    home,
    forms,
)


def register(app: App, door: Door) -> None:
    for surface in SURFACES:
        surface.register(app, door)
