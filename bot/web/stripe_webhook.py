"""Stripe's side of the web: `POST /stripe/webhook` (signature checked on the raw body before
anything is read or stored) and the page Checkout and the portal come back to."""

import logging
from collections.abc import Callable
from datetime import datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.web.page import page
from commands.handle_stripe_event import handle_event
from payments.gateway import BadSignature, Gateway, Unavailable
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.stripe")

DONE = (
    "<p>Your card details went to Stripe. billbot charges statements to the card on file on "
    "the charge day.</p><p class=note>You can close this page and go back to Slack.</p>"
)


def stripe_routes(
    uow: UnitOfWork, gateway: Gateway, clock: Callable[[], datetime], wake: Callable[[], None]
) -> list[Route]:
    async def webhook(request: Request) -> Response:
        body = await request.body()
        try:
            event = gateway.verify(body, request.headers.get("stripe-signature"))
        except BadSignature:
            return JSONResponse({"error": "bad signature"}, status_code=400)
        try:
            done = await run_in_threadpool(handle_event, uow, gateway, event, now=clock())
        except Unavailable:
            # Stripe could not be asked about the object: a 500 makes Stripe send it again.
            return JSONResponse({"error": "try again later"}, status_code=503)
        log.info("stripe event %s (%s): %s", event.get("id"), event.get("type"), done)
        wake()
        return JSONResponse({"received": True, "result": done})

    async def done(request: Request) -> Response:
        return page("Thank you", DONE)

    return [
        Route("/stripe/webhook", webhook, methods=["POST"]),
        Route("/cards/done", done, methods=["GET"]),
    ]
