"""`POST /api/usage`: a meter's batch of usage events, with a workspace's API key.

    Authorization: Bearer bbk_...
    {"events": [{"idempotency_key": "...", "app": "shop", "metric": "requests",
                 "quantity": 1200, "day": "2026-11-05"}, ...]}

200 with what was recorded (events sent again with the same key count as duplicates); 401 for
a missing, wrong or revoked key; 400 for a body that is not such JSON; 422 with every reason
when an event can't be recorded, and then nothing of the batch is.
"""

import json
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from billing.errors import Invalid
from commands.create_api_key import key_hash
from commands.import_usage import BatchRefused, UsageImported, import_usage, read_events
from storage.api_keys import key_by_hash
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.usage_api")


def usage_routes(uow: UnitOfWork, clock: Callable[[], datetime]) -> list[Route]:
    def key_of(request: Request) -> tuple[int, str] | None:
        scheme, _, key = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            return None
        with uow.read():
            row = key_by_hash(uow.session, key_hash(key.strip()))
            return (row.workspace_id, row.label) if row else None

    def record(workspace_id: int, label: str, body: bytes) -> Response:
        try:
            sent = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return _error(400, "The body is not JSON.")
        events = sent.get("events") if isinstance(sent, dict) else None
        if not isinstance(events, list):
            return _error(400, 'The body is {"events": [...]}, a list of usage events.')
        try:
            read = read_events(events)
            done = _once(
                lambda: import_usage(
                    uow, workspace_id=workspace_id, events=read, now=clock(), via=f"API key {label}"
                )
            )
        except BatchRefused as refused:
            return _error(422, refused.message, refused.reasons)
        except Invalid as error:
            return _error(422, f"Nothing was recorded: {error.message}")
        log.info(
            "usage batch via key %s: %s recorded, %s duplicates",
            label,
            done.recorded,
            done.duplicates,
        )
        return _done(done)

    async def usage(request: Request) -> Response:
        found = await run_in_threadpool(key_of, request)
        if found is None:
            return _error(401, "Send a valid API key: Authorization: Bearer <key>.")
        body = await request.body()
        return await run_in_threadpool(record, *found, body)

    return [Route("/api/usage", usage, methods=["POST"])]


def _once(work: Callable[[], UsageImported]) -> UsageImported:
    """The same keys sent twice at once: the loser's second try finds them recorded."""
    try:
        return work()
    except IntegrityError:
        return work()


def _done(done: UsageImported) -> Response:
    return JSONResponse({"recorded": done.recorded, "duplicates": done.duplicates})


def _error(status: int, message: str, reasons: list[str] | None = None) -> Response:
    body: dict = {"error": message}
    if reasons:
        body["reasons"] = reasons
    return JSONResponse(body, status_code=status)
