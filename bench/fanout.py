"""Outbox delivery at scale: billbot's real Courier/Drain against the paced Slack stand-in.

Scenario "fanout": N notifications (10,000 by default) to N distinct channels, all due now, each
a ~300-character statement text with a button. The stand-in (bench/paced_slack.py, a subprocess
on 127.0.0.1) adds 50 ms to every call and answers 429 above 1 msg/s per channel, so the fastest
any sender with C calls in flight can go is C / 0.05 s (640 msg/s at 32): the bound is
N * 0.05 / C seconds. Prints messages/s from the first claim to the last sent_at, the fraction
of the bound (target >= 80%), p50/p99 delivery delay (sent_at - created_at, from the database),
duplicates and 429s (the stand-in's counts), losses (rows not 'sent' + messages the stand-in
never accepted), and the delivering process's peak RSS, CPU, event-loop lag and the time it
spent claiming and recording rows. Medians over --rounds. For reference it also times a bare
slack_sdk AsyncWebClient (shared aiohttp session, same payload, same concurrency, no database):
what slack_sdk plus the stand-in allow on this machine.

Scenario "one-channel": 300 notifications to ONE channel; ideally ~300 s at 1 msg/s. Prints the
duration, the 429 count and ratio (target < 2%), duplicates and losses.

Delivery runs in a child process (so its peak RSS and CPU are its own) on a fresh database: a
temporary SQLite file, or a fresh PostgreSQL database on 127.0.0.1:5432 (BILLBOT_TEST_PG),
dropped at the end. Created_at and next_attempt_at are set to "now" just before the drain starts.

Run: .venv/bin/python bench/fanout.py [--scenario fanout|one-channel|all] [--count 10000]
     [--one-channel-count 300] [--concurrency 32] [--database sqlite|postgresql] [--rounds 3]
"""

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bot.render.blocks import fallback_text  # noqa: E402
from bot.render.buttons import VIEW_STATEMENT  # noqa: E402
from storage.bulk import insert_rows  # noqa: E402
from storage.database import make_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.tables import Outbox, Workspace  # noqa: E402
from storage.unit_of_work import UnitOfWork  # noqa: E402

PG_ADMIN = os.environ.get("BILLBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
DELAY_MS = 50.0
PER_CHANNEL_RATE = 1.0
TOKEN = "xoxb-bench-fanout"
ONE_CHANNEL = "C0NE0CHAN"


# --------------------------------------------------------------------------- the stand-in


class StandIn:
    def __init__(self, delay_ms: float, rate: float) -> None:
        args = ["--port", "0", "--delay-ms", str(delay_ms), "--per-channel-rate", str(rate)]
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "paced_slack.py"), *args],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if "listening on" not in line:
            self.stop()
            raise SystemExit(f"paced_slack did not start: {line!r}")
        self.url = line.rsplit(" ", 1)[1]
        self.api = f"{self.url}/api/"

    def _call(self, path: str, method: str = "GET") -> dict[str, Any]:
        request = urllib.request.Request(self.url + path, method=method)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=60) as response:
            return dict(json.loads(response.read()))

    def reset(self) -> None:
        self._call("/_reset", "POST")

    def stats(self, detail: bool = False) -> dict[str, Any]:
        return self._call("/_stats?detail=1" if detail else "/_stats")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


# --------------------------------------------------------------------------- databases


class Database:
    """A fresh SQLite file or PostgreSQL database, migrated; dropped by `drop()`."""

    def __init__(self, backend: str, workdir: Path) -> None:
        self.backend, self.name = backend, f"billbot_fanout_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            self.url = f"sqlite:///{workdir / f'{self.name}.db'}"
        else:
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {self.name}")
            self.url = f"{PG_ADMIN.rsplit('/', 1)[0]}/{self.name}"
        engine = make_engine(self.url)
        upgrade(engine)
        engine.dispose()

    def drop(self) -> None:
        if self.backend == "postgresql":
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        else:
            path = Path(self.url.removeprefix("sqlite:///"))
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def statement_text(i: int) -> str:
    """About 300 characters, like a statement_ready notice; unique per message."""
    apps, requests = 1 + i % 5, 1_000_000 + (i * 7919) % 900_000
    over = max(0, requests - 1_000_000) * 17 // 1000
    hosting, support = apps * 9900, 45000
    total = hosting + over + support
    return (
        f"*Company {i:05d}*: your statement for October 2026 is ready.\n"
        f"• Hosting, Pro plan, {apps} apps: ${hosting / 100:,.2f}\n"
        f"• Requests: {requests:,} ({requests - 1_000_000:,} over the 1,000,000 included): "
        f"${over / 100:,.2f}\n"
        f"• Support retainer: ${support / 100:,.2f}\n"
        f"Total *${total / 100:,.2f}*, charged on 3 Nov 2026 to the card ending 4242. "
        f"Questions? Reply in this channel. (ref {i:05d})"
    )


def channels_for(scenario: str, count: int) -> list[str]:
    if scenario == "one-channel":
        return [ONE_CHANNEL] * count
    return [f"C{i:08X}" for i in range(count)]


def seed(url: str, scenario: str, count: int) -> dict[str, tuple[str, str]]:
    """The outbox rows; returns what the stand-in should receive: key -> (channel, text)."""
    now = datetime.now(UTC)
    engine = make_engine(url)
    uow = UnitOfWork(engine)
    expected: dict[str, tuple[str, str]] = {}
    rows: list[dict[str, Any]] = []
    with uow:
        workspace = Workspace(team_id="TFANOUT", name="fanout bench", created_at=now)
        uow.session.add(workspace)
        uow.session.flush()
        for i, channel in enumerate(channels_for(scenario, count)):
            body, key = statement_text(i), f"bench_{scenario}:{i}>{channel}"
            expected[key] = (channel, fallback_text(body))
            rows.append(
                {
                    "workspace_id": workspace.id,
                    "key": key,
                    "cause": f"bench_{scenario}:{i}",
                    "kind": "message",
                    "company_id": None,
                    "channel": channel,
                    "email": None,
                    "payload": {
                        "text": body,
                        "subject": f"Company {i:05d}: statement for October 2026",
                        "buttons": [
                            {
                                "text": "View statement",
                                "action_id": VIEW_STATEMENT,
                                "value": f"{i}:2026-10",
                            }
                        ],
                    },
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
            )
        insert_rows(uow.session, Outbox, rows)
        uow.commit()
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("ANALYZE outbox"))
    engine.dispose()
    return expected


# --------------------------------------------------------------------------- the child


def peak_rss_mb() -> float:
    """VmHWM: this process's own high-water mark (ru_maxrss would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timed:
    """Wraps storage.outbox.claim / record as bot.delivery calls them: calls, rows, wall, CPU."""

    def __init__(self, fn: Any) -> None:
        self.fn, self.calls, self.rows, self.wall, self.cpu = fn, 0, 0, 0.0, 0.0
        self.first: float | None = None  # wall clock (epoch) when the first call started
        self.lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started, cpu = time.time(), time.thread_time()
        result = self.fn(*args, **kwargs)
        wall, cpu = time.time() - started, time.thread_time() - cpu
        rows = len(result) if isinstance(result, list) else len(args[1])
        with self.lock:
            if self.first is None:
                self.first = started
            self.calls, self.rows = self.calls + 1, self.rows + rows
            self.wall, self.cpu = self.wall + wall, self.cpu + cpu
        return result

    def summary(self) -> dict[str, Any]:
        return {"calls": self.calls, "rows": self.rows, "wall": self.wall, "cpu": self.cpu}


class Watch:
    """Samples the running drain every 10 ms: how late a 10 ms sleep wakes up (the event loop's
    responsiveness), how many send slots are taken (below `concurrency`: the senders starve),
    and whether anything is still being sent (`stall` seconds with no new sent row: give up)."""

    def __init__(self, drains: list[Any], stall: float) -> None:
        self.drains, self.stall = drains, stall
        self.lags: list[float] = []
        self.busy: list[int] = []
        self.stalled = False

    async def run(self, target: "asyncio.Task[Any]") -> None:
        last_sent, last_change = -1, time.monotonic()
        while not target.done():
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            self.lags.append(time.perf_counter() - started - 0.01)
            if not self.drains:
                continue
            drain = self.drains[-1]
            free = getattr(drain._slots, "_value", None)
            if free is not None:
                self.busy.append(drain.concurrency - free)
            if drain.report.sent != last_sent:
                last_sent, last_change = drain.report.sent, time.monotonic()
            elif self.stall and time.monotonic() - last_change > self.stall:
                self.stalled = True
                target.cancel()
                return


def deliver_child(
    url: str, api: str, concurrency: int, timeout: float, stall: float, profile: bool
) -> None:
    """In a fresh process: the real Courier drains the outbox until idle; prints JSON."""
    import bot.delivery.claiming
    import bot.delivery.courier
    import bot.delivery.drain
    from bot.delivery.courier import Courier
    from bot.settings import Settings

    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    settings = Settings(
        database_url=url,
        slack_bot_token=TOKEN,
        slack_api_url=api,
        slack_client_id=None,
        smtp_url=None,
        delivery_concurrency=concurrency,
    )
    engine = make_engine(url)
    claiming = bot.delivery.claiming  # where the drain calls claim and record
    claim, record = Timed(claiming.claim), Timed(claiming.record)
    claiming.claim, claiming.record = claim, record  # type: ignore[attr-defined]
    drains: list[bot.delivery.drain.Drain] = []

    def keep(*args: Any, **kwargs: Any) -> bot.delivery.drain.Drain:
        """The Drain the Courier makes, so its report is readable even after a timeout."""
        drains.append(bot.delivery.drain.Drain(*args, **kwargs))
        return drains[-1]

    bot.delivery.courier.Drain = keep  # type: ignore[attr-defined, assignment]
    courier = Courier(settings, engine, lambda: datetime.now(UTC), concurrency=concurrency)
    courier.tokens.token_for(1)  # the token lookup, outside the timing
    with engine.begin() as connection:  # the notifications are written now
        now = datetime.now(UTC)
        connection.execute(
            text("UPDATE outbox SET created_at = :now, next_attempt_at = :now"), {"now": now}
        )

    watch = Watch(drains, stall)
    outcome: dict[str, Any] = {"timed_out": False, "stalled": False}

    async def run() -> None:
        delivery = asyncio.create_task(courier.drain(until_idle=True))
        watcher = asyncio.create_task(watch.run(delivery))
        try:
            await asyncio.wait_for(delivery, timeout)
        except TimeoutError:
            outcome.update(timed_out=True)
        except asyncio.CancelledError:
            if not watch.stalled:
                raise
            outcome.update(stalled=True)
        await watcher
        if drains:
            report = drains[-1].report
            outcome.update(
                sent=report.sent,
                deferred=report.deferred,
                rate_limited=report.rate_limited,
                failed=report.failed,
                retried=report.retried,
            )

    profiler = cProfile.Profile() if profile else None
    cpu, started = time.process_time(), time.time()
    if profiler:
        profiler.enable()
    asyncio.run(run())
    if profiler:
        profiler.disable()
    ended, cpu = time.time(), time.process_time() - cpu
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(30)
        print(out.getvalue(), file=sys.stderr)
    lags, busy = sorted(watch.lags), watch.busy
    print(
        json.dumps(
            {
                **outcome,
                "started": started,
                "ended": ended,
                "first_claim": claim.first,
                "cpu": cpu,
                "peak_mb": peak_rss_mb(),
                "claim": claim.summary(),
                "record": record.summary(),
                "lag_p50": lags[len(lags) // 2] if lags else 0.0,
                "lag_p99": lags[int(len(lags) * 0.99)] if lags else 0.0,
                "lag_max": lags[-1] if lags else 0.0,
                # Mean taken send slots while anything was taken (the run's own tail excluded).
                "busy": statistics.mean(b for b in busy if b) if any(busy) else 0.0,
            }
        ),
        flush=True,
    )
    engine.dispose()


def floor_child(api: str, count: int, concurrency: int) -> None:
    """The same messages straight from a bare AsyncWebClient: no database, no pacing."""
    import aiohttp
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.render.message_blocks import message_blocks

    async def run() -> dict[str, Any]:
        connector = aiohttp.TCPConnector(limit=concurrency * 2)
        async with aiohttp.ClientSession(connector=connector, trust_env=False) as http:
            client = AsyncWebClient(token=TOKEN, base_url=api, session=http, timeout=30)
            work = iter(enumerate(channels_for("fanout", count)))
            sent = 0

            async def worker() -> None:
                nonlocal sent
                for i, channel in work:
                    body = statement_text(i)
                    await client.chat_postMessage(
                        channel=channel,
                        text=fallback_text(body),
                        blocks=message_blocks(body, (("View statement", VIEW_STATEMENT, "v"),)),
                        metadata={"event_type": "billbot_notice", "event_payload": {"key": i}},
                        unfurl_links=False,
                    )
                    sent += 1

            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            return {"sent": sent, "seconds": elapsed, "cpu": cpu}

    print(json.dumps({**asyncio.run(run()), "peak_mb": peak_rss_mb()}), flush=True)


# --------------------------------------------------------------------------- the parent


def spawn(args: list[str], timeout: float) -> dict[str, Any]:
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    child = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        out, _ = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        raise SystemExit(f"child {args[0]} did not finish in {timeout:.0f}s") from None
    if child.returncode != 0:
        raise SystemExit(f"child {args[0]} failed with exit code {child.returncode}")
    return dict(json.loads(out.strip().splitlines()[-1]))


Row = tuple[str, str, datetime | None, datetime | None, str | None]


def outbox_rows(url: str) -> list[Row]:
    """(key, status, created_at, sent_at, slack_ts) of every outbox row."""
    engine = make_engine(url)
    uow = UnitOfWork(engine)
    with uow:
        rows = uow.session.exec(  # type: ignore[call-overload]
            text("SELECT key, status, created_at, sent_at, slack_ts FROM outbox")
        ).all()
    engine.dispose()

    def aware(value: Any) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value

    return [(key, status, aware(made), aware(sent), ts) for key, status, made, sent, ts in rows]


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_once(
    scenario: str,
    backend: str,
    count: int,
    concurrency: int,
    standin: StandIn,
    workdir: Path,
    timeout: float,
    stall: float,
    profile: bool,
) -> dict[str, Any]:
    database = Database(backend, workdir)
    try:
        expected = seed(database.url, scenario, count)
        standin.reset()
        child_args = ["--deliver", database.url, "--api", standin.api]
        child_args += ["--concurrency", str(concurrency), "--timeout", str(timeout)]
        child_args += ["--stall", str(stall)]
        load = os.getloadavg()[0]
        child = spawn([*child_args, *(["--profile"] if profile else [])], timeout + 120)
        load = max(load, os.getloadavg()[0])
        rows = outbox_rows(database.url)
    finally:
        database.drop()
    stats = standin.stats(detail=True)
    accepted = {(m["channel"], m["text"]) for m in stats["messages"]}
    accepted_ts = {m["ts"] for m in stats["messages"]}
    sent = [r for r in rows if r[1] == "sent"]
    # A row is lost when the stand-in never accepted its message, whatever the row says.
    lost = {key for key, pair in expected.items() if pair not in accepted}
    lost |= {r[0] for r in rows if r[1] != "sent"}
    sent_not_accepted = sum(1 for r in sent if expected[r[0]] not in accepted)
    accepted_not_sent = sum(1 for r in rows if r[1] != "sent" and expected[r[0]] in accepted)
    sent_unknown_ts = sum(1 for r in sent if r[4] not in accepted_ts)
    last_sent = max((r[3].timestamp() for r in sent if r[3]), default=child["ended"])
    first_claim = child["first_claim"] or child["started"]
    wall = max(1e-9, last_sent - first_claim)
    delays = [(r[3] - r[2]).total_seconds() for r in sent if r[3] and r[2]]
    times = sorted(m["time"] for m in stats["messages"] if m["channel"] == ONE_CHANNEL)
    gaps = [b - a for a, b in pairwise(times)]
    return {
        "load": load,
        "gap_p50": quantile(gaps, 0.5),
        "gap_max": max(gaps, default=float("nan")),
        "count": count,
        "sent": len(sent),
        "not_sent": len(rows) - len(sent),
        "sent_not_accepted": sent_not_accepted,
        "accepted_not_sent": accepted_not_sent,
        "sent_unknown_ts": sent_unknown_ts,
        "lost": len(lost),
        "wall": wall,
        "rate": len(sent) / wall,
        "p50": quantile(delays, 0.50),
        "p99": quantile(delays, 0.99),
        "requests": stats["requests"],
        "ratelimited": stats["ratelimited"],
        "duplicates": stats["duplicates"],
        "accepted": stats["accepted"],
        "first_accept": stats["first_accept"],
        "last_accept": stats["last_accept"],
        "child": child,
    }


def print_fanout(
    results: list[dict[str, Any]], backend: str, concurrency: int, floors: list[dict[str, Any]]
) -> None:
    count = results[0]["count"]
    bound = count * DELAY_MS / 1000 / concurrency
    max_rate = concurrency / (DELAY_MS / 1000)
    print(
        f"\nfanout on {backend}: {count:,} messages to {count:,} channels, concurrency "
        f"{concurrency}, stand-in +{DELAY_MS:g} ms/call, {PER_CHANNEL_RATE:g} msg/s/channel; "
        f"{os.cpu_count()} CPUs (load = the machine's 1-min load average around each round)"
    )
    print(
        f"{'round':>5}{'sent':>8}{'wall s':>8}{'msg/s':>7}{'bound':>7}{'p50 s':>7}{'p99 s':>7}"
        f"{'429':>5}{'dup':>5}{'lost':>5}{'peak MB':>8}{'CPU':>6}{'claims':>7}{'claim s':>8}"
        f"{'records':>8}{'rec s':>7}{'lag p99':>8}{'slots':>6}{'load':>6}"
    )
    for n, r in enumerate(results, 1):
        c = r["child"]
        print(
            f"{n:>5}{r['sent']:>8,}{r['wall']:>8.2f}{r['rate']:>7.0f}"
            f"{bound / r['wall']:>7.0%}{r['p50']:>7.2f}{r['p99']:>7.2f}"
            f"{r['ratelimited']:>5}{r['duplicates']:>5}{r['lost']:>5}{c['peak_mb']:>8.0f}"
            f"{c['cpu'] / max(1e-9, c['ended'] - c['started']):>6.0%}"
            f"{c['claim']['calls']:>7}{c['claim']['wall']:>8.2f}"
            f"{c['record']['calls']:>8}{c['record']['wall']:>7.2f}"
            f"{c['lag_p99'] * 1000:>6.1f}ms{c['busy']:>6.1f}{r['load']:>6.1f}"
        )

    for n, r in enumerate(results, 1):
        if r["child"].get("timed_out") or r["child"].get("stalled"):
            why = "timed out" if r["child"].get("timed_out") else "stalled (nothing sent)"
            print(f"  round {n} {why}: {r['not_sent']} rows not sent")

    def med(key: str) -> float:
        return statistics.median(r[key] for r in results)

    rate, wall = med("rate"), med("wall")
    cpu_per_msg = statistics.median(r["child"]["cpu"] / max(1, r["sent"]) for r in results)
    print(
        f"median of {len(results)}: {rate:.0f} msg/s ({med('sent'):,.0f} sent in {wall:.2f} s "
        f"from first claim to last sent_at); bound {bound:.2f} s = {max_rate:.0f} msg/s; "
        f"achieved {bound / wall:.0%} of the bound (target >= 80%)"
    )
    print(
        f"  delivery delay p50 {med('p50'):.2f} s, p99 {med('p99'):.2f} s; duplicates "
        f"{max(r['duplicates'] for r in results)}, lost {max(r['lost'] for r in results)} "
        f"(rows not sent {max(r['not_sent'] for r in results)}, rows 'sent' the stand-in "
        f"never accepted {max(r['sent_not_accepted'] for r in results)}, sent with an unknown ts "
        f"{max(r['sent_unknown_ts'] for r in results)}), 429s "
        f"{max(r['ratelimited'] for r in results)} (max over rounds)"
    )
    print(
        f"  delivering process: peak RSS "
        f"{statistics.median(r['child']['peak_mb'] for r in results):.0f} MB, CPU "
        f"{cpu_per_msg * 1e6:.0f} us/msg; DB claim "
        f"{statistics.median(r['child']['claim']['wall'] for r in results):.2f} s wall / "
        f"{statistics.median(r['child']['claim']['cpu'] for r in results):.2f} s CPU, record "
        f"{statistics.median(r['child']['record']['wall'] for r in results):.2f} s wall / "
        f"{statistics.median(r['child']['record']['cpu'] for r in results):.2f} s CPU "
        f"(in worker threads); event-loop lag p99 "
        f"{statistics.median(r['child']['lag_p99'] for r in results) * 1000:.1f} ms; send slots "
        f"taken {statistics.median(r['child']['busy'] for r in results):.1f} of {concurrency} "
        f"on average"
    )
    if floors:
        rates = [f["sent"] / f["seconds"] for f in floors]
        floor_rate = statistics.median(rates)
        print(
            f"  bare slack_sdk AsyncWebClient (no DB, no pacing), same payload and concurrency, "
            f"run after each round: {', '.join(f'{x:.0f}' for x in rates)} msg/s, median "
            f"{floor_rate:.0f} = {floor_rate / max_rate:.0%} of the bound, "
            f"{statistics.median(f['cpu'] / f['sent'] for f in floors) * 1e6:.0f} us/msg CPU; "
            f"the drain reaches {rate / floor_rate:.0%} of it"
        )


def print_one_channel(r: dict[str, Any], backend: str, concurrency: int, stall: float) -> None:
    c = r["child"]
    span = (r["last_accept"] or 0) - (r["first_accept"] or 0)
    ideal = (r["count"] - 1) / PER_CHANNEL_RATE
    ratio = r["ratelimited"] / max(1, r["requests"])
    print(
        f"\none-channel on {backend}: {r['count']} messages to one channel, concurrency "
        f"{concurrency}, stand-in +{DELAY_MS:g} ms/call, {PER_CHANNEL_RATE:g} msg/s/channel"
    )
    if c.get("timed_out"):
        print(f"  TIMED OUT after {c['ended'] - c['started']:.0f} s: the drain did not finish")
    if c.get("stalled"):
        print(
            f"  STALLED: nothing was sent for {stall:.0f} s with {r['not_sent']} rows left; "
            f"stopped after {c['ended'] - c['started']:.0f} s"
        )
    print(
        f"  duration {r['wall']:.1f} s from first claim to last sent_at (ideal ~{ideal:.0f} s at "
        f"{PER_CHANNEL_RATE:g}/s; accepted span {span:.1f} s, gap between accepts p50 "
        f"{r['gap_p50']:.2f} s, max {r['gap_max']:.2f} s); sent {r['sent']}/{r['count']}"
    )
    print(
        f"  429s {r['ratelimited']} of {r['requests']} calls = {ratio:.1%} (target < 2%); "
        f"duplicates {r['duplicates']}; lost {r['lost']} (rows not sent {r['not_sent']}, "
        f"of them accepted {r['accepted_not_sent']}; rows 'sent' never accepted "
        f"{r['sent_not_accepted']})"
    )
    print(
        f"  drain report: deferred {c.get('deferred', '-')}, rate_limited "
        f"{c.get('rate_limited', '-')}; claims {c['claim']['calls']} ({c['claim']['rows']} rows), "
        f"records {c['record']['calls']}; delay p50 {r['p50']:.1f} s, p99 {r['p99']:.1f} s; "
        f"peak RSS {c['peak_mb']:.0f} MB, CPU {c['cpu']:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=("fanout", "one-channel", "all"), default="all")
    parser.add_argument("--count", type=int, default=10_000, help="fanout: messages/channels")
    parser.add_argument("--one-channel-count", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rounds", type=int, default=3, help="fanout: median over rounds")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare slack_sdk run")
    parser.add_argument("--timeout", type=float, help="seconds one drain may take")
    parser.add_argument(
        "--stall",
        type=float,
        default=60.0,
        help="give up when no message was sent for this many seconds (0: never)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the drain (stderr)")
    parser.add_argument("--deliver", help=argparse.SUPPRESS)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.deliver:
        deliver_child(
            args.deliver, args.api, args.concurrency, args.timeout, args.stall, args.profile
        )
        return
    if args.floor:
        floor_child(args.api, args.count, args.concurrency)
        return

    standin = StandIn(DELAY_MS, PER_CHANNEL_RATE)
    try:
        with tempfile.TemporaryDirectory() as folder:
            workdir = Path(folder)
            if args.scenario in ("fanout", "all"):
                bound = args.count * DELAY_MS / 1000 / args.concurrency
                timeout = args.timeout or max(120.0, 20 * bound)
                results, floors = [], []
                for n in range(args.rounds):
                    results.append(
                        run_once(
                            "fanout",
                            args.database,
                            args.count,
                            args.concurrency,
                            standin,
                            workdir,
                            timeout,
                            args.stall,
                            args.profile and n == 0,
                        )
                    )
                    if not args.no_floor:  # right after each round: the same machine load
                        standin.reset()
                        floor_args = ["--floor", "--api", standin.api]
                        floor_args += ["--count", str(args.count)]
                        floor_args += ["--concurrency", str(args.concurrency)]
                        floors.append(spawn(floor_args, timeout))
                print_fanout(results, args.database, args.concurrency, floors)
            if args.scenario in ("one-channel", "all"):
                count = args.one_channel_count
                timeout = args.timeout or 2 * count / PER_CHANNEL_RATE + 120
                result = run_once(
                    "one-channel",
                    args.database,
                    count,
                    args.concurrency,
                    standin,
                    workdir,
                    timeout,
                    args.stall,
                    args.profile,
                )
                print_one_channel(result, args.database, args.concurrency, args.stall)
    finally:
        standin.stop()


if __name__ == "__main__":
    main()
