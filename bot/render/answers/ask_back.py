"""One short question back when two intents are close: "The next charge, or what is
overdue?", with a button for each; the clicked one is answered in the same thread."""

from bot.render.answers.said import Said
from bot.render.buttons import pick_buttons

WHAT = {
    "next_charge": "the next charge",
    "due_date": "the due date",
    "due": "what is owed now",
    "overdue": "what is overdue",
    "last_statement": "the last statement",
    "app_plan": "the plan",
    "billed_apps": "which apps are billed",
    "app_cost": "what an app costs",
    "billing_access": "who has billing access",
    "invoice_email": "where invoices are sent",
    "pay": "how to pay",
    "card_expiry": "the card on file",
    "payments_made": "what was paid",
    "permissions": "what you may do",
}


def ask_back(first: str, second: str, thread_ts: str) -> Said:
    one, other = WHAT[first], WHAT[second]
    return Said(
        f"*{one[0].upper()}{one[1:]}, or {other}?*",
        pick_buttons([(one, first), (other, second)], thread_ts),
    )
