"""What a Slack thread of questions was about, so that a follow-up in it keeps its subject."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


class QuestionThread(SQLModel, table=True):
    __tablename__ = "question_thread"
    __table_args__ = (UniqueConstraint("channel_id", "thread_ts"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    channel_id: str = Field(max_length=32)
    thread_ts: str = Field(max_length=32)
    company_id: int | None = Field(default=None, foreign_key="company.id")
    intent: str | None = Field(default=None, max_length=24)  # None: asked back, not answered
    app: str | None = Field(default=None, max_length=80)
    month: str | None = Field(default=None, max_length=7)  # YYYY-MM of a statement shown
    asked: str = Field(default="", max_length=500)  # the last question, for the ask-back buttons
    updated_at: datetime = timestamp()
