"""Every row of every table as JSON: a backup a person can read."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers the tables)


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
