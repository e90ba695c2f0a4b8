"""`column IN (ids)` for thousands of ids: one array parameter on PostgreSQL, a list on SQLite."""

from collections.abc import Collection
from typing import Any

from sqlalchemy import ARRAY, BigInteger, ColumnElement, any_, bindparam
from sqlmodel import Session


def among(session: Session, column: Any, ids: Collection[int]) -> ColumnElement[bool]:
    """PostgreSQL parses one `= ANY(%s)` instead of thousands of placeholders."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(BigInteger)))
    return column.in_(list(ids))
