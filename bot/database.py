"""The configured database, migrated to the newest schema, for every door that starts billbot
(CLI commands and the server): or one line saying what is wrong with DATABASE_URL."""

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings
from storage.database import DatabaseUnusable, check_url, make_engine, unreachable
from storage.migrate import Migrated, upgrade


def open_database(settings: Settings) -> tuple[Engine, Migrated]:
    """The configured database at the newest schema, or one line saying what is wrong."""
    try:
        check_url(settings.database_url)
        engine = make_engine(settings.database_url)
        return engine, upgrade(engine)
    except DatabaseUnusable as error:
        raise SystemExit(f"billbot: {error.message}") from None
    except (SQLAlchemyError, OSError, ImportError) as error:
        raise SystemExit(f"billbot: {unreachable(settings.database_url, error).message}") from None
