"""What every `billbot` command starts from: its clock (`--at`) and a migrated database."""

from collections.abc import Callable
from datetime import UTC, datetime

import typer
from sqlalchemy import Engine

from bot.settings import Settings
from storage.database import make_engine
from storage.migrate import upgrade


def clock_at(at: str | None) -> Callable[[], datetime]:
    """The real clock, or one fixed at the ISO time `--at` gives (with its time zone)."""
    if at is None:
        return lambda: datetime.now(UTC)
    fixed = datetime.fromisoformat(at)
    if fixed.tzinfo is None:
        raise typer.BadParameter(
            "give a time zone, e.g. 2026-11-22T09:00:00+00:00", param_hint="--at"
        )
    return lambda: fixed


def ready_engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return engine
