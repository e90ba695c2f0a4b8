"""`billbot export`: every row of every table as JSON, a backup a person can read."""

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer
from sqlalchemy import Engine, select
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers the tables)
from bot.cli.startup import ready_engine
from bot.settings import Settings


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def export_all(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            data[table.name] = [
                {key: _plain(value) for key, value in row._mapping.items()} for row in rows
            ]
    return data


def export_command(
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
) -> None:
    """Write every row of every table as JSON."""
    data = json.dumps(export_all(ready_engine(Settings())), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(data)
    else:
        output.write_text(data + "\n", encoding="utf-8")
        typer.echo(f"Wrote {output}.")
