"""The ASGI guard in front of every route: body-size limit, timing and error counts."""

import time

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.slack.answering import REQUESTS
from bot.web.metrics import Metrics

MAX_BODY = 256 * 1024  # Slack's payloads are far smaller; anything bigger is refused unread
KNOWN_PATHS = {
    "/slack/events",
    "/slack/install",
    "/slack/oauth_redirect",
    "/stripe/webhook",
    "/healthz",
    "/metrics",
}
# /invites/<token> is counted as "other": tokens never become metric labels


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
        REQUESTS.begin()  # work after acks waits while requests are being answered
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
            REQUESTS.end()
            self.metrics.observe(path, status or 500, time.perf_counter() - started)
