"""`billbot serve`: Starlette + uvicorn in front of the Bolt app, plus health and metrics."""

import time
from collections.abc import Awaitable, Callable

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.starlette.handler import to_starlette_response
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.metrics import Metrics

MAX_BODY = 256 * 1024  # Slack's payloads are far smaller; anything bigger is refused unread


def _bolt_request(request: Request, body: bytes) -> BoltRequest:
    return BoltRequest(
        body=body.decode("utf-8", "replace"),
        query=str(request.query_params),
        headers=dict(request.headers),
    )


def create_web_app(bolt: App | None, engine: Engine, metrics: Metrics) -> Starlette:
    """Bolt's sync App runs in Starlette's thread pool: acks never wait on another request."""

    async def slack_events(request: Request) -> Response:
        if bolt is None:
            return PlainTextResponse("Slack is not configured on this server.", status_code=503)
        body = await request.body()
        response: BoltResponse = await run_in_threadpool(
            bolt.dispatch, _bolt_request(request, body)
        )
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
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, metrics=metrics)])


class Guard(BaseHTTPMiddleware):
    """Refuses oversized bodies before reading them, times every answer, counts errors."""

    def __init__(self, app: Callable, metrics: Metrics) -> None:
        super().__init__(app)
        self.metrics = metrics

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            response: Response = PlainTextResponse("Request body too large.", status_code=413)
        else:
            response = await call_next(request)
        route = request.url.path if request.url.path in KNOWN_PATHS else "other"
        self.metrics.observe(route, response.status_code, time.perf_counter() - started)
        return response


KNOWN_PATHS = {"/slack/events", "/slack/install", "/slack/oauth_redirect", "/healthz", "/metrics"}
