"""What every `billbot` command starts from: its clock (`--at`) and a migrated database."""

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine

from bot.database import open_database
from bot.settings import Settings

_EXAMPLE = "2026-11-22T09:00:00+00:00"


def clock_at(at: str | None) -> Callable[[], datetime]:
    """The real clock, or one fixed at the ISO time `--at` gives (with its time zone); a time
    that is none stops the command with one line saying why."""
    if at is None:
        return lambda: datetime.now(UTC)
    try:
        fixed = datetime.fromisoformat(at)
    except ValueError as error:
        shown = at if len(at) <= 40 else at[:40] + "…"
        why = "" if str(error).startswith("Invalid isoformat") else f" ({error})"
        raise SystemExit(
            f"billbot: --at “{shown}” is not a date and time{why}: give one like {_EXAMPLE}."
        ) from None
    if fixed.tzinfo is None:
        raise SystemExit(f"billbot: --at {at} needs a time zone, e.g. {_EXAMPLE}.")
    return lambda: fixed


def ready_engine(settings: Settings) -> Engine:
    return open_database(settings)[0]
