"""`billbot serve`: Starlette + uvicorn in front of the Bolt app, plus health and metrics."""

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

from bot.metrics import Metrics

MAX_BODY = 256 * 1024  # Slack's payloads are far smaller; anything bigger is refused unread


def _bolt_request(request: Request, body: bytes) -> BoltRequest:
    return BoltRequest(
        body=body.decode("utf-8", "replace"),
        query=str(request.query_params),
        headers=dict(request.headers),
    )


def create_web_app(
    bolt: App | None, engine: Engine, metrics: Metrics, extra: list[Route] | None = None
) -> Starlette:
    """Bolt's sync App: commands and events are acked on the event loop (their work is lazy,
    in Bolt's threads); interactive payloads, which may call Slack first, in the thread pool."""

    async def slack_events(request: Request) -> Response:
        if bolt is None:
            return PlainTextResponse("Slack is not configured on this server.", status_code=503)
        body = await request.body()
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


class Guard:
    """Plain ASGI (no per-request task or stream): refuses oversized bodies unread, times every
    answer and counts errors."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path = scope["path"] if scope["path"] in KNOWN_PATHS else "other"
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        length = Headers(scope=scope).get("content-length")
        try:
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
                too_big = PlainTextResponse("Request body too large.", status_code=413)
                await too_big(scope, receive, send_and_note)
            else:
                await self.app(scope, receive, send_and_note)
        finally:
            self.metrics.observe(path, status, time.perf_counter() - started)


KNOWN_PATHS = {
    "/slack/events",
    "/slack/install",
    "/slack/oauth_redirect",
    "/stripe/webhook",
    "/healthz",
    "/metrics",
}
# /invites/<token> is counted as "other": tokens never become metric labels
