"""Reminders and statements as Slack receives them: `billbot run-due --at` against the Web API
stand-in, each notice sent once even when the sweep runs twice; a deleted channel is recorded as
a permanent failure."""

import sqlite3

import pytest

from tests.e2e.slack import delete
from tests.e2e.test_console import billbot

SETUP = [
    "as @olivia operator",
    "/billing plan new Basic 49 USD",
    "as @dan",
    "/billing company new Acme",
    "/billing app new shop company:Acme plan:Basic",
    "/billing app domain shop shop.acme.example since:2026-10-11",
    "/billing channel link Acme <#CACME|acme-billing>",
    "/billing company new Bakery",
    "/billing app new cakes company:Bakery plan:Basic",
    "/billing app domain cakes cakes.example since:2026-10-01",
]


@pytest.fixture
def env(tmp_path, standin):
    environment = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'billbot.db'}",
        "SLACK_BOT_TOKEN": "xoxb-local-1",
        "SLACK_SIGNING_SECRET": "local-secret",
        "SLACK_API_URL": f"{standin.url}/api/",
        "NO_PROXY": "127.0.0.1,localhost",
        "BILLBOT_OPERATORS": "UOLIVIA",
    }
    billbot(environment, "console", "--at", "2026-10-01T08:00:00+00:00", stdin="\n".join(SETUP))
    billbot(environment, "run-due", "--at", "2026-10-01T09:00:00+00:00")  # nothing due yet
    return environment


def posts(standin):
    return [(c["args"]["channel"], c["args"]["text"]) for c in standin.calls("chat.postMessage")]


def run_due(env, at):
    return billbot(env, "run-due", "--at", at)


def test_each_notice_once_at_its_time(env, standin):
    standin_reset(standin)
    for _ in range(2):
        out = run_due(env, "2026-10-29T09:00:00+00:00")
    assert "Delivered 0 messages" in out  # the second run found everything sent
    upcoming = posts(standin)
    assert len(upcoming) == 2 and {c for c, _ in upcoming} - {"CACME"} == {dan(env)}
    acme = next(text for channel, text in upcoming if channel == "CACME")
    assert "Estimate so far: *33.19 USD*" in acme and "billed by hand" in acme

    standin_reset(standin)
    for _ in range(2):
        run_due(env, "2026-11-01T09:00:00+00:00")
    sent = posts(standin)
    ready = [text for channel, text in sent if channel == "CACME"]
    assert (
        len(ready) == 1
        and "statement 2026-000001 for October 2026" in ready[0]
        and "Total: 33.19 USD" in ready[0]
    )
    bakery = [text for channel, text in sent if channel == dan(env) and "Bakery" in text]
    assert len(bakery) == 1 and "49.00 USD" in bakery[0]
    olivia = [text for channel, text in sent if channel == person(env, "olivia")]
    assert len(olivia) == 1 and "to bill by hand" in olivia[0]
    uploads = standin.calls("files.completeUploadExternal")
    assert len(uploads) == 2  # a chart under each statement_ready
    assert all(c["args"]["size"] > 1000 and c["args"]["png"] for c in standin.calls("upload"))

    standin_reset(standin)
    run_due(env, "2026-11-12T09:00:00+00:00")
    run_due(env, "2026-11-16T09:00:00+00:00")
    run_due(env, "2026-11-16T10:00:00+00:00")
    texts = [text for channel, text in posts(standin) if channel == "CACME"]
    assert ["is due on 15 Nov 2026" in t for t in texts] == [True, False]
    assert "was due on 15 Nov 2026 and is still unpaid" in texts[1]


def test_a_deleted_channel_is_a_permanent_failure_shown_to_operators(env, standin, tmp_path):
    standin_reset(standin)
    billbot(
        env,
        "console",
        "--at",
        "2026-10-20T08:00:00+00:00",
        stdin="as @dan\n/billing channel link Bakery <#CGONE1|old-channel>",
    )
    run_due(env, "2026-10-29T09:00:00+00:00")
    database = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"))
    failed = database.execute(
        "SELECT channel, error, attempts FROM outbox WHERE status = 'failed'"
    ).fetchall()
    assert failed == [("CGONE1", "Slack said channel_not_found", 1)]
    told = database.execute(
        "SELECT payload FROM outbox WHERE kind = 'message' AND cause LIKE 'delivery_failed:%'"
    ).fetchall()
    assert len(told) == 1 and "<#CGONE1>: Slack said channel_not_found" in told[0][0]
    run_due(env, "2026-10-29T10:00:00+00:00")
    assert (
        len([c for c in standin.calls("chat.postMessage") if c["args"]["channel"] == "CGONE1"]) == 1
    )


def person(env, name):
    """The Slack id the console gave someone."""
    database = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"))
    return database.execute("SELECT slack_user_id FROM person WHERE name = ?", (name,)).fetchone()[
        0
    ]


def dan(env):
    return person(env, "dan")


def standin_reset(standin):
    delete(f"{standin.url}/_calls")
