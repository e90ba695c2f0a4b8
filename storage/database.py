"""Engines for SQLite (default, WAL, foreign keys on) and PostgreSQL (psycopg 3)."""

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_URL = "sqlite:///billbot.db"
READS_ONLY = "billbot_reads_only"  # execution option of units of work that only read


def normalize_url(url: str) -> str:
    """`postgres://` and `postgresql://` both mean psycopg 3 here."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class DatabaseUnusable(Exception):
    """DATABASE_URL names no database billbot can use; the message says why, without secrets."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_KINDS = "SQLite (sqlite:///billbot.db) or PostgreSQL (postgresql://user@host/db)"


def check_url(url: str) -> URL:
    """The parsed URL, or DatabaseUnusable: not a URL, or a kind of database billbot can't use."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError:
        raise DatabaseUnusable(f"DATABASE_URL is not a database URL: use {_KINDS}.") from None
    kind = parsed.get_backend_name()
    if kind not in ("sqlite", "postgresql"):
        raise DatabaseUnusable(f"DATABASE_URL is a {kind} database; billbot works with {_KINDS}.")
    return parsed


def unreachable(url: str, error: Exception) -> DatabaseUnusable:
    """Why the database at `url` can't be used, in one line, with its password hidden."""
    shown = make_url(url).render_as_string(hide_password=True)
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    detail = reason[0].strip().removeprefix("connection failed: ") if reason else ""
    detail = detail or type(error).__name__
    return DatabaseUnusable(f"Can't use the database at {shown}: {detail}")


def make_engine(url: str = DEFAULT_URL, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy issues BEGIN itself (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # One writer at a time, taken at BEGIN: no read-then-upgrade deadlocks between use cases.
    # A unit of work that only reads (storage/unit_of_work.py) begins deferred: a snapshot
    # that neither waits for the writer nor holds it up.
    if connection.get_execution_options().get(READS_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
