"""An answer as Slack shows it: text that opens with a bold line saying what it answers and
for which company, and the buttons under it."""

from dataclasses import dataclass

from bot.render.buttons import pay_button, view_button
from commands.questions.answers import Upcoming

Buttons = tuple[tuple[str, str, str], ...]  # (label, action id, value)


@dataclass(frozen=True)
class Said:
    text: str
    buttons: Buttons = ()


def buttons(*specs: dict[str, str]) -> Buttons:
    return tuple((b["text"], b["action_id"], b["value"]) for b in specs)


def money_buttons(
    company_id: int, month_button: Upcoming | None, stripe: bool, card: bool
) -> Buttons:
    """A "View statement" button for `month_button`'s month, and "Update card" or "Add a card"."""
    views = [view_button(company_id, month_button.month)] if month_button else []
    return buttons(*views, *pay_button(company_id, stripe, card))
