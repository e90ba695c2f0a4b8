"""Claiming due outbox rows for one drain, and writing back what became of them."""

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime

from bot.delivery.report import DrainReport
from storage.fan_out import expand
from storage.outbox import Claimed, Outcome, claim, record
from storage.unit_of_work import UnitOfWork


async def claim_due(
    uow: UnitOfWork, clock: Callable[[], datetime], room: int, report: DrainReport
) -> tuple[bool, list[Claimed]]:
    """Up to `room` due rows: whether any was claimed, and those to send now. A notice for a
    whole company is expanded into a row per recipient instead (sent from a later claim)."""
    rows = await asyncio.to_thread(claim, uow, now=clock(), limit=room) if room > 0 else []
    ready = []
    for row in rows:
        if row.channel is None and row.email is None and row.company_id is not None:
            report.expanded += await asyncio.to_thread(expand, uow, row, now=clock())
        else:
            ready.append(row)
    return bool(rows), ready


async def record_done(uow: UnitOfWork, done: Sequence[Outcome]) -> None:
    if done:
        await asyncio.to_thread(record, uow, done)
