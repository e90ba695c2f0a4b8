"""GET/POST /invites/<token>: the page a client opens from the invitation. Manual billing: a
form for billing name and invoice e-mail."""

import html
from collections.abc import Callable
from datetime import datetime
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from billing.errors import DomainError
from billing.invitations import InvitationUnusable
from bot.render.replies.invitations import accepted_sentence
from bot.web.card_offer import card_offer
from bot.web.invite_html import details, form, unusable
from bot.web.page import page
from commands.accept_invitation import accept_invitation
from commands.preview_invitation import preview_invitation
from payments.gateway import Gateway
from storage.unit_of_work import UnitOfWork


def _field(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[0].strip()


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
            return unusable(error)
        title = "Take over your apps" if preview.kind == "client" else f"Join {preview.company}"
        return page(title, details(preview) + form(preview))

    async def accept(request: Request) -> Response:
        fields = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=10)
        name, email = _field(fields, "billing_name"), _field(fields, "invoice_email")
        try:
            done = await run_in_threadpool(
                accept_invitation,
                uow,
                token=request.path_params["token"],
                now=clock(),
                billing_name=name or None,
                invoice_email=email.lower() or None,
            )
        except InvitationUnusable as error:
            return unusable(error)
        except DomainError as error:
            return page(
                "Please check the form",
                f"<p>{html.escape(error.message)}</p><p><a href=''>Back</a></p>",
                400,
            )
        if wake is not None:  # tell both sides now, not at the next sweep
            wake()
        card = await run_in_threadpool(card_offer, uow, gateway, done, public_url)
        return page(
            "All set",
            f"<p>{html.escape(accepted_sentence(done))}</p>{card}<p class=note>You can "
            "close this page; billbot tells you and your agency in Slack.</p>",
        )

    return [
        Route("/invites/{token}", show, methods=["GET"]),
        Route("/invites/{token}", accept, methods=["POST"]),
    ]
