"""The App Home tab: companies, what is owed, invitations waiting, and its buttons."""

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from billing.roles import Action, allowed
from bot.render.blocks import escape
from bot.render.buttons import ACCEPT_INVITATION as ACCEPT
from bot.render.buttons import DECLINE_INVITATION as DECLINE
from bot.render.buttons import PAY, VIEW_STATEMENT
from bot.render.notice_words import day
from bot.slack.views.forms import NEW_COMPANY
from commands.show_home import HomeCompany, HomeView, PendingInvitation

SHOW_HELP = "show_help"  # action ids of the Home tab's own buttons
OPEN_INVITE_CLIENT = "open_invite_client"
SHOW_COMPANIES = "show_companies"


def home_view(home: HomeView, audience: str, notice: str | None = None) -> dict:
    """`notice`: the outcome of what was just clicked on the Home tab, shown on top."""
    blocks: list = [HeaderBlock(text=PlainTextObject(text="Billing"))]
    if notice:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=escape(notice)[:2900])))
    if not home.companies:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="You have no companies yet.")))
    for company in home.companies:
        blocks += _company_blocks(company)
    if home.total > len(home.companies):  # the rest are counted, and one click away
        more = f"…and {home.total - len(home.companies)} more: `/billing companies` lists them all."
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=more),
                accessory=ButtonElement(text="All companies", action_id=SHOW_COMPANIES),
            )
        )
    blocks.append(DividerBlock())
    if home.invitations:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="*Invitations for you*")))
        for invitation in home.invitations:
            blocks += _invitation_blocks(invitation)
    else:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text="No invitations waiting.")]))
    buttons = [ButtonElement(text="Help", action_id=SHOW_HELP)]
    if audience != "client":
        buttons[:0] = [
            ButtonElement(text="Set up a company", action_id=NEW_COMPANY, style="primary"),
            ButtonElement(text="Invite a client", action_id=OPEN_INVITE_CLIENT),
        ]
    blocks.append(ActionsBlock(elements=buttons))
    return View(type="home", blocks=blocks[:100]).to_dict()


def _company_blocks(company: HomeCompany) -> list:
    up = company.upcoming
    estimate = "" if up.final else " (estimate)"
    lines = [
        f"*{escape(company.name)}* · {company.role}",
        f"Next charge: {up.amount} on {day(up.charge_on)}{estimate}",
    ]
    for unpaid in company.unpaid:
        state = f"*overdue* {unpaid.days_late} days" if unpaid.days_late else "open"
        due = f", due {day(unpaid.due_on)}" if unpaid.due_on else ""
        lines.append(f"{unpaid.month.label()}: {unpaid.amount}{due}, {state}")
    buttons = [
        ButtonElement(
            text="View statement", action_id=VIEW_STATEMENT, value=f"{company.id}:{up.month}"
        )
    ]
    if up.billing_mode == "stripe" and allowed(company.role, Action.UPDATE_PAYMENT):
        label = "Update card" if up.card else "Add a card"
        buttons.append(ButtonElement(text=label, action_id=PAY, value=str(company.id)))
    return [
        SectionBlock(text=MarkdownTextObject(text="\n".join(lines))),
        ActionsBlock(elements=buttons),
    ]


def _invitation_blocks(invitation: PendingInvitation) -> list:
    text = (
        f"{escape(invitation.company)} as {invitation.role}, from {escape(invitation.inviter)}, "
        f"until {invitation.expires_at:%Y-%m-%d %H:%M} UTC"
    )
    return [
        SectionBlock(text=MarkdownTextObject(text=text)),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="Accept", action_id=ACCEPT, value=str(invitation.id), style="primary"
                ),
                ButtonElement(text="Decline", action_id=DECLINE, value=str(invitation.id)),
            ]
        ),
    ]
