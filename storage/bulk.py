"""Many rows at once, skipping the ORM: COPY on PostgreSQL, executemany on SQLite."""

import json
from typing import Any

from sqlalchemy import JSON, insert, text
from sqlmodel import Session, SQLModel

from storage.tables import table_of


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    table = table_of(model)
    connection = session.connection()
    if connection.dialect.name != "postgresql" or not rows:
        if rows:
            connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    names = ", ".join(f'"{name}"' for name in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([json.dumps(row[c]) if c in json_columns else row[c] for c in columns])


def insert_with_ids(
    session: Session, model: type[SQLModel], rows: list[dict[str, Any]]
) -> list[int]:
    """Insert and return the new ids, in order (PostgreSQL draws them from the sequence first)."""
    table = table_of(model)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        ids: list[Any] = list(
            connection.execute(
                text(
                    f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "
                    "FROM generate_series(1, :n)"
                ),
                {"n": len(rows)},
            ).scalars()
        )
        insert_rows(
            session, model, [{"id": key, **row} for key, row in zip(ids, rows, strict=True)]
        )
        return [int(key) for key in ids]
    returned: list[Any] = list(
        connection.execute(insert(table).returning(table.c.id), rows).scalars()
    )
    return [int(key) for key in returned]
