"""One transaction per use case: commit once at the end, roll back on any error. One unit of
work serves many threads: each thread gets its own session.

`with uow:` is a unit that may write: on SQLite it takes the write lock at BEGIN (IMMEDIATE),
so writers never deadlock. `with uow.read():` only reads: a deferred BEGIN on SQLite (a
snapshot of the database that waits for no writer and blocks none), the default elsewhere;
it cannot commit."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Engine
from sqlmodel import Session

from storage.database import READS_ONLY


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = engine.execution_options(**{READS_ONLY: True})
        self._local = threading.local()

    @property
    def session(self) -> Session:
        session: Session | None = getattr(self._local, "session", None)
        if session is None:
            raise RuntimeError("use the unit of work inside `with uow:`")
        return session

    def __enter__(self) -> "UnitOfWork":
        self._open(self.engine, writes=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()

    @contextmanager
    def read(self) -> Iterator["UnitOfWork"]:
        """A unit of work that only reads: no write lock, no commit."""
        self._open(self._reader, writes=False)
        try:
            yield self
        finally:
            self._close()

    def commit(self) -> None:
        if not self._local.writes:
            raise RuntimeError("a unit of work opened with `uow.read()` cannot commit")
        self.session.commit()

    def _open(self, bind: Engine, *, writes: bool) -> None:
        self._local.session = Session(bind, expire_on_commit=False)
        self._local.writes = writes

    def _close(self) -> None:
        try:
            # Rows read here stay readable after the unit ends (detached, not expired).
            self.session.expunge_all()
            self.session.rollback()
        finally:
            self.session.close()
            self._local.session = None
