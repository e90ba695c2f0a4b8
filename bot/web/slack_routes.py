"""`/slack/events` (signature, then shape, then Bolt) and the OAuth install routes."""

import logging
import time

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.starlette.handler import to_starlette_response
from slack_bolt.request.internals import build_context
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.slack.shape import SlackBody, read_body
from bot.web.slack_signature import signed_by_slack

log = logging.getLogger("billbot.slack")


def _bolt_request(request: Request, raw: bytes, parsed: SlackBody | None = None) -> BoltRequest:
    """Bolt's request holding the body as billbot parsed it: Bolt's own parse_body takes any
    form containing the word "payload" for a button click (`/billing help payload`)."""
    bolt_request = BoltRequest(
        body="", query=str(request.query_params), headers=dict(request.headers)
    )
    if parsed is not None:
        bolt_request.raw_body = raw.decode("utf-8")
        bolt_request.body = parsed.body
        bolt_request.context = build_context(bolt_request.context, parsed.body)
    return bolt_request


def slack_routes(bolt: App | None, signing_secret: str) -> list[Route]:
    """Bolt's sync App: commands and events are acked on the event loop (their work runs in
    the door's threads); interactive payloads, which may call Slack first, in the thread pool.
    A forged or stale signature gets 401 and a signed body Slack would never send 400, before
    Bolt sees anything."""
    secret = signing_secret.encode()

    async def slack_events(request: Request) -> Response:
        if bolt is None or not signing_secret:
            return PlainTextResponse("Slack is not configured on this server.", status_code=503)
        raw = await request.body()
        if not signed_by_slack(secret, raw, request.headers, time.time()):
            return PlainTextResponse("Invalid Slack signature.", status_code=401)
        parsed = read_body(raw, request.headers.get("content-type"))
        if parsed is None:
            return PlainTextResponse("Not a request Slack sends.", status_code=400)
        if parsed.kind == "app_rate_limited":  # Slack's notice that it held events back
            log.warning(
                "Slack held back events for team %s this minute (app_rate_limited)",
                parsed.body.get("team_id"),
            )
            return PlainTextResponse("", status_code=200)
        bolt_request = _bolt_request(request, raw, parsed)
        if parsed.interactive:  # buttons and forms may call Slack before they ack
            response: BoltResponse = await run_in_threadpool(bolt.dispatch, bolt_request)
        else:  # commands and events only ack here; their work runs in the door's threads
            response = bolt.dispatch(bolt_request)
        return to_starlette_response(response)

    async def oauth(request: Request) -> Response:
        flow = bolt.oauth_flow if bolt is not None else None
        if flow is None:
            return PlainTextResponse(
                "This server installs into one workspace only.", status_code=404
            )
        handle = (
            flow.handle_installation
            if request.url.path == flow.install_path
            else flow.handle_callback
        )
        response = await run_in_threadpool(handle, _bolt_request(request, b""))
        return to_starlette_response(response)

    return [
        Route("/slack/events", slack_events, methods=["POST"]),
        Route("/slack/install", oauth, methods=["GET"]),
        Route("/slack/oauth_redirect", oauth, methods=["GET"]),
    ]
