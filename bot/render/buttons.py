"""Every button billbot's messages carry: the action ids its listeners answer, and the buttons."""

from billing.periods import Month

VIEW_STATEMENT = "statement_view"  # button value: "<company id>:<YYYY-MM>"
STATEMENT_PDF = "statement_pdf"  # button value: "<company id>:<YYYY-MM>"
PAY = "billing_pay"  # button value: "<company id>"
ACCEPT_INVITATION, DECLINE_INVITATION = "invitation_accept", "invitation_decline"
APPROVE_TRANSFER, DECLINE_TRANSFER = "transfer_approve", "transfer_decline"
PICK_INTENT = "question_pick"  # action ids question_pick_1, _2; value: "<intent>:<thread ts>"


def view_button(company_id: int, month: Month | str) -> dict[str, str]:
    return {"text": "View statement", "action_id": VIEW_STATEMENT, "value": f"{company_id}:{month}"}


def pdf_button(company_id: int, month: Month | str) -> dict[str, str]:
    """The statement's document, uploaded to whoever clicks it, privately."""
    return {"text": "Download PDF", "action_id": STATEMENT_PDF, "value": f"{company_id}:{month}"}


def pay_button(company_id: int, stripe: bool, has_card: bool = True) -> list[dict[str, str]]:
    if not stripe:
        return []
    label = "Update card" if has_card else "Add a card"
    return [{"text": label, "action_id": PAY, "value": str(company_id)}]


def invitation_buttons(invitation_id: int) -> tuple[tuple[str, str, str], ...]:
    """(label, action id, value) of the Accept and Decline buttons in the invitee's DM."""
    value = str(invitation_id)
    return (("Accept", ACCEPT_INVITATION, value), ("Decline", DECLINE_INVITATION, value))


def transfer_buttons(request_id: int) -> list[dict[str, str]]:
    """The Approve and Decline buttons of the notice to the target company's owners."""
    value = str(request_id)
    return [
        {"text": "Approve", "action_id": APPROVE_TRANSFER, "value": value},
        {"text": "Decline", "action_id": DECLINE_TRANSFER, "value": value},
    ]


def pick_buttons(
    choices: list[tuple[str, str]], thread_ts: str
) -> tuple[tuple[str, str, str], ...]:
    """(label, action id, value) of the ask-back buttons: one per (words, intent)."""
    return tuple(
        (words[0].upper() + words[1:], f"{PICK_INTENT}_{n}", f"{intent}:{thread_ts}")
        for n, (words, intent) in enumerate(choices, 1)
    )
