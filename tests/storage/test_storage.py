"""The storage layer itself: schema from migrations, constraints, time, transactions."""

import os
import sqlite3
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from storage.database import make_engine
from storage.migrate import alembic_config, upgrade
from storage.notices import notify
from storage.outbox import Outcome, claim, record
from storage.tables import Access, Company, ProcessedEvent, Workspace
from storage.unit_of_work import UnitOfWork
from tests.conftest import NOW, PG_ADMIN, _pg_admin, person


def _workspace(uow, team_id="T1"):
    with uow:
        row = Workspace(team_id=team_id, name=team_id, created_at=NOW)
        uow.session.add(row)
        uow.commit()
    return row.id


def test_migrations_match_the_models(engine):
    """`alembic check` against the migrated database: no drift between models and migrations."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.check(config)


def test_timestamps_come_back_aware_and_in_utc(uow):
    berlin = timezone(timedelta(hours=1))
    with uow:
        uow.session.add(
            Workspace(team_id="T9", name="x", created_at=datetime(2026, 1, 1, 12, tzinfo=berlin))
        )
        uow.commit()
    with uow:
        stored = uow.session.exec(select(Workspace.created_at)).one()
    assert stored == datetime(2026, 1, 1, 11, tzinfo=UTC) and stored.tzinfo is not None


def test_naive_timestamps_are_refused(uow):
    with uow, pytest.raises(Exception, match="naive"):
        uow.session.add(Workspace(team_id="T9", name="x", created_at=datetime(2026, 1, 1)))
        uow.session.flush()


def test_foreign_keys_are_enforced(uow):
    with uow, pytest.raises(IntegrityError):
        uow.session.add(
            Company(workspace_id=999, name="x", slug="x", currency="USD", created_at=NOW)
        )
        uow.session.flush()


def test_access_names_exactly_one_subject(uow):
    workspace_id = _workspace(uow)
    with uow:
        company = Company(
            workspace_id=workspace_id, name="x", slug="x", currency="USD", created_at=NOW
        )
        uow.session.add(company)
        uow.commit()
    with uow, pytest.raises(IntegrityError):
        uow.session.add(Access(company_id=company.id, role="owner", created_at=NOW))
        uow.session.flush()


def test_a_unit_of_work_without_commit_leaves_nothing(uow):
    with uow:
        uow.session.add(Workspace(team_id="T7", name="x", created_at=NOW))
        uow.session.flush()
    with uow:
        assert uow.session.exec(select(Workspace)).all() == []


def test_an_error_rolls_the_whole_use_case_back(uow):
    with pytest.raises(RuntimeError), uow:
        uow.session.add(Workspace(team_id="T7", name="x", created_at=NOW))
        uow.session.flush()
        raise RuntimeError("boom")
    with uow:
        assert uow.session.exec(select(Workspace)).all() == []


def test_external_events_are_recorded_once(uow):
    with uow:
        uow.session.add(ProcessedEvent(source="slack", event_id="Ev1", received_at=NOW))
        uow.commit()
    with uow, pytest.raises(IntegrityError):
        uow.session.add(ProcessedEvent(source="slack", event_id="Ev1", received_at=NOW))
        uow.session.flush()


def test_sqlite_runs_with_wal_and_foreign_keys(engine):
    if engine.dialect.name != "sqlite":
        assert engine.dialect.driver == "psycopg"
        return
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_replicas_starting_together_migrate_a_fresh_postgresql_once():
    """Four `billbot migrate` at the same instant on an empty database: all succeed."""
    name = f"billbot_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}")
    url = f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    billbot = Path(sys.executable).with_name("billbot")
    try:
        started = [
            subprocess.Popen(
                [str(billbot), "migrate"],
                env={**os.environ, "DATABASE_URL": url},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(4)
        ]
        outcomes = [(p.wait(timeout=120), p.stdout.read() if p.stdout else "") for p in started]
        assert [code for code, _ in outcomes] == [0, 0, 0, 0], outcomes
        with psycopg.connect(url) as connection:
            versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        assert len(versions) == 1
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_message_that_may_have_gone_out_is_claimed_as_resumed_after_a_retry(uow):
    """A claimed row whose send was cut short (a lost answer, a sender that vanished) may be in
    Slack already: a retry keeps it 'sending', so the next claim looks in the channel first; a
    row that surely did not go out goes back to 'pending'."""
    actor = person(uow, "dan")
    with uow:
        for key in ("maybe", "surely-not"):
            notify(
                uow.session,
                workspace_id=actor.workspace_id,
                key=key,
                people=[actor.person_id],
                text="hello",
                now=NOW,
            )
        uow.commit()
    first = {row.key: row for row in claim(uow, now=NOW, limit=10)}
    assert {row.resumed for row in first.values()} == {False}
    later = NOW + timedelta(minutes=2)
    record(
        uow,
        [
            Outcome(first["maybe"].id, "retry", later, None, "timed out", 1, maybe_posted=True),
            Outcome(first["surely-not"].id, "retry", later, None, "no token", 1),
        ],
    )
    again = {row.key: row.resumed for row in claim(uow, now=later, limit=10)}
    assert again == {"maybe": True, "surely-not": False}


def test_a_unit_that_reads_cannot_commit(uow):
    with uow.read(), pytest.raises(RuntimeError, match="cannot commit"):
        uow.session.add(Workspace(team_id="T9", name="x", created_at=NOW))
        uow.commit()
    with uow.read():
        assert uow.session.exec(select(Workspace)).all() == []


def test_on_sqlite_a_unit_that_reads_does_not_wait_for_the_writer(tmp_path):
    """A writer holds SQLite's write lock; a unit of work that only reads gets its snapshot at
    once (a unit that may write would wait for the lock), and sees nothing uncommitted."""
    engine = make_engine(f"sqlite:///{tmp_path / 'locked.db'}")
    upgrade(engine)
    uow = UnitOfWork(engine)
    _workspace(uow, "T1")
    writer = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO workspace (team_id, name, created_at) VALUES ('T2', 'x', '')")
        with uow.read():
            teams = uow.session.exec(select(Workspace.team_id)).all()
        assert teams == ["T1"]
    finally:
        writer.rollback()
        writer.close()
        engine.dispose()
