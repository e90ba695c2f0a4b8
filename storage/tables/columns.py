"""What every table shares: the UTC timestamp column, and reading a stored row's key."""

from typing import Any, cast

from sqlalchemy import Table
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


def timestamp(**kw: Any) -> Any:
    """A timestamp column: stored in UTC, read back timezone-aware."""
    return Field(sa_type=UTCDateTime, **kw)


def id_of(row: SQLModel) -> int:
    """The primary key of a stored (flushed) row."""
    key = getattr(row, "id", None)
    if key is None:
        raise ValueError(f"{type(row).__name__} has no id yet: flush it first")
    return int(key)


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for bulk inserts that skip the ORM."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]
