"""Action ids of the buttons that answer an invitation or a transfer request, and the buttons."""

ACCEPT_INVITATION, DECLINE_INVITATION = "invitation_accept", "invitation_decline"
APPROVE_TRANSFER, DECLINE_TRANSFER = "transfer_approve", "transfer_decline"


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
