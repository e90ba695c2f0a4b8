"""Every storage and use-case test runs on SQLite and on PostgreSQL, each in a fresh database."""

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest
from hypothesis import settings
from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from commands.actor import Actor, identify
from storage.database import make_engine
from storage.migrate import upgrade
from storage.unit_of_work import UnitOfWork
from tests.e2e.slack import free_port, wait_for_port
from tests.stripe.standin import StripeStandIn

# Property tests check what is true, not how fast: a loaded CI machine must not fail them on time.
settings.register_profile("billbot", deadline=None)
settings.load_profile("billbot")

PG_ADMIN = os.environ.get("BILLBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _pg_admin(sql: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'billbot.db'}"
        engine = make_engine(url)
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    name = f"billbot_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}")
    base = PG_ADMIN.rsplit("/", 1)[0]
    engine = make_engine(f"{base}/{name}")
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def uow(engine: Engine) -> UnitOfWork:
    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))
    return UnitOfWork(engine)


def person(
    uow: UnitOfWork, name: str, *, kind: str = "developer", team: str = "T1", operator: bool = False
) -> Actor:
    """A person acting in workspace `team`, identified the way the doors do it."""
    user_id = f"U{name.upper()}"
    return identify(
        uow,
        team_id=team,
        user_id=user_id,
        name=name,
        account_type=kind,
        now=NOW,
        operators=frozenset({user_id}) if operator else frozenset(),
    )


@pytest.fixture(scope="session")
def stripe_standin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StripeStandIn]:
    """One local Stripe (localstripe behind our front) per test session, started on first use."""
    standin = StripeStandIn(log_dir=tmp_path_factory.mktemp("stripe"))  # front.log etc.
    standin.start()
    try:
        yield standin
    finally:
        standin.stop()


@pytest.fixture
def stripe(stripe_standin: StripeStandIn) -> StripeStandIn:
    """The session's stand-in, emptied: no objects, sessions, webhooks or kill rule."""
    stripe_standin.reset()
    return stripe_standin


@pytest.fixture(scope="module")
def smtp(tmp_path_factory):
    """aiosmtpd in its own process, storing what it receives in a maildir: (port, inbox)."""
    folder = tmp_path_factory.mktemp("mail")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Mailbox",
            str(folder / "inbox"),
        ]
    )
    wait_for_port(port)
    yield port, folder / "inbox"
    process.terminate()
    process.wait(timeout=10)
