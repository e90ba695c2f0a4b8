"""The forms the Home tab and `/billing invite-client` open: a new company, an invitation."""

from slack_sdk.models.blocks import (
    InputBlock,
    PlainTextInputElement,
    PlainTextObject,
    UserSelectElement,
)
from slack_sdk.models.views import View

NEW_COMPANY = "new_company"  # action id of the Home button, callback id of its modal
INVITE_CLIENT = "invite_client"  # callback id of the invite-client modal


def new_company_modal() -> dict:
    return _form(
        NEW_COMPANY,
        "Set up a company",
        "Create",
        [
            _text("name", "Company name", 80),
            _text("email", "Invoice e-mail", 254, optional=True),
            _text("currency", "Currency (ISO code)", 3, optional=True, placeholder="USD"),
        ],
    )


def invite_client_modal() -> dict:
    """`/billing invite-client` with nothing after it: the same questions as a form."""
    client = InputBlock(
        block_id="user",
        label="Client in Slack",
        optional=True,
        element=UserSelectElement(action_id="value"),
    )
    return _form(
        INVITE_CLIENT,
        "Invite a client",
        "Send invitation",
        [
            client,
            _text("email", "…or their e-mail", 254, optional=True),
            _text("apps", "Apps to take over (comma-separated)", 400),
            _text("company", "Their company name", 80, optional=True),
            _text("plan", "Plan", 80, optional=True),
        ],
    )


def _form(callback_id: str, title: str, submit: str, blocks: list[InputBlock]) -> dict:
    return View(
        type="modal",
        callback_id=callback_id,
        title=PlainTextObject(text=title),
        submit=PlainTextObject(text=submit),
        close=PlainTextObject(text="Cancel"),
        blocks=blocks,
    ).to_dict()


def _text(
    block_id: str,
    label: str,
    max_length: int,
    *,
    optional: bool = False,
    placeholder: str | None = None,
) -> InputBlock:
    """A text input whose typed value the form listener reads as `<block_id>.value`."""
    return InputBlock(
        block_id=block_id,
        label=label,
        optional=optional or None,  # left out, as Slack's own examples do, unless true
        element=PlainTextInputElement(
            action_id="value", max_length=max_length, placeholder=placeholder
        ),
    )
