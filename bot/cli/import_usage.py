"""`billbot import-usage file.csv`: a meter's usage from a CSV file, by the rules of
POST /api/usage (each row its own idempotency key; every row recorded, or none)."""

import csv
from pathlib import Path

import typer
from sqlmodel import select

from billing.errors import Invalid
from bot.cli.startup import clock_at, ready_engine
from bot.settings import Settings
from commands.import_usage import BatchRefused, import_usage, read_events
from storage.tables import Workspace
from storage.unit_of_work import UnitOfWork

COLUMNS = ("idempotency_key", "app", "metric", "quantity", "day")


def import_usage_command(
    file: Path = typer.Argument(..., help="CSV: idempotency_key,app,metric,quantity,day"),
    workspace: str = typer.Option(None, help="The Slack team id, when there are several."),
    at: str = typer.Option(None, help="Fixed ISO time (default: now)."),
) -> None:
    """Record usage from a CSV file: all of its rows, or none and every reason."""
    now = clock_at(at)()
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SystemExit(
            f"billbot: can't read {file}: {getattr(error, 'strerror', error)}."
        ) from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        header = ",".join(COLUMNS)
        raise SystemExit(
            f"billbot: {file} needs a header row {header} (missing: {', '.join(missing)})."
        )
    uow = UnitOfWork(ready_engine(Settings()))
    workspace_id = _workspace(uow, workspace)
    try:
        events = read_events(list(reader))
        done = import_usage(uow, workspace_id=workspace_id, events=events, now=now, via=file.name)
    except BatchRefused as refused:
        lines = [f"billbot: {refused.message}", *_as_rows(refused.reasons)]
        raise SystemExit("\n".join(lines)) from None
    except Invalid as error:
        raise SystemExit(f"billbot: nothing was recorded: {error.message}") from None
    again = f" ({done.duplicates:,} already recorded)" if done.duplicates else ""
    noun = "row" if done.recorded == 1 else "rows"
    typer.echo(f"Recorded {done.recorded:,} usage {noun} from {file.name}{again}.")


def _as_rows(reasons: list[str]) -> list[str]:
    """Event n of the batch is row n + 1 of the file (its header is row 1)."""
    shown = []
    for reason in reasons:
        head, _, rest = reason.partition(":")
        number = head.removeprefix("event ")
        shown.append(f"  row {int(number) + 1}:{rest}" if number.isdigit() else f"  {reason}")
    return shown


def _workspace(uow: UnitOfWork, team_id: str | None) -> int:
    with uow.read():
        rows = list(uow.session.exec(select(Workspace)).all())
    chosen = [w for w in rows if team_id is None or w.team_id == team_id]
    if len(chosen) == 1 and chosen[0].id is not None:
        return chosen[0].id
    teams = ", ".join(w.team_id for w in rows) or "none yet"
    if team_id is not None:
        raise SystemExit(f"billbot: no workspace {team_id} (there are: {teams}).")
    raise SystemExit(f"billbot: give --workspace, one of: {teams}.")
