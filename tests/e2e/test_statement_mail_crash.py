"""A statement's e-mail after a crash, with real `billbot` processes: `run-due` finalizes the
month and is SIGKILLed while its e-mails are on their way (the mail server has the connections
and has not answered yet); the next run, once the lease is over, sends each statement's e-mail
exactly once, and a run after that sends nothing more. (`run-due --at` is the process the
scheduler runs, with a clock the test can move past the 5-minute lease.)"""

import email
import mailbox
import os
import signal
import socket
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.test_console import billbot
from tests.e2e.test_delivery_faults import (
    BILLBOT,
    NOVEMBER_1,
    OCTOBER,
    PAST_THE_LEASE,
    SLOW_STANDIN,
    StandInProcess,
    base_env,
    seed_lines,
    sqlite_rows,
    wait_until,
)

COMPANIES = 4


class SilentMailServer:
    """Takes SMTP connections and never says a word: a sender is stuck before its greeting."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self) -> None:
        self.server.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def slack() -> Iterator[StandInProcess]:
    server = StandInProcess(SLOW_STANDIN, "--delay-ms", "10")
    yield server
    server.stop()


def test_a_sigkill_between_finalizing_and_sending_leaves_one_email_each(
    slack: StandInProcess, smtp, tmp_path: Path
) -> None:
    database = tmp_path / "billbot.db"
    mpl = str(tmp_path / "mpl")
    seed = seed_lines(COMPANIES, "M", date(2026, 10, 1)).split("\n")
    seed += ["as @dan"] + [
        f"/billing company set M{i:02d} email:ap{i}@m.example" for i in range(COMPANIES)
    ]
    billbot(
        base_env(f"sqlite:///{database}", slack, mpl),
        "console",
        "--at",
        OCTOBER,
        stdin="\n".join(seed),
    )

    silent = SilentMailServer()
    env = base_env(f"sqlite:///{database}", slack, mpl, SMTP_URL=f"smtp://127.0.0.1:{silent.port}")
    try:
        with open(tmp_path / "first.log", "w") as log:
            first = subprocess.Popen(
                [str(BILLBOT), "run-due", "--at", NOVEMBER_1],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                wait_until(
                    lambda: first.poll() is not None or len(silent.connections) >= 1,
                    90,
                    "run-due connecting to the mail server",
                )
            finally:
                if first.poll() is None:
                    os.kill(first.pid, signal.SIGKILL)
                first.wait(timeout=10)
    finally:
        silent.close()
    assert first.returncode == -signal.SIGKILL, "run-due finished before the kill"
    numbers = sqlite_rows(database, "SELECT number FROM statement WHERE period = '2026-10'")
    assert len(numbers) == COMPANIES and all(n for (n,) in numbers)  # finalized, numbered
    waiting = sqlite_rows(database, "SELECT status FROM outbox WHERE kind = 'statement_document'")
    assert len(waiting) == COMPANIES and all(s != "sent" for (s,) in waiting), waiting

    port, inbox = smtp
    after = base_env(f"sqlite:///{database}", slack, mpl, SMTP_URL=f"smtp://127.0.0.1:{port}")
    billbot(after, "run-due", "--at", PAST_THE_LEASE)
    billbot(after, "run-due", "--at", "2026-11-01T10:30:00+00:00")  # later still: nothing new
    received = Counter(
        email.message_from_bytes(m.as_bytes())["To"]
        for m in mailbox.Maildir(str(inbox), create=False)
    )
    mine = {to: n for to, n in received.items() if to.endswith("@m.example")}
    assert mine == {f"ap{i}@m.example": 1 for i in range(COMPANIES)}, mine
    sent = sqlite_rows(database, "SELECT status FROM outbox WHERE kind = 'statement_document'")
    assert [s for (s,) in sent] == ["sent"] * COMPANIES
