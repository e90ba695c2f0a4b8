"""The App Home tab and the modals it opens, built with slack_sdk.models."""

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.blocks import escape, reply_blocks
from commands.home import HomeView

NEW_COMPANY = "new_company"  # action id of the Home button, callback id of its modal
SHOW_HELP = "show_help"


def home_view(home: HomeView, audience: str) -> dict:
    who = home.who
    blocks: list = [HeaderBlock(text=PlainTextObject(text="Billing"))]
    if who.companies:
        lines = "\n".join(f"• *{escape(c)}*: {role}" for c, role in who.companies)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=f"Your companies\n{lines}")))
    else:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="You have no companies yet.")))
    blocks.append(DividerBlock())
    if home.invitations:
        lines = "\n".join(
            f"• {escape(i.company)} as {i.role}, from {escape(i.inviter)}, "
            f"until {i.expires_at:%Y-%m-%d %H:%M} UTC"
            for i in home.invitations
        )
        blocks.append(SectionBlock(text=MarkdownTextObject(text=f"Invitations for you\n{lines}")))
    else:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text="No invitations waiting.")]))
    buttons = [ButtonElement(text="Help", action_id=SHOW_HELP)]
    if audience != "client":
        buttons.insert(
            0, ButtonElement(text="Set up a company", action_id=NEW_COMPANY, style="primary")
        )
    blocks.append(ActionsBlock(elements=buttons))
    return View(type="home", blocks=blocks[:100]).to_dict()


def new_company_modal() -> dict:
    return View(
        type="modal",
        callback_id=NEW_COMPANY,
        title=PlainTextObject(text="Set up a company"),
        submit=PlainTextObject(text="Create"),
        close=PlainTextObject(text="Cancel"),
        blocks=[
            InputBlock(
                block_id="name",
                label="Company name",
                element=PlainTextInputElement(action_id="value", max_length=80),
            ),
            InputBlock(
                block_id="email",
                label="Invoice e-mail",
                optional=True,
                element=PlainTextInputElement(action_id="value", max_length=254),
            ),
            InputBlock(
                block_id="currency",
                label="Currency (ISO code)",
                optional=True,
                element=PlainTextInputElement(action_id="value", max_length=3, placeholder="USD"),
            ),
        ],
    ).to_dict()


def text_modal(title: str, text: str) -> dict:
    return View(
        type="modal",
        title=PlainTextObject(text=title[:24]),
        close=PlainTextObject(text="Close"),
        blocks=reply_blocks(text)[:100],
    ).to_dict()


INVITE_CLIENT = "invite_client"  # callback id of the invite-client modal


def invite_client_modal() -> dict:
    """`/billing invite-client` with nothing after it: the same questions as a form."""
    return View(
        type="modal",
        callback_id=INVITE_CLIENT,
        title=PlainTextObject(text="Invite a client"),
        submit=PlainTextObject(text="Send invitation"),
        close=PlainTextObject(text="Cancel"),
        blocks=[
            InputBlock(
                block_id="user",
                label="Client in Slack",
                optional=True,
                element=UserSelectElement(action_id="value"),
            ),
            InputBlock(
                block_id="email",
                label="…or their e-mail",
                optional=True,
                element=PlainTextInputElement(action_id="value", max_length=254),
            ),
            InputBlock(
                block_id="apps",
                label="Apps to take over (comma-separated)",
                element=PlainTextInputElement(action_id="value", max_length=400),
            ),
            InputBlock(
                block_id="company",
                label="Their company name",
                optional=True,
                element=PlainTextInputElement(action_id="value", max_length=80),
            ),
            InputBlock(
                block_id="plan",
                label="Plan",
                optional=True,
                element=PlainTextInputElement(action_id="value", max_length=80),
            ),
        ],
    ).to_dict()
