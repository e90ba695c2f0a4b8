"""GET/POST /invites/<token>: the page a client opens from the invitation (no external assets,
readable on a phone). Manual billing: a form for billing name and invoice e-mail."""

import html
from collections.abc import Callable
from datetime import datetime
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from billing.errors import DomainError
from billing.invitations import InvitationUnusable
from billing.roles import PERMISSIONS, Action
from commands.accept_invitation import Accepted, accept_invitation
from commands.cards import card_link
from commands.invitation_preview import Preview, preview_invitation
from payments.gateway import Gateway, Unavailable
from storage.unit_of_work import UnitOfWork

PAYERS = PERMISSIONS[Action.UPDATE_PAYMENT]

STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c2733}
main{max-width:34rem;margin:0 auto;padding:1.5rem}h1{font-size:1.4rem;margin:.2rem 0 1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px #0002}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #b8c2cc;
border-radius:8px}button{margin-top:1.2rem;width:100%;padding:.8rem;font-size:1.05rem;border:0;
border-radius:8px;background:#1d4e89;color:#fff}dt{color:#5b6b7b}dd{margin:0 0 .6rem}
.note{color:#5b6b7b;font-size:.9rem}"""
STATUS = {
    "invitation_unknown": 404,
    "invitation_expired": 410,
    "invitation_revoked": 410,
    "invitation_used": 409,
    "invitation_declined": 410,
}


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main><div class=card><h1>{html.escape(title)}</h1>{body}</div></main>"
        "</body></html>",
        status_code=status,
        headers={"cache-control": "no-store", "referrer-policy": "no-referrer"},
    )


def _details(p: Preview) -> str:
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


def _form(p: Preview) -> str:
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


def invite_routes(
    uow: UnitOfWork,
    clock: Callable[[], datetime],
    wake: Callable[[], None] | None = None,
    gateway: Gateway | None = None,
    public_url: str = "",
) -> list[Route]:
    async def show(request: Request) -> Response:
        token = request.path_params["token"]
        try:
            preview = await run_in_threadpool(preview_invitation, uow, token=token, now=clock())
        except InvitationUnusable as error:
            return page(
                "This invitation can't be used",
                f"<p>{html.escape(error.message)}</p>",
                STATUS.get(error.code, 410),
            )
        title = "Take over your apps" if preview.kind == "client" else f"Join {preview.company}"
        return page(title, _details(preview) + _form(preview))

    async def accept(request: Request) -> Response:
        token = request.path_params["token"]
        form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=10)
        name = (form.get("billing_name") or [""])[0].strip()
        email = (form.get("invoice_email") or [""])[0].strip()
        try:
            done = await run_in_threadpool(
                accept_invitation,
                uow,
                token=token,
                now=clock(),
                billing_name=str(name) if name else None,
                invoice_email=str(email).strip().lower() if email else None,
            )
        except InvitationUnusable as error:
            return page(
                "This invitation can't be used",
                f"<p>{html.escape(error.message)}</p>",
                STATUS.get(error.code, 410),
            )
        except DomainError as error:
            return page(
                "Please check the form",
                f"<p>{html.escape(error.message)}</p><p><a href=''>Back</a></p>",
                400,
            )
        if wake is not None:  # tell both sides now, not at the next sweep
            wake()
        card = await run_in_threadpool(_card_offer, uow, gateway, done, public_url)
        return page(
            "All set",
            f"<p>{html.escape(done.summary)}</p>{card}<p class=note>You can "
            "close this page; billbot tells you and your agency in Slack.</p>",
        )

    return [
        Route("/invites/{token}", show, methods=["GET"]),
        Route("/invites/{token}", accept, methods=["POST"]),
    ]


def _card_offer(uow: UnitOfWork, gateway: Gateway | None, done: Accepted, public_url: str) -> str:
    """With Stripe, whoever may pay is offered to save a card for the monthly charge now."""
    if gateway is None or gateway.mode != "stripe" or done.role not in PAYERS:
        return ""
    try:
        link = card_link(uow, gateway, done.company_id, public_url)
    except Unavailable:
        return (
            "<p class=note>Card payments are unavailable just now: add a card later with "
            f"<code>/billing pay {html.escape(done.company)}</code> in Slack.</p>"
        )
    return (
        f"<p><a class=button href='{html.escape(link)}'>Add a card for the monthly charge</a></p>"
        "<p class=note>Stripe keeps the card; statements are charged to it on the charge day.</p>"
    )
