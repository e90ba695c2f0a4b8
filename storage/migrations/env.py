"""Alembic environment: the database is the one billbot is configured with."""

import os

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from storage.database import DEFAULT_URL, make_engine

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL", DEFAULT_URL)
    engine = make_engine(url)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _ours(name: str | None, type_: str, parent_names: object) -> bool:
    """slack-sdk keeps its installation tables (slack_*) and APScheduler its jobs
    (apscheduler_jobs) in the same database."""
    foreign = ("slack_", "apscheduler_")
    return not (type_ == "table" and (name or "").startswith(foreign))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=_ours,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
