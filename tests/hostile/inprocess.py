"""The real ASGI app of `billbot serve`, built as bot/web/serve.py builds it, driven in-process.

httpx (and so starlette's TestClient) is not installed here, so `InProcess.request` speaks
ASGI itself: one event loop for the whole module, the request body handed over in one piece
(or in chunks, to see how much of it the app reads), the answer collected. An exception that
escapes the app (Starlette answers 500 and re-raises it) is kept with the response.

Work after an ack runs in `Worker.pool`: `build_bolt` is called as serve.py calls it, with its
`Worker` class swapped for one that keeps a handle on itself, so tests can wait for that work
and read what it raised (besides the "work after an ack failed" log record, caught by
`Captured`).
"""

import asyncio
import hashlib
import hmac
import inspect
import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine
from stripe import WebhookSignature

import bot.slack.app_factory as app_factory
from bot.cli.export import export_all
from bot.settings import Settings
from bot.slack.worker import Worker
from bot.web.invite_page import invite_routes
from bot.web.metrics import Metrics
from bot.web.server import create_web_app
from bot.web.stripe_webhook import stripe_routes
from payments.factory import gateway_for
from storage.unit_of_work import UnitOfWork

SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-local-1"
STRIPE_KEY = "sk_test_hostile_local"
WEBHOOK_SECRET = "whsec_hostile_local"
DEAD_STRIPE = "http://127.0.0.1:9"  # nothing listens: every Stripe call fails at once

# Words that must never reach a reply or a response body.
EXCEPTION_NAMES = (
    "Traceback",
    "Exception",
    "Error:",
    "KeyError",
    "ValueError",
    "TypeError",
    "AttributeError",
    "IndexError",
    "AssertionError",
    "RuntimeError",
    "UnicodeDecodeError",
    "IntegrityError",
    "OperationalError",
    "ProgrammingError",
    "DataError",
    "NoneType",
    'File "',
    "sqlalchemy",
    "psycopg",
)


def leaks(text: str) -> list[str]:
    return [word for word in EXCEPTION_NAMES if word in text]


def slack_signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def slack_headers(
    body: bytes,
    content_type: str,
    *,
    secret: str = SLACK_SECRET,
    timestamp: int | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": slack_signature(secret, stamp, body),
        **(extra or {}),
    }


def stripe_headers(body: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None):
    header = WebhookSignature.generate_signature_header(body.decode("utf-8"), secret, timestamp)
    return {"content-type": "application/json", "stripe-signature": header}


_TRIGGERS = itertools.count()


def command_form(text: str, **fields: str) -> bytes:
    form = {
        "token": "legacy",
        "team_id": "T1",
        "team_domain": "agency",
        "channel_id": "C1",
        "channel_name": "billing",
        "user_id": "UDAN",
        "user_name": "dan",
        "command": "/billing",
        "text": text,
        "api_app_id": "A1",
        "response_url": "",
        "trigger_id": f"{time.time_ns()}.{next(_TRIGGERS)}.1",  # Slack's differ every time
        **fields,
    }
    return urlencode(form).encode()


def payload_form(payload: dict) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def envelope(event: dict, event_id: str, team: str = "T1") -> bytes:
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": team,
            "api_app_id": "A1",
            "event": event,
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
        }
    ).encode()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    error: BaseException | None = None  # what escaped the app, if anything
    read: int = 0  # request body bytes the app took

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class TrackingPool(ThreadPoolExecutor):
    """Worker.pool, keeping each piece of work's future and arguments."""

    def __init__(self, workers: int) -> None:
        super().__init__(max_workers=workers, thread_name_prefix="billbot-work")
        self.jobs: list[tuple[Future, dict[str, Any]]] = []
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        future = super().submit(fn, *args, **kwargs)
        given = dict(kwargs)  # Worker.later may hand the work's own arguments over as a dict
        for arg in args:
            if isinstance(arg, dict):
                given.update(arg)
        with self._lock:
            self.jobs.append((future, given))
        return future

    def settle(self, timeout: float = 120) -> list[tuple[BaseException, dict[str, Any]]]:
        """Wait for all work so far; what it raised, with the arguments it was given."""
        with self._lock:
            jobs, self.jobs = self.jobs, []
        _, pending = wait([f for f, _ in jobs], timeout=timeout)
        assert not pending, f"{len(pending)} pieces of work after acks still running"
        return [(f.exception(), kw) for f, kw in jobs if f.exception() is not None]


class Captured(logging.Handler):
    """Log records at WARNING and above (with their tracebacks), and every formatted line."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception as error:  # a record that cannot be formatted is a finding too
            self.lines.append(f"UNFORMATTABLE {record.name}: {error!r}")
        if record.levelno >= logging.WARNING:
            self.records.append(record)

    def errors(self) -> list[logging.LogRecord]:
        return [r for r in self.records if r.levelno >= logging.ERROR]

    def clear(self) -> None:
        self.records.clear()
        self.lines.clear()


@dataclass
class InProcess:
    """settings, engine, the Starlette app and a handle on the Slack door's work after acks."""

    engine: Engine
    settings: Settings
    web: Any
    worker: Worker
    pool: TrackingPool
    loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    links: dict[str, str] = field(default_factory=dict)  # invitation id -> link, from the seed

    def __post_init__(self) -> None:
        # One loop, running in its own thread for the whole test: anyio's worker threads
        # (run_in_threadpool) live as long as the loop, as under uvicorn.
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        *,
        chunks: Iterator[bytes] | None = None,
        content_length: bool = True,
        query: str = "",
    ) -> Answer:
        call = self._request(method, path, body, headers or {}, chunks, content_length, query)
        return asyncio.run_coroutine_threadsafe(call, self.loop).result(timeout=60)

    async def _request(self, method, path, body, headers, chunks, content_length, query):
        raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        if content_length and chunks is None and "content-length" not in headers:
            raw.append((b"content-length", str(len(body)).encode()))
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode("utf-8", "surrogateescape"),
            "query_string": query.encode(),
            "root_path": "",
            "headers": raw,
            "client": ("127.0.0.1", 40000),
            "server": ("127.0.0.1", 3000),
            "state": {},
        }
        source = iter([body]) if chunks is None else chunks
        read = 0
        finished = False

        async def receive() -> dict:
            nonlocal read, finished
            if finished:
                await asyncio.sleep(0)
                return {"type": "http.disconnect"}
            try:
                piece = next(source)
            except StopIteration:
                finished = True
                return {"type": "http.request", "body": b"", "more_body": False}
            read += len(piece)
            if chunks is None:
                finished = True
                return {"type": "http.request", "body": piece, "more_body": False}
            return {"type": "http.request", "body": piece, "more_body": True}

        status, answer_headers, parts = 0, {}, []

        async def send(message: dict) -> None:
            nonlocal status, answer_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                answer_headers = {
                    k.decode("latin-1"): v.decode("latin-1") for k, v in message.get("headers", [])
                }
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))

        error = None
        try:
            await self.web(scope, receive, send)
        except Exception as escaped:  # Starlette answered 500 and re-raised
            error = escaped
            status = status or 500
        return Answer(status, answer_headers, b"".join(parts), error, read)

    def slack(self, body: bytes, content_type: str, **kw: Any) -> Answer:
        return self.request("POST", "/slack/events", body, slack_headers(body, content_type, **kw))

    def command(self, text: str, **fields: str) -> Answer:
        return self.slack(command_form(text, **fields), "application/x-www-form-urlencoded")

    def stripe(self, body: bytes, headers: dict[str, str]) -> Answer:
        return self.request("POST", "/stripe/webhook", body, headers)

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        return export_all(self.engine)

    def close(self) -> None:
        self.pool.settle()
        self.pool.shutdown(wait=True)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()


def build(
    engine: Engine,
    *,
    slack_api_url: str,
    public_url: str = "http://127.0.0.1:3000",
    stripe_api_base: str = DEAD_STRIPE,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    **extra: Any,
) -> InProcess:
    """bot/web/serve.py's composition (without uvicorn, the courier and the scheduler)."""
    settings = Settings(
        database_url=str(engine.url),
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SLACK_SECRET,
        slack_api_url=slack_api_url,
        billbot_operators="UOLIVIA",
        stripe_api_key=STRIPE_KEY,
        stripe_api_base=stripe_api_base,
        stripe_webhook_secret=WEBHOOK_SECRET,
        public_url=public_url,
        scheduler=False,
        **extra,
    )
    workers: list[Worker] = []

    class KeptWorker(Worker):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            workers.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_factory, "Worker", KeptWorker)
        bolt = app_factory.build_bolt(settings, engine, clock)
    (worker,) = workers
    pool = TrackingPool(worker.pool._max_workers)
    worker.pool.shutdown(wait=False)
    worker.pool = pool
    gateway = gateway_for(
        settings.stripe_api_key,
        api_base=settings.stripe_api_base,
        webhook_secret=settings.stripe_webhook_secret,
    )
    uow = UnitOfWork(engine)
    pages = [
        *invite_routes(uow, clock, lambda: None, gateway, settings.public_url),
        *stripe_routes(uow, gateway, clock, lambda: None),
    ]
    secret = {}  # what serve.py passes, if create_web_app takes it (a proposed fix does)
    if "signing_secret" in inspect.signature(create_web_app).parameters:
        secret["signing_secret"] = settings.slack_signing_secret
    web = create_web_app(bolt, engine, Metrics(uow), pages, **secret)
    return InProcess(engine, settings, web, worker, pool)
