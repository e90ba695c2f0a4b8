"""The invite page's pieces: what the invitation offers, its form, and why it can't be used."""

import html

from starlette.responses import HTMLResponse

from billing.invitations import InvitationUnusable
from bot.web.page import page
from commands.preview_invitation import Preview

STATUS = {
    "invitation_unknown": 404,
    "invitation_expired": 410,
    "invitation_revoked": 410,
    "invitation_used": 409,
    "invitation_declined": 410,
}


def unusable(error: InvitationUnusable) -> HTMLResponse:
    return page(
        "This invitation can't be used",
        f"<p>{html.escape(error.message)}</p>",
        STATUS.get(error.code, 410),
    )


def details(p: Preview) -> str:
    e = html.escape
    if p.kind == "client":
        what = (
            f"<dt>Apps</dt><dd>{e(', '.join(p.apps))}</dd>"
            f"<dt>Plan</dt><dd>{e(p.plan or 'as today')}"
            f"{e(f' ({p.price} a month, billed by the day)') if p.price else ''}</dd>"
        )
    else:
        what = f"<dt>Company</dt><dd>{e(p.company or '')}</dd><dt>Role</dt><dd>{e(p.role)}</dd>"
    return (
        f"<dl><dt>From</dt><dd>{e(p.inviter)}</dd>{what}"
        f"<dt>Valid until</dt><dd>{p.expires_at:%Y-%m-%d %H:%M} UTC</dd></dl>"
    )


def form(p: Preview) -> str:
    e = html.escape
    if p.kind != "client":
        return "<form method=post><button type=submit>Accept</button></form>"
    return (
        "<form method=post>"
        "<label for=name>Billing name</label>"
        f"<input id=name name=billing_name required maxlength=80 value='{e(p.company or '')}'>"
        "<label for=email>Invoice e-mail</label>"
        f"<input id=email name=invoice_email type=email required maxlength=254 "
        f"value='{e(p.invitee_email or '')}'>"
        "<button type=submit>Take over the apps</button>"
        "<p class=note>Statements are sent to this address; the agency that invited you "
        "stays admin until you dismiss it.</p></form>"
    )
