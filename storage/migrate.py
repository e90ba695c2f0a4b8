"""Bring a database to the newest schema with Alembic (the only way tables are made)."""

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x62696C6C  # "bill": replicas starting together migrate one after another


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


@dataclass(frozen=True)
class Migrated:
    before: str | None  # the schema's revision before, None for an empty database
    after: str | None


def upgrade(engine: Engine) -> Migrated:
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # DDL is transactional there: the others
            # wait here, then find the schema at head and do nothing
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        before = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        return Migrated(before, MigrationContext.configure(connection).get_current_revision())
