"""`billbot serve`: Starlette + uvicorn in front of the Bolt app, plus health and metrics."""

import hashlib
import hmac
import time

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.starlette.handler import to_starlette_response
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.slack_shape import well_formed
from bot.web.metrics import Metrics

MAX_BODY = 256 * 1024  # Slack's payloads are far smaller; anything bigger is refused unread
SLACK_WINDOW_SECONDS = 300  # a signed request older (or newer) than this is a replay


def _bolt_request(request: Request, body: bytes) -> BoltRequest:
    return BoltRequest(
        body=body.decode("utf-8", "replace"),
        query=str(request.query_params),
        headers=dict(request.headers),
    )


def signed_by_slack(secret: bytes, body: bytes, headers: Headers, now: float) -> bool:
    """Slack's v0 signature over these very bytes, made in the last five minutes."""
    timestamp = headers.get("x-slack-request-timestamp", "")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return False
    if abs(now - int(timestamp)) > SLACK_WINDOW_SECONDS:
        return False
    signed = b"v0:" + timestamp.encode() + b":" + body
    expected = b"v0=" + hmac.new(secret, signed, hashlib.sha256).hexdigest().encode()
    given = headers.get("x-slack-signature", "").encode("latin-1")  # headers arrive as latin-1
    return hmac.compare_digest(expected, given)


def create_web_app(
    bolt: App | None,
    engine: Engine,
    metrics: Metrics,
    extra: list[Route] | None = None,
    *,
    signing_secret: str = "",
) -> Starlette:
    """Bolt's sync App: commands and events are acked on the event loop (their work runs in
    the door's threads); interactive payloads, which may call Slack first, in the thread pool.
    Every Slack request is checked here first: a forged or stale signature gets 401 and a
    signed body of the wrong shape 400, before Bolt parses anything."""
    secret = signing_secret.encode()

    async def slack_events(request: Request) -> Response:
        if bolt is None or not signing_secret:
            return PlainTextResponse("Slack is not configured on this server.", status_code=503)
        body = await request.body()
        if not signed_by_slack(secret, body, request.headers, time.time()):
            return PlainTextResponse("Invalid Slack signature.", status_code=401)
        if not well_formed(body):
            return PlainTextResponse("Not a request Slack sends.", status_code=400)
        bolt_request = _bolt_request(request, body)
        if body.startswith(b"payload="):  # buttons and forms may call Slack before they ack
            response: BoltResponse = await run_in_threadpool(bolt.dispatch, bolt_request)
        else:  # commands and events only ack here; their work runs in Bolt's lazy threads
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

    def healthz(request: Request) -> Response:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except OperationalError:
            return PlainTextResponse("database unavailable", status_code=503)
        return PlainTextResponse("ok")

    def metrics_page(request: Request) -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    routes = [
        Route("/slack/events", slack_events, methods=["POST"]),
        Route("/slack/install", oauth, methods=["GET"]),
        Route("/slack/oauth_redirect", oauth, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", metrics_page, methods=["GET"]),
        *(extra or []),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, metrics=metrics)])


class TooLarge(Exception):
    """A body without Content-Length grew past MAX_BODY while it was read."""


class Guard:
    """Plain ASGI (no per-request task or stream): refuses oversized bodies (by Content-Length
    unread, or while streaming once MAX_BODY is passed), times every answer, counts errors."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path = scope["path"] if scope["path"] in KNOWN_PATHS else "other"
        status = 0
        received = 0

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        async def counted() -> Message:  # the bytes of a chunked body, counted as they arrive
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    raise TooLarge
            return message

        too_big = PlainTextResponse("Request body too large.", status_code=413)
        length = Headers(scope=scope).get("content-length")
        try:
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
                await too_big(scope, receive, send_and_note)
            else:
                await self.app(scope, counted, send_and_note)
        except TooLarge:
            if status:  # the answer had begun (nothing of ours answers before reading)
                raise
            await too_big(scope, receive, send_and_note)
        finally:
            self.metrics.observe(path, status or 500, time.perf_counter() - started)


KNOWN_PATHS = {
    "/slack/events",
    "/slack/install",
    "/slack/oauth_redirect",
    "/stripe/webhook",
    "/healthz",
    "/metrics",
}
# /invites/<token> is counted as "other": tokens never become metric labels
