"""Wherever a person types, a mistake gets one line saying what is wrong, never a traceback:
`--at`, DATABASE_URL, the first `migrate`; and `billbot serve` says where it listens and answers
signed Slack requests while Slack's Web API can't be reached."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.slack import Billbot, free_port, serve_env

BILLBOT = Path(sys.executable).with_name("billbot")


def run(*args: str, database_url: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "NO_COLOR": "1"}
    return subprocess.run(
        [str(BILLBOT), *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        ("close-month", "2026-10"),
        ("run-due",),
        ("console",),
        ("demo",),
    ],
)
def test_a_bad_at_gets_one_line(tmp_path, command):
    url = f"sqlite:///{tmp_path / 'billbot.db'}"
    tomorrow = one_line(run(*command, "--at", "tomorrow", database_url=url))
    assert tomorrow == (
        "billbot: --at “tomorrow” is not a date and time: give one like 2026-11-22T09:00:00+00:00."
    )
    leap = one_line(run(*command, "--at", "2026-02-30T00:00:00+00:00", database_url=url))
    assert "(day is out of range for month)" in leap
    naive = one_line(run(*command, "--at", "2026-11-01T09:00:00", database_url=url))
    assert naive.endswith("needs a time zone, e.g. 2026-11-22T09:00:00+00:00.")
    assert not (tmp_path / "billbot.db").exists()  # nothing was made


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("nonsense", "billbot: DATABASE_URL is not a database URL: use SQLite"),
        ("mysql://bill:s3cret@db.example/billbot", "billbot: DATABASE_URL is a mysql database"),
        (
            f"postgresql://bill:s3cret@127.0.0.1:{free_port()}/billbot",
            "billbot: Can't use the database at postgresql://bill:***@127.0.0.1:",
        ),
    ],
)
@pytest.mark.parametrize("command", [("migrate",), ("close-month", "2026-10"), ("export",)])
def test_a_database_url_that_cannot_be_used_gets_one_line_without_secrets(url, expected, command):
    line = one_line(run(*command, database_url=url))
    assert line.startswith(expected) and "s3cret" not in line


def test_the_first_migrate_says_it_made_the_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'billbot.db'}"
    first = run("migrate", database_url=url)
    assert first.returncode == 0 and first.stdout.startswith("Created the database schema")
    again = run("migrate", database_url=url)
    assert again.stdout.startswith("Database is up to date (revision ")


def test_serve_says_where_it_listens_and_answers_while_slack_is_unreachable(standin, tmp_path):
    unreachable = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there
    env = serve_env(tmp_path, standin, SLACK_API_URL=unreachable)
    server = Billbot(env)
    try:
        status, body, _ = server.command("help", respond_to=f"{standin.url}/respond/x")
        assert status == 200, body
        reply = standin.wait_for("respond")[-1]["args"]
        text = "\n".join(b["text"]["text"] for b in reply["blocks"] if "text" in b)
        assert "/billing" in text
        # users.info can't be asked either: someone new counts as a client until Slack answers
        refused = server.reply(standin, "company new Acme")
        assert refused == "Only developers and operators set up companies."
    finally:
        server.stop()
    log = Path(env["BILLBOT_LOG"]).read_text()
    base = server.url
    assert f"billbot serves Slack at {base}/slack/events; health at {base}/healthz" in log
    assert "Slack's API can't be reached" in log and "Traceback" not in log
