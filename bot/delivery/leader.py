"""Which replica schedules: the holder of a PostgreSQL advisory lock (SQLite: the one process)."""

from sqlalchemy import Connection, Engine, text

LEADER_LOCK = 0x6B696C6C  # the advisory lock key every replica competes for


class Leader:
    """Holds the PostgreSQL advisory lock on its own connection while it lives; SQLite has
    one process, which always leads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    def try_lead(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        if self._connection is None:
            self._connection = self.engine.connect()
        got = self._connection.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": LEADER_LOCK}
        ).scalar()
        self._connection.commit()
        return bool(got)

    def release(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
