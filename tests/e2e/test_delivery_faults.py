"""Delivery under faults, end to end with real `billbot` processes: a run-due SIGKILLed mid-drain
loses and doubles nothing (message or chart) once the next run finds what Slack already has; a
chart upload failing on the network does not post its statement again; two `billbot serve`
replicas on one PostgreSQL database deliver each notice once and one takes over the sweeps when
the other dies; a channel that Slack slows (429s, or several messages at once) holds up only
itself and still gets everything.

Figures are printed (run with -s to see them)."""

import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlmodel import Session

from storage.database import make_engine
from storage.tables import Outbox, Workspace
from tests.conftest import PG_ADMIN, _pg_admin
from tests.e2e.slack import Billbot, serve_env
from tests.e2e.test_console import billbot

HERE = Path(__file__).parent
SLOW_STANDIN = HERE / "slow_standin.py"
PACED_SLACK = HERE.parents[1] / "bench" / "paced_slack.py"
BILLBOT = Path(sys.executable).with_name("billbot")
OCTOBER = "2026-10-01T08:00:00+00:00"
NOVEMBER_1 = "2026-11-01T09:00:00+00:00"
PAST_THE_LEASE = "2026-11-01T09:06:00+00:00"  # the lease is 5 minutes
COMPANIES = 40
FINAL_STATES = ("sent", "expanded")  # expanded: a company notice split into one row per person


# ---------------------------------------------------------------------------------- helpers


class StandInProcess:
    """A Slack Web API stand-in (tests/e2e/slow_standin.py or bench/paced_slack.py) in its own
    process on a free loopback port."""

    def __init__(self, script: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script), *args], stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        port = int(line.rsplit(":", 1)[-1]) if "listening" in line else int(line.split()[1])
        self.url = f"http://127.0.0.1:{port}"

    def stats(self, query: str = "") -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/_stats{query}", timeout=10) as response:
            return dict(json.loads(response.read()))

    def reset(self) -> None:
        request = urllib.request.Request(f"{self.url}/_reset", method="POST")
        urllib.request.urlopen(request, timeout=10).close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture(scope="module")
def slow_slack() -> Iterator[StandInProcess]:
    """Takes each chat.postMessage at once and answers it 100 ms later."""
    server = StandInProcess(SLOW_STANDIN, "--delay-ms", "100")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def matplotlib_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One font cache for every billbot process of this module."""
    return str(tmp_path_factory.mktemp("mpl"))


def base_env(database_url: str, slack: StandInProcess, mpl: str, **extra: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": "xoxb-local-1",
        "SLACK_SIGNING_SECRET": "local-secret",
        "SLACK_API_URL": f"{slack.url}/api/",
        "NO_PROXY": "127.0.0.1,localhost",
        "BILLBOT_OPERATORS": "UOLIVIA",
        "MPLCONFIGDIR": mpl,
        **extra,
    }


def seed_lines(companies: int, prefix: str, since: date) -> str:
    """An operator, a plan, and `companies` companies each with one app on it since `since`
    and a linked channel."""
    lines = ["as @olivia operator", "/billing plan new Basic 49 USD", "as @dan"]
    for i in range(companies):
        name = f"{prefix}{i:02d}"
        lines += [
            f"/billing company new {name}",
            f"/billing app new app{name} company:{name} plan:Basic",
            f"/billing app domain app{name} app{name.lower()}.example since:{since.isoformat()}",
            f"/billing channel link {name} <#C{prefix}{i:04d}|{name.lower()}>",
        ]
    return "\n".join(lines)


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> float:
    """Seconds it took until `check()` held."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout:g}s: {what}")


def sqlite_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as database:
        return database.execute(sql).fetchall()


def copy_sqlite(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as a, sqlite3.connect(target) as b:
        a.backup(b)


# ------------------------------------------------------------- 1. SIGKILL in the middle of a drain

# (what to count before the kill, how many, DELIVERY_CONCURRENCY): each round kills run-due at
# another moment: with 32 messages in flight (Slack has them, billbot has no answer yet), once
# Slack took every message but the charts are still being drawn, among the chart uploads, and
# with fewer messages in flight at a time.
KILL_ROUNDS = [
    ("accepted", 1, 32),
    ("accepted", COMPANIES + 1, 32),
    ("uploads", 15, 32),
    ("accepted", 10, 4),
    ("accepted", 20, 8),
]


@pytest.fixture(scope="module")
def october_db(tmp_path_factory: pytest.TempPathFactory, slow_slack, matplotlib_dir) -> Path:
    """40 companies with an app on a plan since October, each with a linked channel."""
    path = tmp_path_factory.mktemp("seed") / "october.db"
    env = base_env(f"sqlite:///{path}", slow_slack, matplotlib_dir)
    billbot(env, "console", "--at", OCTOBER, stdin=seed_lines(COMPANIES, "K", date(2026, 10, 1)))
    return path


def test_sigkill_mid_drain_loses_nothing_and_sends_nothing_twice(
    october_db: Path, slow_slack: StandInProcess, matplotlib_dir: str, tmp_path: Path
) -> None:
    problems: list[str] = []
    for number, (counter, threshold, concurrency) in enumerate(KILL_ROUNDS, 1):
        database = tmp_path / f"round{number}.db"
        copy_sqlite(october_db, database)
        slow_slack.reset()
        env = base_env(
            f"sqlite:///{database}",
            slow_slack,
            matplotlib_dir,
            DELIVERY_CONCURRENCY=str(concurrency),
        )
        with open(tmp_path / f"round{number}.log", "w") as log:
            first = subprocess.Popen(
                [str(BILLBOT), "run-due", "--at", NOVEMBER_1],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                wait_until(
                    lambda p=first, c=counter, t=threshold: (
                        p.poll() is not None or _count(slow_slack.stats(), c) >= t
                    ),
                    90,
                    f"{threshold} {counter} in round {number}",
                )
            finally:
                if first.poll() is None:
                    os.kill(first.pid, signal.SIGKILL)
                first.wait(timeout=10)
        killed = first.returncode == -signal.SIGKILL
        at_kill = slow_slack.stats()
        states = dict(sqlite_rows(database, "SELECT status, COUNT(*) FROM outbox GROUP BY status"))

        out = billbot(env, "run-due", "--at", PAST_THE_LEASE)
        after = slow_slack.stats()
        rows = sqlite_rows(database, "SELECT key, channel, status, slack_ts, kind FROM outbox")
        figures = _crash_figures(rows, after)
        print(
            f"\nround {number}: kill when {counter} >= {threshold} (concurrency {concurrency}): "
            f"{'killed' if killed else 'NOT killed, it had finished'}; at the kill Slack had "
            f"{at_kill['accepted']} messages and {len(at_kill['uploads'])} charts, outbox "
            f"{states}; the next run: {out.strip().splitlines()[-1]!r}; in the end "
            f"{figures['accepted']} accepted for {figures['notices']} notices, "
            f"lost {len(figures['lost'])}, duplicates {after['duplicates']}, "
            f"not sent {len(figures['unsent'])}, wrong slack_ts {len(figures['wrong_ts'])}, "
            f"charts {figures['charts']} (missing {len(figures['charts_missing'])}, "
            f"doubled {len(figures['charts_doubled'])}); the next run looked "
            f"{after['calls'].get('conversations.history', 0)} rows up in the channel history"
        )
        if not killed:
            problems.append(f"round {number}: run-due finished before the kill")
        if figures["lost"]:
            problems.append(f"round {number}: never reached Slack: {figures['lost']}")
        if after["duplicates"]:
            problems.append(
                f"round {number}: {after['duplicates']} duplicate messages: {figures['doubled']}"
            )
        if figures["unsent"]:
            problems.append(f"round {number}: rows not 'sent': {figures['unsent']}")
        if figures["wrong_ts"]:
            problems.append(f"round {number}: slack_ts not the message's: {figures['wrong_ts']}")
        if figures["charts_missing"]:
            problems.append(
                f"round {number}: statements without a chart: {figures['charts_missing']}"
            )
        # a chart shared before the kill is found in its message's thread
        # (bot/delivery/crash_lookup.py has_chart) and not shared again
        if figures["charts_doubled"]:
            doubled = figures["charts_doubled"]
            problems.append(
                f"round {number}: the chart was uploaded again under {len(doubled)} messages "
                f"found in the channel after the kill, e.g. {doubled[:2]}"
            )
    assert not problems, "\n".join(problems)


def _count(stats: dict[str, Any], counter: str) -> int:
    return int(stats["accepted"]) if counter == "accepted" else len(stats["uploads"])


def _crash_figures(rows: list[tuple[Any, ...]], stats: dict[str, Any]) -> dict[str, Any]:
    accepted = Counter(m["key"] for m in stats["messages"])
    first_ts = {}
    for message in stats["messages"]:
        first_ts.setdefault(message["key"], message["ts"])
    notices = {key: (channel, status, ts, kind) for key, channel, status, ts, kind in rows}
    deliverable = {k: v for k, v in notices.items() if v[1] != "expanded"}
    charts = Counter((u["channel"], u["thread_ts"]) for u in stats["uploads"])
    statements = {
        (channel, ts)
        for key, (channel, _, ts, kind) in deliverable.items()
        if kind == "statement_ready"
    }
    return {
        "notices": len(deliverable),
        "accepted": sum(accepted.values()),
        "lost": sorted(k for k in deliverable if not accepted[k]),
        "doubled": sorted(k for k, n in accepted.items() if n > 1),
        "unsent": sorted(k for k, v in deliverable.items() if v[1] != "sent"),
        "wrong_ts": sorted(k for k, v in deliverable.items() if v[2] != first_ts.get(k)),
        "charts": sum(charts.values()),
        "charts_missing": sorted(s for s in statements if not charts[s]),
        "charts_doubled": sorted(s for s, n in charts.items() if n > 1),
    }


# ------------------------------------ 1b. the network fails during the chart upload, after the post

CHART_COMPANIES = 3


def test_a_chart_upload_that_fails_on_the_network_does_not_post_the_statement_again(
    matplotlib_dir: str, tmp_path: Path
) -> None:
    """The statement went out; its chart's upload then fails to connect. The retry must upload
    the chart under the message already posted, not post the statement a second time."""
    slack = StandInProcess(SLOW_STANDIN, "--delay-ms", "10", "--dead-upload-url")
    try:
        path = tmp_path / "billbot.db"
        env = base_env(f"sqlite:///{path}", slack, matplotlib_dir)
        billbot(
            env,
            "console",
            "--at",
            OCTOBER,
            stdin=seed_lines(CHART_COMPANIES, "U", date(2026, 10, 1)),
        )
        billbot(env, "run-due", "--at", NOVEMBER_1)
        first = slack.stats()
        retried = sqlite_rows(
            path,
            "SELECT key, attempts, slack_ts, error FROM outbox WHERE kind = 'statement_ready'",
        )
        billbot(env, "run-due", "--at", "2026-11-01T09:03:00+00:00")  # the retry is 2 min later
        second = slack.stats()
    finally:
        slack.stop()
    posted = Counter(m["key"] for m in second["messages"] if m["key"].startswith("statement_"))
    print(
        f"\nchart upload refused: first run {first['accepted']} messages, rows after it "
        f"{[(attempts, ts, (error or '')[:40]) for _, attempts, ts, error in retried]}; after "
        f"the retry {second['accepted']} messages, duplicates {second['duplicates']}"
    )
    assert all(error for *_, error in retried), retried  # the fault did happen
    assert all(ts is not None for _, _, ts, _ in retried), (
        "the row forgot the ts of the message it had posted",
        retried,
    )
    assert second["duplicates"] == 0 and all(n == 1 for n in posted.values()), dict(posted)


# ------------------------------------------------------------ 2. two replicas on one PostgreSQL

REPLICA_COMPANIES = 10
LEADER_LINE = "this replica schedules the sweeps"


@pytest.fixture
def pg_database() -> Iterator[str]:
    name = f"billbot_faults_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}")
    try:
        yield f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _month_start(day: date, back: int) -> date:
    first = day.replace(day=1)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def test_two_replicas_deliver_each_notice_once_and_one_takes_over_the_sweeps(
    pg_database: str, slow_slack: StandInProcess, matplotlib_dir: str, tmp_path: Path
) -> None:
    # The replicas sweep on the real clock: seed two months back, so that both months' statements
    # are closed (and reminded) by the first sweep.
    since = _month_start(datetime.now(UTC).date(), 2)
    database_url = pg_database.replace("postgresql://", "postgresql+psycopg://", 1)
    env = base_env(database_url, slow_slack, matplotlib_dir)
    billbot(
        env,
        "console",
        "--at",
        f"{since.isoformat()}T08:00:00+00:00",
        stdin=seed_lines(REPLICA_COMPANIES, "R", since),
    )
    slow_slack.reset()

    def replica(number: int) -> Billbot:
        return Billbot(
            serve_env(
                tmp_path,
                slow_slack,  # type: ignore[arg-type]  (it has the .url serve_env reads)
                DATABASE_URL=database_url,
                SLACK_BOT_TOKEN=f"xoxb-replica-{number}",
                BILLBOT_LOG=str(tmp_path / f"replica{number}.log"),
                MPLCONFIGDIR=matplotlib_dir,
            )
        )

    with ThreadPoolExecutor(2) as pool:  # started together: they race for the lock
        starting = [pool.submit(replica, n) for n in (1, 2)]
    if any(s.exception() for s in starting):
        for started in starting:
            if started.exception() is None:
                started.result().stop()
        raise AssertionError([s.exception() for s in starting])
    replicas = [s.result() for s in starting]
    try:
        logs = [tmp_path / "replica1.log", tmp_path / "replica2.log"]

        def delivered() -> bool:
            with psycopg.connect(pg_database) as connection:
                statements, waiting = connection.execute(
                    "SELECT COUNT(*) FILTER (WHERE kind = 'statement_ready' AND status = 'sent'),"
                    " COUNT(*) FILTER (WHERE status = 'sending' OR (status = 'pending'"
                    " AND next_attempt_at < now() + interval '30 seconds')) FROM outbox"
                ).fetchone()
            return statements >= REPLICA_COMPANIES and waiting == 0

        took = wait_until(delivered, 120, "every due notice sent by the replicas")
        leaders = [i for i, log in enumerate(logs) if LEADER_LINE in log.read_text()]
        with psycopg.connect(pg_database) as connection:
            rows = connection.execute("SELECT key, kind, status FROM outbox").fetchall()
        stats = slow_slack.stats()
        accepted = Counter(m["key"] for m in stats["messages"])
        by_replica = Counter(m["token"] for m in stats["messages"])
        expected = {key for key, _, status in rows if status != "expanded"}
        kinds = Counter(kind for _, kind, status in rows if status != "expanded")
        print(
            f"\ntwo replicas: {len(expected)} notices ({dict(kinds)}) delivered in {took:.1f}s; "
            f"accepted {stats['accepted']} (by replica {dict(by_replica)}), duplicates "
            f"{stats['duplicates']}; leaders {[n + 1 for n in leaders]}"
        )
        assert len(leaders) == 1, f"replicas logging {LEADER_LINE!r}: {leaders}"
        assert set(accepted) == expected, (
            sorted(expected - set(accepted)),
            sorted(set(accepted) - expected),
        )
        doubled = {k: n for k, n in accepted.items() if n > 1}
        assert not doubled, f"{stats['duplicates']} duplicates: {doubled}"
        assert all(status in FINAL_STATES for _, _, status in rows)

        leader = replicas[leaders[0]]
        follower_log = logs[1 - leaders[0]]
        os.kill(leader.process.pid, signal.SIGKILL)
        leader.process.wait(timeout=10)
        takeover = wait_until(
            lambda: LEADER_LINE in follower_log.read_text(), 30, "the other replica took over"
        )
        wait_until(
            lambda: "sweep:" in follower_log.read_text().split(LEADER_LINE, 1)[1],
            30,
            "the new leader's first sweep",
        )
        time.sleep(1.5)  # anything that sweep wrote would be on its way by now
        again = slow_slack.stats()
        print(
            f"leader killed: the other replica led after {takeover:.1f}s; its sweep sent "
            f"{again['accepted'] - stats['accepted']} more, duplicates {again['duplicates']}"
        )
        assert takeover <= 15, f"took over after {takeover:.1f}s"
        assert again["accepted"] == stats["accepted"] and again["duplicates"] == 0
    finally:
        for server in replicas:
            server.stop()


# ------------------------------------------------ 3. a channel answering 429 slows only itself

QUIET_CHANNELS = 20
PACE = 1.0  # billbot's own pace: a message a second a channel (bot/delivery/pacing.py PER_CHANNEL)
RUN_DUE_LIMIT = 60.0  # seconds in all; every case here needs well under 15
STALL = 8.0  # seconds without a message accepted: the longest gap expected here is about 3


@pytest.mark.parametrize(
    ("rate", "busy_count"),
    [
        (1.0, 5),  # Slack's pace is billbot's: a 429 now and then, from timing jitter
        (0.5, 3),  # Slack is slower than billbot's pace: every second message gets a 429
        (0.0, 6),  # no 429 at all: only billbot's own pacing holds the busy channel back
    ],
)
def test_a_rate_limited_channel_slows_only_itself(
    rate: float, busy_count: int, matplotlib_dir: str, tmp_path: Path
) -> None:
    """20 channels with one message each and one busy channel with several, against a Slack
    that accepts `rate` messages a second per channel (0: any number) and answers 429 with
    Retry-After above it: the other channels are all served at once, the busy channel's messages
    go out one by one, none lost or doubled, and run-due ends."""
    slack = StandInProcess(
        PACED_SLACK, "--port", "0", "--delay-ms", "20", "--per-channel-rate", str(rate)
    )
    try:
        path = tmp_path / "billbot.db"
        env = base_env(f"sqlite:///{path}", slack, matplotlib_dir)
        billbot(env, "migrate")
        texts = _write_notices(f"sqlite:///{path}", datetime.fromisoformat(NOVEMBER_1), busy_count)
        started = time.monotonic()
        finished, out = run_until_stalled(env, slack, "run-due", "--at", NOVEMBER_1)
        took = time.monotonic() - started
        stats = slack.stats("?detail=1")
    finally:
        slack.stop()

    messages = stats["messages"]
    first = min((m["time"] for m in messages), default=0.0)
    quiet = sorted(m["time"] - first for m in messages if m["channel"] != "CBUSY")
    busy = sorted(m["time"] - first for m in messages if m["channel"] == "CBUSY")
    gaps = [round(b - a, 2) for a, b in itertools.pairwise(busy)]
    got = Counter((m["channel"], m["text"]) for m in messages)
    unsent = sqlite_rows(
        path, "SELECT key, status, next_attempt_at, error FROM outbox WHERE status != 'sent'"
    )
    print(
        f"\nper-channel rate {rate or 'unlimited'}: {stats['accepted']} accepted of "
        f"{len(texts)}, {stats['ratelimited']} answered 429, duplicates {stats['duplicates']}; "
        f"the other channels all within {max(quiet, default=0):.2f}s of the first message; the "
        f"busy channel at {[round(t, 2) for t in busy]} (gaps {gaps}); run-due "
        f"{'ended' if finished else 'was killed'} after {took:.1f}s; "
        f"{out.strip().splitlines()[-1]!r}; rows not sent: {len(unsent)}"
    )
    expected_gap = max(PACE, 1 / rate if rate else 0.0)
    assert finished, (
        f"run-due still draining {took:.0f}s on, nothing accepted for {STALL:g}s, "
        f"{len(busy)} of {busy_count} busy-channel messages sent; rows left: {unsent}"
    )
    assert set(got) == texts, (sorted(texts - set(got)), sorted(set(got) - texts))
    assert stats["duplicates"] == 0 and all(n == 1 for n in got.values()), got
    assert not unsent, unsent
    assert len(quiet) == QUIET_CHANNELS and quiet[-1] <= 1.5, quiet
    assert len(busy) == busy_count
    assert all(expected_gap - 0.1 <= gap <= expected_gap + 2.0 for gap in gaps), gaps
    if rate == 0.5:
        assert stats["ratelimited"] > 0  # the Retry-After path was taken


def run_until_stalled(env: dict[str, str], slack: StandInProcess, *args: str) -> tuple[bool, str]:
    """`billbot *args`, SIGKILLed once Slack has accepted nothing for STALL seconds after its
    first message (or after RUN_DUE_LIMIT in all): (ended, output)."""
    process = subprocess.Popen(
        [str(BILLBOT), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    started, last_count, last_change = time.monotonic(), 0, time.monotonic()
    while process.poll() is None:
        now = time.monotonic()
        count = int(slack.stats()["accepted"])
        if count != last_count:
            last_count, last_change = count, now
        if (count and now - last_change > STALL) or now - started > RUN_DUE_LIMIT:
            os.kill(process.pid, signal.SIGKILL)
            return False, process.communicate(timeout=10)[0]
        time.sleep(0.1)
    out = process.communicate(timeout=10)[0]
    assert process.returncode == 0, out
    return True, out


def _write_notices(url: str, at: datetime, busy_count: int) -> set[tuple[str, str]]:
    """Due message rows, straight into the outbox: one to each quiet channel, `busy_count` to
    CBUSY."""
    targets = [(f"CQUIET{i:02d}", f"notice for quiet channel {i}") for i in range(QUIET_CHANNELS)]
    targets += [("CBUSY", f"notice {i} for the busy channel") for i in range(busy_count)]
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            workspace = Workspace(team_id="T1", name="Agency", created_at=at)
            session.add(workspace)
            session.flush()
            assert workspace.id is not None
            for number, (channel, text) in enumerate(targets):
                session.add(
                    Outbox(
                        workspace_id=workspace.id,
                        key=f"fault-test:{number}>{channel}",
                        cause=f"fault-test:{number}",
                        kind="message",
                        channel=channel,
                        payload={"text": text, "buttons": []},
                        status="pending",
                        next_attempt_at=at,
                        created_at=at,
                    )
                )
            session.commit()
    finally:
        engine.dispose()
    return set(targets)
