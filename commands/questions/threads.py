"""What a Slack thread of questions is about (its company, intent, app and month), kept so
that "and last month?" in it still means the same company and question after a restart."""

from dataclasses import dataclass
from datetime import datetime

from billing.periods import Month
from commands.actor import Actor
from storage.question_threads import keep_thread, thread_of
from storage.tables import QuestionThread
from storage.unit_of_work import UnitOfWork

MAX_ASKED = 500


@dataclass(frozen=True)
class ThreadSubject:
    company_id: int | None
    intent: str | None  # None: asked back, not answered yet
    app: str | None
    month: Month | None
    asked: str  # the question last asked in it


def thread_subject(
    uow: UnitOfWork, actor: Actor, channel_id: str, thread_ts: str
) -> ThreadSubject | None:
    """The thread's subject, if a question was answered in it (in the asker's workspace)."""
    with uow:
        row = thread_of(uow.session, channel_id, thread_ts)
        if row is None or row.workspace_id != actor.workspace_id:
            return None
        month = Month.parse(row.month) if row.month else None
        return ThreadSubject(row.company_id, row.intent, row.app, month, row.asked)


def keep_subject(
    uow: UnitOfWork,
    actor: Actor,
    channel_id: str,
    thread_ts: str,
    subject: ThreadSubject,
    *,
    now: datetime,
) -> None:
    with uow:
        kept = QuestionThread(
            workspace_id=actor.workspace_id,
            channel_id=channel_id[:32],
            thread_ts=thread_ts[:32],
            company_id=subject.company_id,
            intent=subject.intent,
            app=subject.app,
            month=str(subject.month) if subject.month else None,
            asked=subject.asked[:MAX_ASKED],
            updated_at=now,
        )
        keep_thread(uow.session, kept, now)
        uow.commit()
