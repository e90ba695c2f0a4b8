"""Reading and keeping what a thread of questions is about (one row per Slack thread)."""

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.tables import QuestionThread


def thread_of(session: Session, channel_id: str, thread_ts: str) -> QuestionThread | None:
    query = select(QuestionThread).where(
        QuestionThread.channel_id == channel_id, QuestionThread.thread_ts == thread_ts
    )
    return session.exec(query).first()


def keep_thread(session: Session, kept: QuestionThread, now: datetime) -> None:
    """Insert or update the thread's row (the unique key settles two replicas racing)."""
    row = thread_of(session, kept.channel_id, kept.thread_ts)
    if row is None:
        kept.updated_at = now
        try:
            with session.begin_nested():
                session.add(kept)
            return
        except IntegrityError:
            row = thread_of(session, kept.channel_id, kept.thread_ts)
            if row is None:
                raise
    for name in ("company_id", "intent", "app", "month", "asked"):
        setattr(row, name, getattr(kept, name))
    row.updated_at = now
    session.add(row)
