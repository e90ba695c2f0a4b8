"""One transaction per use case: commit once at the end, roll back on any error. One unit of
work serves many threads: each thread gets its own session."""

import threading
from types import TracebackType

from sqlalchemy import Engine
from sqlmodel import Session


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._local = threading.local()

    @property
    def session(self) -> Session:
        session: Session | None = getattr(self._local, "session", None)
        if session is None:
            raise RuntimeError("use the unit of work inside `with uow:`")
        return session

    def __enter__(self) -> "UnitOfWork":
        self._local.session = Session(self.engine, expire_on_commit=False)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            # Rows read here stay readable after the unit ends (detached, not expired).
            self.session.expunge_all()
            self.session.rollback()
        finally:
            self.session.close()
            self._local.session = None

    def commit(self) -> None:
        self.session.commit()
