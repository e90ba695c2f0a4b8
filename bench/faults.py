"""Faults, with figures: nothing lost or doubled when billbot is SIGKILLed, and what users see
while PostgreSQL restarts under load.

Scenarios (each kills at random moments, at least --kills times, then runs on to completion;
a round is a fresh copy of the seeded database, killed up to --kills-per-round times in a row
(the later kills hit the recovering run), then run once more unkilled and checked):

- close:   `billbot close-month 2026-10` and `billbot run-due --at <charge day> --no-deliver`
           (alternating rounds) on --close-companies companies in 3 workspaces (apps, plan
           changes, metered usage, USD and EUR, UTC and Europe/Vienna; seeded by bulk insert).
           Kills land at a random delay, or right after the k-th batch commit (k random: the
           statements are written one workspace batch per transaction). Every round is compared
           with a run that was never killed (and that with `close-month --dry-run`): one
           statement per company and month with the same total and lines, one
           `statement.finalized` audit event, one `statement_ready` outbox row, one operators'
           `manual_billing` list per workspace and month, and every other outbox row and audit
           event of the reference exactly once.
- charge:  Stripe mode against localstripe behind tests/stripe/front.py: --charge-companies
           companies with a saved card (September and October already closed: about 100
           statements); `billbot run-due --at 09:00` SIGKILLed once a random k-th statement is
           taken (its lease committed) plus a random part of one charge's time, or by the front
           right after Stripe created the k-th statement's PaymentIntent (its kill rule: the
           charge is made, billbot never hears of it); re-run 11 minutes later each time (past
           the 10-minute charge lease) until done. Counted at Stripe: PaymentIntents
           per statement (metadata `billbot_statement`); in the database: paid once, the
           PaymentIntent recorded, one `statement.paid` audit event, one `payment_received`.
- deliver: the outbox of --deliver-companies closed statements (a linked channel each, every
           4th company's one of 3 shared channels, where messages queue at one a second; plus
           the operators' DM) drained by `billbot run-due` into tests/e2e/slow_standin.py (Slack
           takes a message at once and answers 100 ms later), concurrency 4, 8 or 32,
           SIGKILLed once Slack has taken a random number k of the messages and charts still to
           come, plus a random fraction of their time; restarted 6 minutes later (past the
           5-minute delivery lease). Counted at Slack per outbox key: lost, doubled; charts
           (statement thread uploads) missing or doubled: before a chart is uploaded again, its
           message's thread is read for it (bot/delivery/crash_lookup.py has_chart).
- pg-restart: a PRIVATE PostgreSQL cluster (bench/pg_private.py: initdb in a temporary folder,
           127.0.0.1 on a free port; never the shared one on 5432) under `billbot serve` with
           the Slack stand-in (tests/e2e/slack_standin.py); signed `/billing` commands
           (reads, and a `company new` every fifth) sent continuously, /healthz polled; each
           cycle stops PostgreSQL (fast, immediate, or SIGKILL to the postmaster, in turn),
           keeps sending for --down-seconds, starts it again. Reports what users got while it
           was down (HTTP status, ephemeral reply at response_url, or nothing), whether writes
           happened without a reply, and how long after the restart billbot (never restarted
           itself) answered normally again. The cluster is stopped and removed at the end.

Run: .venv/bin/python bench/faults.py [--scenario close|charge|deliver|pg-restart|all|a,b]
     [--kills 20] [--kills-per-round 2] [--backend sqlite|postgresql] [--seed 1] [--json out]
     [--product DIR]
--backend postgresql runs close/charge/deliver on a private cluster too (CREATE DATABASE ...
TEMPLATE per round). --product runs billbot from another copy of the repository (PYTHONPATH),
to check a suggested patch. Exit status 1 when anything was lost or doubled.
"""

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
import stripe as stripe_sdk  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from bench.pg_private import PrivateCluster  # noqa: E402
from storage.database import make_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.tables import (  # noqa: E402
    App,
    AppOwnership,
    Company,
    Operator,
    Person,
    Plan,
    PlanAssignment,
    Usage,
    Workspace,
    table_of,
)
from tests.e2e.slack import Billbot, StandIn, get  # noqa: E402
from tests.stripe.standin import StripeStandIn  # noqa: E402

BILLBOT = Path(sys.executable).with_name("billbot")
SLOW_STANDIN = ROOT / "tests" / "e2e" / "slow_standin.py"
MONTH = "2026-10"
CHARGE_AT = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)  # the charge day at the reminder time
SEEDED_AT = datetime(2026, 8, 1, 8, 0, tzinfo=UTC)
STRIPE_KEY = "sk_test_faults_local"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # the signing secret tests/e2e/slack.py signs with
CHARGE_STEP = timedelta(minutes=11)  # past the 10-minute lease (commands/charge_statements.py)
DELIVERY_STEP = timedelta(minutes=6)  # past the 5-minute outbox lease (storage/outbox.py)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def log(message: str) -> None:
    print(message, flush=True)


# ================================================================================= databases


class Db:
    """Plain reads, by a connection of our own: never billbot's engine (its SQLite BEGIN
    IMMEDIATE would take the write lock from the process under test)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        self._connection: Any = None

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        if self._connection is None:
            if self.sqlite:
                self._connection = sqlite3.connect(
                    self.url.removeprefix("sqlite:///"), timeout=30, isolation_level=None
                )
            else:
                self._connection = psycopg.connect(self.url, autocommit=True)
        return list(self._connection.execute(sql).fetchall())

    def scalar(self, sql: str) -> Any:
        return self.rows(sql)[0][0]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def detail_of(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) else dict(value or {})


class Backend:
    """Seeded databases and their copies, one per round: SQLite files, or databases of a
    private PostgreSQL cluster (copied with CREATE DATABASE ... TEMPLATE)."""

    def __init__(self, kind: str, workdir: Path) -> None:
        self.kind, self.workdir = kind, workdir
        self.cluster: PrivateCluster | None = None
        if kind == "postgresql":
            self.cluster = PrivateCluster().__enter__()

    def url(self, name: str) -> str:
        if self.cluster is None:
            return f"sqlite:///{self.workdir / f'{name}.db'}"
        return f"postgresql://postgres@127.0.0.1:{self.cluster.port}/{name}"

    def fresh(self, name: str) -> str:
        if self.cluster is not None:
            self.cluster.create_database(name)
        url = self.url(name)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        return url

    def clone(self, source: str, name: str) -> str:
        if self.cluster is not None:
            return self.cluster.create_database(name, template=source.rsplit("/", 1)[1])
        target = self.url(name)
        with (
            contextlib.closing(sqlite3.connect(source.removeprefix("sqlite:///"))) as a,
            contextlib.closing(sqlite3.connect(target.removeprefix("sqlite:///"))) as b,
        ):
            a.backup(b)
        return target

    def drop(self, url: str) -> None:
        if self.cluster is not None:
            self.cluster.drop_database(url.rsplit("/", 1)[1])
            return
        path = url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.remove()
            self.cluster = None


# ================================================================================= seeding

PLANS = [  # name, kind, amount, currency, metric, unit price (millionths of a cent), included a day
    ("Basic", "flat", 4900, "USD", None, None, None),
    ("Pro", "flat", 9900, "USD", None, None, None),
    ("Metered", "metered", 2000, "USD", "requests", 1_000_000, 1000),
    ("Basis", "flat", 3900, "EUR", None, None, None),
]


def seed(
    url: str,
    rng: random.Random,
    *,
    workspaces: int,
    companies: int,
    billing: str,
    channels: bool,
    shared_every: int = 0,
) -> int:
    """Workspaces with an operator (UOLIVIA) each, plans, and companies with 1-3 production
    apps (domain dates in September and October, some plan changes in October, metered usage
    every day), 5% with only an unbilled staging app. With `channels`, each company has its own
    linked channel, except every `shared_every`-th one, linked to one of three channels shared
    by several companies (an agency's #billing): there messages queue at Slack's pace of one a
    second. Returns the number of rows."""
    rows: dict[type[SQLModel], list[dict[str, Any]]] = {
        m: [] for m in (Workspace, Person, Operator, Plan, Company, App, AppOwnership)
    }
    rows[PlanAssignment], rows[Usage] = [], []
    by_currency: dict[int, dict[str, list[tuple[int, str]]]] = {}
    plan_id = 0
    for w in range(1, workspaces + 1):
        rows[Workspace].append(
            {"id": w, "team_id": f"T{w}", "name": f"Agency {w}", "created_at": SEEDED_AT}
        )
        rows[Person].append(
            {
                "id": w,
                "workspace_id": w,
                "slack_user_id": "UOLIVIA",
                "email": None,
                "name": "olivia",
                "name_key": "olivia",
                "account_type": "developer",
                "created_at": SEEDED_AT,
            }
        )
        rows[Operator].append({"id": w, "workspace_id": w, "person_id": w, "created_at": SEEDED_AT})
        for name, kind, amount, currency, metric, unit, included in PLANS:
            plan_id += 1
            rows[Plan].append(
                {
                    "id": plan_id,
                    "workspace_id": w,
                    "name": name,
                    "slug": name.lower(),
                    "kind": kind,
                    "amount_minor": amount,
                    "currency": currency,
                    "environment": "production",
                    "metric": metric,
                    "unit_price_micros": unit,
                    "included_quantity": included,
                    "created_at": SEEDED_AT,
                }
            )
            by_currency.setdefault(w, {}).setdefault(currency, []).append((plan_id, kind))
    app_id = 0
    for c in range(1, companies + 1):
        w = 1 + (c - 1) * workspaces // companies
        currency = "EUR" if rng.random() < 0.2 else "USD"
        rows[Company].append(
            {
                "id": c,
                "workspace_id": w,
                "name": f"Company {c:04d}",
                "slug": f"company-{c:04d}",
                "invoice_email": None,
                "currency": currency,
                "timezone": rng.choice(("UTC", "Europe/Vienna")),
                "billing_mode": billing,
                "payment_status": "ok",
                "channel_id": (
                    None
                    if not channels
                    else f"CSHARED{(c // shared_every) % 3}"
                    if shared_every and c % shared_every == 0
                    else f"CCO{c:05d}"
                ),
                "reminders_on": True,
                "reminder_days": 3,
                "reminder_time": "09:00",
                "created_at": SEEDED_AT,
            }
        )
        unbilled = rng.random() < 0.05
        for _ in range(1 if unbilled else rng.randint(1, 3)):
            app_id += 1
            rows[App].append(
                {
                    "id": app_id,
                    "workspace_id": w,
                    "company_id": c,
                    "name": f"app-{app_id}",
                    "slug": f"app-{app_id}",
                    "environment": "staging" if unbilled else "production",
                    "trial": False,
                    "domain": f"a{app_id}.example",
                    "domain_since": date(2026, 9, 1) + timedelta(days=rng.randrange(0, 55)),
                    "created_on": date(2026, 8, 1),
                    "created_at": SEEDED_AT,
                }
            )
            rows[AppOwnership].append(
                {"app_id": app_id, "company_id": c, "since": date(2026, 8, 1)}
            )
            if unbilled:
                continue
            plans = by_currency[w][currency]
            plan, kind = rng.choice(plans)
            rows[PlanAssignment].append(
                {
                    "app_id": app_id,
                    "plan_id": plan,
                    "since": date(2026, 8, 1),
                    "created_at": SEEDED_AT,
                }
            )
            flat = [p for p, k in plans if k == "flat" and p != plan]
            if flat and rng.random() < 0.3:
                rows[PlanAssignment].append(
                    {
                        "app_id": app_id,
                        "plan_id": rng.choice(flat),
                        "since": date(2026, 10, rng.randrange(2, 31)),
                        "created_at": SEEDED_AT,
                    }
                )
            if kind == "metered":
                day = date(2026, 9, 1)
                while day <= date(2026, 10, 31):
                    rows[Usage].append(
                        {
                            "app_id": app_id,
                            "metric": "requests",
                            "day": day,
                            "quantity": rng.randrange(0, 2500),
                            "recorded_at": SEEDED_AT,
                        }
                    )
                    day += timedelta(days=1)
    engine = make_engine(url)
    with engine.begin() as connection:
        for model, batch in rows.items():
            if batch:
                connection.execute(insert(table_of(model)), batch)
        if engine.dialect.name == "postgresql":
            for table in ("workspace", "person", "operator", "plan", "company", "app"):
                connection.execute(
                    text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
                )
            connection.execute(text("ANALYZE"))
    engine.dispose()
    return sum(len(v) for v in rows.values())


# ================================================================================= processes


PRODUCT: list[str] = []  # --product: a patched copy of the repository to run instead


def base_env(url: str, workdir: Path, **extra: str) -> dict[str, str]:
    return {
        **({"PYTHONPATH": PRODUCT[0]} if PRODUCT else {}),
        "PATH": "/usr/bin:/bin",
        "HOME": str(workdir),
        "DATABASE_URL": url,
        "NO_PROXY": "127.0.0.1,localhost",
        "BILLBOT_OPERATORS": "UOLIVIA",
        "MPLCONFIGDIR": str(workdir / "mpl"),
        **extra,
    }


@dataclass
class Run:
    args: list[str]
    killed: bool
    seconds: float
    returncode: int
    output: str


def run_billbot(
    env: dict[str, str],
    args: list[str],
    logfile: Path,
    *,
    kill_when: Callable[[float, subprocess.Popen[bytes]], bool] | None = None,
    timeout: float = 600.0,
    poll: float = 0.002,
) -> Run:
    """`billbot *args`, SIGKILLed (by its pid) as soon as kill_when(seconds, process) holds."""
    with open(logfile, "ab") as out:
        out.write(f"\n$ billbot {' '.join(args)}\n".encode())
        out.flush()
        started = time.monotonic()
        process = subprocess.Popen(
            [str(BILLBOT), *args], env=env, stdout=out, stderr=subprocess.STDOUT
        )
        killed = False
        while process.poll() is None:
            elapsed = time.monotonic() - started
            if elapsed > timeout or (kill_when is not None and kill_when(elapsed, process)):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
                killed = elapsed <= timeout
                break
            time.sleep(poll)
        process.wait()
        seconds = time.monotonic() - started
    killed = killed or process.returncode == -signal.SIGKILL
    tail = logfile.read_text(errors="replace").rsplit("\n$ billbot ", 1)[-1]
    if not killed and process.returncode != 0:
        raise RuntimeError(f"billbot {' '.join(args)} failed ({process.returncode}):\n{tail}")
    return Run(args, killed, seconds, process.returncode, tail)


Trigger = Callable[[float, subprocess.Popen[bytes]], bool]


def after(delay: float) -> Trigger:
    return lambda elapsed, _process: elapsed >= delay


def once_then(
    reached: Callable[[], bool], extra: float, instead: Callable[[int], None] | None = None
) -> Trigger:
    """Kill `extra` seconds after `reached()` first holds; or, with `instead`, call it with the
    pid at that moment (someone else kills) and never kill here."""
    at: list[float] = []

    def trigger(elapsed: float, process: subprocess.Popen[bytes]) -> bool:
        if not at:
            if not reached():
                return False
            at.append(elapsed + (0.0 if instead else extra))
            if instead is not None:
                instead(process.pid)
        return instead is None and elapsed >= at[0]

    return trigger


# ================================================================================= results


@dataclass
class Result:
    scenario: str
    kills: int = 0
    rounds: int = 0
    lost: int = 0
    doubled: int = 0
    wrong: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def problem(self, text_: str) -> None:
        self.problems.append(text_)
        log(f"  PROBLEM: {text_}")


def diff(expected: Counter[Any], got: Counter[Any]) -> tuple[list[Any], list[Any]]:
    """(lost, doubled) keys: fewer than expected, more than expected (or not expected)."""
    lost = [k for k, n in expected.items() if got.get(k, 0) < n]
    doubled = [k for k, n in got.items() if n > expected.get(k, 0)]
    return sorted(lost, key=str), sorted(doubled, key=str)


# ================================================================================= (a) close


def close_snapshot(db: Db) -> dict[str, Any]:
    statements = db.rows(
        "SELECT s.id, s.company_id, s.period, s.status, s.currency, s.total_minor, "
        "c.workspace_id FROM statement s JOIN company c ON c.id = s.company_id"
    )
    lines = {
        sid: (n, total)
        for sid, n, total in db.rows(
            "SELECT statement_id, count(*), sum(amount_minor) FROM statement_line "
            "GROUP BY statement_id"
        )
    }
    audit = db.rows("SELECT company_id, action, detail FROM audit_event")
    outbox = db.rows("SELECT cause, key, kind FROM outbox")
    return {
        "statements": Counter((c, p) for _, c, p, *_ in statements),
        "totals": {
            (c, p): (status, cur, total, *lines.get(sid, (0, 0)))
            for sid, c, p, status, cur, total, _ in statements
        },
        "workspaces": Counter((w, p) for _, _, p, _, _, _, w in statements),
        "audit": Counter((c, a, detail_of(d).get("period")) for c, a, d in audit),
        "notices": Counter(cause for cause, _, kind in outbox if kind == "statement_ready"),
        "lists": Counter(key for _, key, _ in outbox if key.startswith("manual_billing:")),
        "other outbox rows": Counter(
            key
            for _, key, kind in outbox
            if kind != "statement_ready" and not key.startswith("manual_billing:")
        ),
    }


def close_compare(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for part in ("statements", "audit", "notices", "lists", "other outbox rows"):
        out[f"{part} lost"], out[f"{part} doubled"] = diff(expected[part], got[part])
    out["wrong totals"] = sorted(
        k for k, v in expected["totals"].items() if k in got["totals"] and got["totals"][k] != v
    )
    out["lines not adding up"] = sorted(k for k, v in got["totals"].items() if v[2] != v[4])
    return out


def close_state(db: Db, expected: dict[str, Any]) -> str:
    """Where the run was when it died: statements and operators' lists already committed."""
    got = close_snapshot(db)
    done = sum(got["statements"].values())
    total = sum(expected["statements"].values())
    lists = sum(got["lists"].values())
    if done == 0:
        return "before any commit"
    if done < total:
        batches = len(got["workspaces"])
        return f"between batch commits ({batches} of {len(expected['workspaces'])} batches)"
    if lists < sum(expected["lists"].values()):
        return "after the last batch, before the operators' list"
    return "after everything was committed"


def scenario_close(args: argparse.Namespace, backend: Backend, workdir: Path) -> Result:
    result = Result("close")
    rng = random.Random(args.seed)
    at = iso(CHARGE_AT)
    commands = {
        "close-month": ["close-month", MONTH, "--at", at],
        "run-due": ["run-due", "--at", at, "--no-deliver"],
    }
    seed_url = backend.fresh("faults_close_seed")
    started = time.monotonic()
    count = seed(
        seed_url,
        rng,
        workspaces=args.close_workspaces,
        companies=args.close_companies,
        billing="manual",
        channels=False,
    )
    log(
        f"close: seeded {args.close_companies} companies in {args.close_workspaces} workspaces "
        f"({count:,} rows) in {time.monotonic() - started:.1f}s on {backend.kind}"
    )
    logfile = workdir / "close.log"
    env_of: Callable[[str], dict[str, str]] = lambda url: base_env(url, workdir)  # noqa: E731

    # References: never killed, one per command (run-due closes September too).
    expected: dict[str, dict[str, Any]] = {}
    timing: dict[str, tuple[float, float]] = {}
    dry = run_billbot(env_of(seed_url), ["close-month", MONTH, "--dry-run", "--at", at], logfile)
    for name, command in commands.items():
        url = backend.clone(seed_url, f"faults_close_ref_{name.replace('-', '_')}")
        full = run_billbot(env_of(url), command, logfile)
        noop = run_billbot(env_of(url), command, logfile)
        db = Db(url)
        expected[name] = close_snapshot(db)
        db.close()
        timing[name] = (noop.seconds, full.seconds)
        if name == "close-month":
            would = dry.output.strip().splitlines()[-2].replace("Would finalize", "Finalized")
            did = full.output.strip().splitlines()[-2]
            if would != did:
                result.problem(f"--dry-run said {would!r}, the real close {did!r}")
            result.notes.append(f"reference close-month: {did} (--dry-run: the same)")
        e = expected[name]
        log(
            f"close: reference {name}: {sum(e['statements'].values())} statements, "
            f"{sum(e['notices'].values())} statement_ready rows, {sum(e['lists'].values())} "
            f"operators' lists, {sum(e['other outbox rows'].values())} other outbox rows, "
            f"{sum(e['audit'].values())} audit events; {full.seconds:.2f}s (a run with nothing "
            f"to do: {noop.seconds:.2f}s)"
        )
        backend.drop(url)
    result.timings["reference close-month s"] = timing["close-month"][1]
    result.timings["reference run-due s"] = timing["run-due"][1]

    states: Counter[str] = Counter()
    recoveries: list[float] = []
    misses = 0
    while result.kills < args.kills:
        number = result.rounds + 1
        name = "close-month" if number % 2 else "run-due"
        command, reference = commands[name], expected[name]
        url = backend.clone(seed_url, f"faults_close_r{number}")
        db = Db(url)
        kills: list[str] = []
        for _ in range(args.kills_per_round):
            if result.kills >= args.kills:
                break
            quiet, whole = timing[name]
            left = len(reference["workspaces"]) - db.scalar(BATCHES_SQL)
            if left > 0 and rng.random() < 0.5:
                k = rng.randint(1, left)
                how, trigger = f"right after {k} more batch commit(s)", _after_commits(db, k)
            else:  # a random moment of the work still to do
                work = max(0.0, whole - quiet) * max(left, 0) / len(reference["workspaces"])
                delay = rng.uniform(quiet * 0.9, quiet + work * 1.05 + 0.05)
                how, trigger = f"at {delay:.2f}s", after(delay)
            run = run_billbot(env_of(url), command, logfile, kill_when=trigger)
            if not run.killed:
                misses += 1
                break
            result.kills += 1
            state = close_state(db, reference)
            states[state] += 1
            kills.append(f"killed {how} ({run.seconds:.2f}s): {state}")
        final = run_billbot(env_of(url), command, logfile)
        if kills:
            recoveries.append(final.seconds)
        got = close_snapshot(db)
        db.close()
        found = close_compare(reference, got)
        lost = sum(len(v) for k, v in found.items() if k.endswith("lost"))
        doubled = sum(len(v) for k, v in found.items() if k.endswith("doubled"))
        wrong = len(found["wrong totals"]) + len(found["lines not adding up"])
        result.rounds += 1
        result.lost += lost
        result.doubled += doubled
        result.wrong += wrong
        log(
            f"close round {number} ({name}): {'; '.join(kills) or 'finished before the kill'}; "
            f"re-run {final.seconds:.2f}s: {final.output.strip().splitlines()[-1][:90]!r}; "
            f"lost {lost}, doubled {doubled}, wrong {wrong}"
        )
        for what, keys in found.items():
            if keys:
                result.problem(f"round {number} ({name}): {what}: {keys[:6]}")
        backend.drop(url)
    backend.drop(seed_url)
    result.timings["re-run after a kill p50 s"] = pct(recoveries, 0.5)
    result.timings["re-run after a kill max s"] = max(recoveries, default=float("nan"))
    result.extra["state at kill"] = dict(states)
    result.extra["runs that finished before their kill"] = misses
    return result


BATCHES_SQL = (
    "SELECT count(*) FROM (SELECT DISTINCT c.workspace_id, s.period FROM statement s "
    "JOIN company c ON c.id = s.company_id) AS batches"
)


def _after_commits(db: Db, more: int) -> Trigger:
    """True once `more` further workspace batches of statements are committed (polled about
    every 2 ms): the kill lands right after a commit, before the next one."""
    target = db.scalar(BATCHES_SQL) + more

    def check(_elapsed: float, _process: subprocess.Popen[bytes]) -> bool:
        try:
            return bool(db.scalar(BATCHES_SQL) >= target)
        except (sqlite3.Error, psycopg.Error):
            return False

    return check


# ================================================================================= (b) charge


def stripe_client(base: str) -> stripe_sdk.StripeClient:
    return stripe_sdk.StripeClient(STRIPE_KEY, base_addresses={"api": base}, max_network_retries=0)


def save_cards(stripe: StripeStandIn, url: str, company_ids: list[int]) -> None:
    """A customer with a default Visa card per company, as billbot's own card flow leaves it
    (the Checkout round trip itself is tests/e2e/test_stripe_http.py's subject)."""
    client = stripe_client(stripe.api_base)

    def one(company_id: int) -> tuple[int, str]:
        customer = client.v1.customers.create(
            {"name": f"Company {company_id:04d}", "metadata": {"billbot_company": str(company_id)}}
        )
        method = client.v1.payment_methods.create(
            {
                "type": "card",
                "card": {
                    "number": "4242424242424242",
                    "exp_month": 12,
                    "exp_year": 2030,
                    "cvc": "123",
                },
            }
        )
        client.v1.payment_methods.attach(method.id, {"customer": customer.id})
        client.v1.customers.update(
            customer.id, {"invoice_settings": {"default_payment_method": method.id}}
        )
        return company_id, str(customer.id)

    with ThreadPoolExecutor(8) as pool:
        customers = list(pool.map(one, company_ids))
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE company SET stripe_customer_id = :customer, card_brand = 'visa', "
                "card_last4 = '4242', card_expires = :expires WHERE id = :id"
            ),
            [{"customer": c, "expires": date(2030, 12, 31), "id": i} for i, c in customers],
        )
    engine.dispose()


def stripe_intents(stripe: StripeStandIn) -> list[dict[str, Any]]:
    """Every PaymentIntent localstripe holds (asked directly, not through the front)."""
    client = stripe_client(stripe.localstripe_url)
    listed = client.v1.payment_intents.list({"limit": 100})
    return [i.to_dict() for i in listed.auto_paging_iter()]


def charge_snapshot(db: Db, stripe: StripeStandIn) -> dict[str, Any]:
    statements = db.rows(
        "SELECT company_id, period, status, total_minor, currency, payment_intent_id, "
        "next_charge_at, charge_attempts FROM statement"
    )
    audit = db.rows("SELECT company_id, detail FROM audit_event WHERE action = 'statement.paid'")
    notices = db.rows("SELECT cause FROM outbox WHERE kind = 'payment_received'")
    intents = stripe_intents(stripe)
    creates = [
        r for r in stripe.requests() if r["method"] == "POST" and r["path"] == "/v1/payment_intents"
    ]
    return {
        "statements": {
            f"{c}:{p}": (s, t, cur, pi, n, a) for c, p, s, t, cur, pi, n, a in statements
        },
        "audit": Counter(f"{c}:{detail_of(d).get('period')}" for c, d in audit),
        "notices": Counter(cause.removeprefix("payment_received:") for (cause,) in notices),
        "intents": intents,
        "creates": creates,
    }


def charge_compare(chargeable: dict[str, int], snap: dict[str, Any]) -> dict[str, list[Any]]:
    succeeded: dict[str, list[dict[str, Any]]] = {}
    for intent in snap["intents"]:
        key = str((intent.get("metadata") or {}).get("billbot_statement"))
        if intent.get("status") == "succeeded":
            succeeded.setdefault(key, []).append(intent)
    out: dict[str, list[Any]] = {
        "not paid": [],
        "never charged": [],
        "charged twice": [],
        "wrong amount": [],
        "intent not recorded": [],
        "charged but not chargeable": [],
    }
    for key, total in chargeable.items():
        status, _, _, recorded, *_ = snap["statements"][key]
        mine = succeeded.get(key, [])
        if status != "paid":
            out["not paid"].append(key)
        if not mine:
            out["never charged"].append(key)
        if len(mine) > 1:
            out["charged twice"].append((key, [i["id"] for i in mine]))
        if any(i["amount"] != total for i in mine):
            out["wrong amount"].append(key)
        if mine and recorded != mine[0]["id"]:
            out["intent not recorded"].append(key)
    out["charged but not chargeable"] = sorted(k for k in succeeded if k not in chargeable)
    expected = Counter(dict.fromkeys(chargeable, 1))
    out["paid audit lost"], out["paid audit doubled"] = diff(expected, snap["audit"])
    out["payment_received lost"], out["payment_received doubled"] = diff(expected, snap["notices"])
    return out


def scenario_charge(args: argparse.Namespace, backend: Backend, workdir: Path) -> Result:
    result = Result("charge")
    rng = random.Random(args.seed + 1)
    seed_url = backend.fresh("faults_charge_seed")
    seed(
        seed_url,
        rng,
        workspaces=1,
        companies=args.charge_companies,
        billing="stripe",
        channels=True,
    )
    logfile = workdir / "charge.log"
    stripe = StripeStandIn(log_dir=workdir / "stripe")
    stripe.start()
    try:
        env_of = lambda url: base_env(  # noqa: E731
            url,
            workdir,
            STRIPE_API_KEY=STRIPE_KEY,
            STRIPE_API_BASE=stripe.api_base,
            STRIPE_WEBHOOK_SECRET="whsec_faults_local",
        )
        # Both months run-due charges on 2026-11-01 (it closes two back) are closed before
        # the rounds: the kills land among the charges.
        for month in ("2026-09", MONTH):
            run_billbot(env_of(seed_url), ["close-month", month, "--at", iso(CHARGE_AT)], logfile)
        db = Db(seed_url)
        chargeable = {
            f"{c}:{p}": t
            for c, p, t in db.rows(
                "SELECT company_id, period, total_minor FROM statement "
                "WHERE next_charge_at IS NOT NULL"
            )
        }
        companies = [int(c) for (c,) in db.rows("SELECT id FROM company ORDER BY id")]
        db.close()
        log(
            f"charge: {len(companies)} companies in Stripe mode, {len(chargeable)} statements to "
            f"charge on {backend.kind}; Stripe: localstripe behind tests/stripe/front.py"
        )

        def prepare(name: str) -> str:
            stripe.reset()
            url = backend.clone(seed_url, name)
            save_cards(stripe, url, companies)
            return url

        # Reference: a run never killed, for the timing (and to show the checks pass).
        url = prepare("faults_charge_ref")
        full = run_billbot(
            env_of(url), ["run-due", "--at", iso(CHARGE_AT), "--no-deliver"], logfile
        )
        noop = run_billbot(
            env_of(url), ["run-due", "--at", iso(CHARGE_AT + CHARGE_STEP), "--no-deliver"], logfile
        )
        found = charge_compare(chargeable, charge_snapshot(Db(url), stripe))
        if any(found.values()):
            result.problem(f"the run never killed: { ({k: v for k, v in found.items() if v}) }")
        backend.drop(url)
        log(
            f"charge: reference run {full.seconds:.2f}s "
            f"({full.output.strip().splitlines()[-1]!r}); "
            f"with nothing to do {noop.seconds:.2f}s"
        )
        result.timings["reference run-due s"] = full.seconds
        per_charge = max(0.02, (full.seconds - noop.seconds) / len(chargeable))

        modes: Counter[str] = Counter()
        in_flight_total = 0
        recoveries: list[float] = []
        runs_needed: list[int] = []
        misses = 0
        while result.kills < args.kills:
            number = result.rounds + 1
            url = prepare(f"faults_charge_r{number}")
            db = Db(url)
            moment, kills = CHARGE_AT, []
            counted: set[str] = set()
            for _ in range(args.kills_per_round):
                if result.kills >= args.kills:
                    break
                command = ["run-due", "--at", iso(moment), "--no-deliver"]
                left = db.scalar(
                    "SELECT count(*) FROM statement WHERE status = 'finalized' "
                    "AND next_charge_at IS NOT NULL"
                )
                if left == 0:
                    break
                # A random point of the charging still to do: once the k-th statement is taken
                # (its lease committed), plus a random part of one charge's time; or, by the
                # front, right after Stripe created the k-th statement's PaymentIntent.
                k = rng.randint(1, left)
                extra = rng.uniform(0, per_charge * 1.2)
                touched = _charge_progress(db)
                front_kill = rng.random() < 0.5
                on_kill = (
                    (lambda pid: stripe.kill_after("/v1/payment_intents", pid))
                    if front_kill
                    else None
                )
                trigger = once_then(lambda: touched() >= k, extra, on_kill)  # noqa: B023

                run = run_billbot(env_of(url), command, logfile, kill_when=trigger, poll=0.005)
                if front_kill:
                    stripe.disarm_kill()
                    how = f"by the front right after the PaymentIntent of statement {k} of {left}"
                else:
                    how = f"{extra:.2f}s after taking statement {k} of {left}"
                moment += CHARGE_STEP
                if not run.killed:
                    misses += 1
                    break
                result.kills += 1
                modes["front, after a charge" if front_kill else "random delay"] += 1
                snap = charge_snapshot(db, stripe)
                paid = sum(1 for v in snap["statements"].values() if v[0] == "paid")
                charged = {
                    (i.get("metadata") or {}).get("billbot_statement")
                    for i in snap["intents"]
                    if i.get("status") == "succeeded"
                }
                in_flight = sorted(
                    k for k in charged if k in chargeable and snap["statements"][k][0] != "paid"
                )
                in_flight_total += len(set(in_flight) - counted)  # each statement once
                counted |= set(in_flight)
                kills.append(
                    f"killed {how} ({run.seconds:.2f}s): {paid} paid in the database, "
                    f"{len(charged)} charged at Stripe, {len(in_flight)} charged but unrecorded"
                )
            tries, started = 0, time.monotonic()
            while True:
                tries += 1
                final = run_billbot(
                    env_of(url), ["run-due", "--at", iso(moment), "--no-deliver"], logfile
                )
                moment += CHARGE_STEP
                left = db.scalar(
                    "SELECT count(*) FROM statement WHERE status = 'finalized' "
                    "AND next_charge_at IS NOT NULL"
                )
                if left == 0 or tries >= 4:
                    break
            if kills:
                recoveries.append(time.monotonic() - started)
                runs_needed.append(tries)
            snap = charge_snapshot(db, stripe)
            db.close()
            found = charge_compare(chargeable, snap)
            lost = sum(
                len(found[k]) for k in ("not paid", "paid audit lost", "payment_received lost")
            )
            doubled = sum(
                len(found[k])
                for k in ("charged twice", "paid audit doubled", "payment_received doubled")
            )
            wrong = sum(
                len(found[k])
                for k in ("wrong amount", "intent not recorded", "charged but not chargeable")
            )
            result.rounds += 1
            result.lost += lost
            result.doubled += doubled
            result.wrong += wrong
            log(
                f"charge round {number}: {'; '.join(kills) or 'finished before the kill'}; then "
                f"{tries} run(s) to finish ({final.output.strip().splitlines()[-1][:70]!r}); "
                f"PaymentIntents {len(snap['intents'])} for {len(chargeable)} statements "
                f"({len(snap['creates'])} create calls); lost {lost}, doubled {doubled}, "
                f"wrong {wrong}"
            )
            for what, keys in found.items():
                if keys:
                    result.problem(f"round {number}: {what}: {keys[:6]}")
            backend.drop(url)
        backend.drop(seed_url)
    finally:
        stripe.stop()
    result.timings["recovery (runs after the kills) p50 s"] = pct(recoveries, 0.5)
    result.timings["recovery max s"] = max(recoveries, default=float("nan"))
    result.extra["kill modes"] = dict(modes)
    result.extra["charged at Stripe but unrecorded at a kill"] = in_flight_total
    result.extra["runs needed after the kills"] = dict(Counter(runs_needed))
    result.extra["runs that finished before their kill"] = misses
    return result


def _charge_progress(db: Db) -> Callable[[], int]:
    """How many statements a run has taken (lease written) or paid since this was made."""
    sql = "SELECT id, status, next_charge_at FROM statement"
    original = {sid: (status, at) for sid, status, at in db.rows(sql)}

    def touched() -> int:
        try:
            rows = db.rows(sql)
        except (sqlite3.Error, psycopg.Error):
            return 0
        return sum(1 for sid, status, at in rows if original.get(sid) != (status, at))

    return touched


# ================================================================================= (c) deliver


class SlowSlack:
    """tests/e2e/slow_standin.py in its own process."""

    def __init__(self, delay_ms: float = 100.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(SLOW_STANDIN), "--delay-ms", str(delay_ms)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.url = f"http://127.0.0.1:{int(self.process.stdout.readline().split()[1])}"

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/_stats", timeout=30) as response:
            return dict(json.loads(response.read()))

    def accepted(self) -> int:
        return int(self.stats()["accepted"])

    def events(self) -> int:
        """Messages and chart shares Slack has taken."""
        stats = self.stats()
        return int(stats["accepted"]) + len(stats["uploads"])

    def reset(self) -> None:
        request = urllib.request.Request(f"{self.url}/_reset", method="POST")
        urllib.request.urlopen(request, timeout=10).close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def deliver_figures(db: Db, stats: dict[str, Any]) -> dict[str, Any]:
    rows = db.rows("SELECT key, channel, status, slack_ts, kind FROM outbox")
    accepted = Counter(m["key"] for m in stats["messages"])
    first_ts: dict[str, str] = {}
    for message in stats["messages"]:
        first_ts.setdefault(message["key"], message["ts"])
    rows = [r for r in rows if r[2] != "expanded"]
    charts = Counter((u["channel"], u["thread_ts"]) for u in stats["uploads"])
    statements = {(ch, ts) for _, ch, _, ts, kind in rows if kind == "statement_ready"}
    return {
        "notices": len(rows),
        "accepted": sum(accepted.values()),
        "lost": sorted(k for k, *_ in rows if not accepted[k]),
        "doubled": sorted(k for k, n in accepted.items() if n > 1),
        "unsent": sorted(k for k, _, status, *_ in rows if status != "sent"),
        "wrong_ts": sorted(k for k, _, _, ts, _ in rows if ts != first_ts.get(k)),
        "charts": sum(charts.values()),
        "charts_missing": sorted(s for s in statements if not charts[s]),
        "charts_doubled": sorted(s for s, n in charts.items() if n > 1),
    }


def scenario_deliver(args: argparse.Namespace, backend: Backend, workdir: Path) -> Result:
    result = Result("deliver")
    rng = random.Random(args.seed + 2)
    slack = SlowSlack(args.slack_delay_ms)
    seed_url = backend.fresh("faults_deliver_seed")
    seed(
        seed_url,
        rng,
        workspaces=1,
        companies=args.deliver_companies,
        billing="manual",
        channels=True,
        shared_every=args.deliver_shared_every,
    )
    logfile = workdir / "deliver.log"
    try:

        def env_of(url: str, concurrency: int = 32) -> dict[str, str]:
            return base_env(
                url,
                workdir,
                SLACK_BOT_TOKEN="xoxb-local-1",
                SLACK_SIGNING_SECRET="local-secret",
                SLACK_API_URL=f"{slack.url}/api/",
                DELIVERY_CONCURRENCY=str(concurrency),
            )

        for month in ("2026-09", MONTH):  # both months run-due closes on 2026-11-01
            run_billbot(env_of(seed_url), ["close-month", month, "--at", iso(CHARGE_AT)], logfile)
        db = Db(seed_url)
        kinds = Counter(dict(db.rows("SELECT kind, count(*) FROM outbox GROUP BY kind")))
        db.close()

        # Reference: the drain never killed (its duration spreads the kill moments).
        url = backend.clone(seed_url, "faults_deliver_ref")
        slack.reset()
        first: list[float] = []

        def note_first(elapsed: float, _process: subprocess.Popen[bytes]) -> bool:
            if not first and slack.accepted() > 0:
                first.append(elapsed)
            return False

        full = run_billbot(
            env_of(url),
            ["run-due", "--at", iso(CHARGE_AT)],
            logfile,
            kill_when=note_first,
            poll=0.02,
        )
        drain = full.seconds - (first[0] if first else 0.0)
        total_events = slack.events()
        per_event = drain / max(1, total_events)
        figures = deliver_figures(Db(url), slack.stats())
        if figures["lost"] or figures["doubled"] or figures["charts_missing"]:
            result.problem(f"the drain never killed: {figures}")
        backend.drop(url)
        log(
            f"deliver: {sum(kinds.values())} outbox rows written by the close "
            f"({dict(kinds)}; a chart goes with each statement_ready), "
            f"{total_events} messages and charts at Slack in the end; reference drain "
            f"{drain:.2f}s after the first message, {full.seconds:.2f}s in all; Slack answers "
            f"each message {args.slack_delay_ms:g} ms after taking it"
        )
        result.timings["reference drain s"] = drain

        in_flight_total, charts_doubled_total, misses = 0, 0, 0
        recoveries: list[float] = []
        while result.kills < args.kills:
            number = result.rounds + 1
            url = backend.clone(seed_url, f"faults_deliver_r{number}")
            db = Db(url)
            slack.reset()
            concurrency = rng.choice((4, 8, 32))
            moment, kills, round_kills = CHARGE_AT, [], 0
            counted: set[str] = set()
            for _ in range(args.kills_per_round):
                if result.kills >= args.kills:
                    break
                # A random point of the delivery still to do: once Slack took k more messages
                # or charts, plus a random part of the time a few of them take.
                base = slack.events()
                k = rng.randint(1, max(1, total_events - base))
                extra = rng.uniform(0, per_event * 3)
                trigger = once_then(lambda: slack.events() >= base + k, extra)  # noqa: B023

                run = run_billbot(
                    env_of(url, concurrency),
                    ["run-due", "--at", iso(moment)],
                    logfile,
                    kill_when=trigger,
                    poll=0.01,
                )
                moment += DELIVERY_STEP
                if not run.killed:
                    misses += 1
                    break
                result.kills += 1
                round_kills += 1
                stats = slack.stats()
                sent = dict(db.rows("SELECT key, status FROM outbox"))
                taken = {m["key"] for m in stats["messages"]}
                in_flight = sorted(k for k in taken if sent.get(k) != "sent")
                in_flight_total += len(set(in_flight) - counted)  # each row once per round
                counted |= set(in_flight)
                kills.append(
                    f"killed {extra:.2f}s after Slack took {k} more ({run.seconds:.2f}s): "
                    f"Slack had "
                    f"{stats['accepted']} messages, {len(stats['uploads'])} charts; "
                    f"{len(in_flight)} taken by Slack but not marked sent"
                )
            started = time.monotonic()
            for _ in range(4):
                final = run_billbot(
                    env_of(url, concurrency), ["run-due", "--at", iso(moment)], logfile
                )
                moment += DELIVERY_STEP
                if (
                    db.scalar("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')")
                    == 0
                ):
                    break
            if round_kills:
                recoveries.append(time.monotonic() - started)
            figures = deliver_figures(db, slack.stats())
            db.close()
            result.rounds += 1
            lost = len(figures["lost"]) + len(figures["charts_missing"])
            doubled = len(figures["doubled"])
            wrong = len(figures["unsent"]) + len(figures["wrong_ts"])
            charts_doubled = len(figures["charts_doubled"])
            charts_doubled_total += charts_doubled
            result.lost += lost
            result.doubled += doubled
            result.wrong += wrong
            log(
                f"deliver round {number} (concurrency {concurrency}): "
                f"{'; '.join(kills) or 'finished before the kill'}; the next run: "
                f"{final.output.strip().splitlines()[-1][:80]!r}; {figures['accepted']} accepted "
                f"for {figures['notices']} notices: lost {len(figures['lost'])}, "
                f"doubled {doubled}, "
                f"not sent {len(figures['unsent'])}, wrong ts {len(figures['wrong_ts'])}; charts "
                f"{figures['charts']} (missing {len(figures['charts_missing'])}, doubled "
                f"{charts_doubled})"
            )
            for what in ("lost", "doubled", "unsent", "wrong_ts", "charts_missing"):
                if figures[what]:
                    result.problem(f"round {number}: {what}: {figures[what][:6]}")
            if charts_doubled:
                result.problem(
                    f"round {number}: {charts_doubled} charts shared twice after {round_kills} "
                    f"kill(s): {figures['charts_doubled'][:4]}"
                )
            backend.drop(url)
        backend.drop(seed_url)
    finally:
        slack.stop()
    result.timings["recovery (runs after the kills) p50 s"] = pct(recoveries, 0.5)
    result.timings["recovery max s"] = max(recoveries, default=float("nan"))
    result.extra["taken by Slack but unrecorded at a kill"] = in_flight_total
    result.extra["charts shared twice"] = charts_doubled_total
    result.extra["runs that finished before their kill"] = misses
    return result


# ================================================================================= (d) pg-restart


@dataclass
class Sent:
    number: int
    text: str
    sent: float  # wall clock
    status: int | None = None  # None: no HTTP answer at all
    error: str | None = None
    seconds: float = 0.0


NORMAL = {
    "companies": re.compile(r"^Your companies \(\d+\)"),
    "company Acme": re.compile(r"^\*Acme\*"),
    "statement Acme": re.compile(r"^\*Acme: statement for"),
    "company new": re.compile(r"^Created company Load\d+"),
}


def kind_of(command: str) -> str:
    return "company new" if command.startswith("company new") else command


class Load:
    """Signed /billing commands at a steady rate, each with its own response_url."""

    def __init__(self, bot: Billbot, standin: StandIn, rate: float) -> None:
        self.bot, self.standin, self.interval = bot, standin, 1.0 / rate
        self.sent: list[Sent] = []
        self.health: list[tuple[float, int | None]] = []
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(16, thread_name_prefix="load")
        self._threads = [
            threading.Thread(target=self._commands, daemon=True),
            threading.Thread(target=self._healthz, daemon=True),
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)
        self._pool.shutdown(wait=True)

    def _commands(self) -> None:
        number, tick = 0, time.monotonic()
        reads = ["companies", "company Acme", "statement Acme", "companies"]
        while not self._stop.is_set():
            number += 1
            command = f"company new Load{number}" if number % 5 == 0 else reads[number % 4]
            self._pool.submit(self._send, number, command)
            tick += self.interval
            self._stop.wait(max(0.0, tick - time.monotonic()))

    def _send(self, number: int, command: str) -> None:
        entry = Sent(number, command, time.time())
        self.sent.append(entry)
        try:
            status, _, seconds = self.bot.command(
                command, respond_to=f"{self.standin.url}/respond/{number}"
            )
            entry.status, entry.seconds = status, seconds
        except (urllib.error.URLError, OSError) as error:
            entry.error = type(error).__name__ + ": " + str(getattr(error, "reason", error))[:60]
            entry.seconds = time.time() - entry.sent

    def _healthz(self) -> None:
        while not self._stop.is_set():
            moment = time.time()
            try:
                status: int | None = get(f"{self.bot.url}/healthz")[0]
            except (urllib.error.URLError, OSError):
                status = None
            self.health.append((moment, status))
            self._stop.wait(0.25)


def replies(standin: StandIn) -> tuple[dict[int, tuple[str, float]], Counter[int]]:
    """The first ephemeral reply posted to each request's response_url (text, wall time), and
    how many replies each got."""
    found: dict[int, tuple[str, float]] = {}
    count: Counter[int] = Counter()
    for call in standin.calls():
        path = call.get("path", "")
        if path.startswith("/respond/") and path.rsplit("/", 1)[1].isdigit():
            args = call.get("args") or {}
            reply = args.get("text") or ""
            blocks = args.get("blocks") or []
            if blocks and isinstance(blocks, list):
                reply = "\n".join(
                    b["text"]["text"] for b in blocks if isinstance(b, dict) and "text" in b
                )
            number = int(path.rsplit("/", 1)[1])
            found.setdefault(number, (reply, float(call["at"])))
            count[number] += 1
    return found, count


def scenario_pg_restart(args: argparse.Namespace, workdir: Path) -> Result:
    result = Result("pg-restart")
    cluster = PrivateCluster()
    standin: StandIn | None = None
    bot: Billbot | None = None
    load: Load | None = None
    try:
        cluster.init()
        cluster.start()
        url = cluster.create_database("billbot_faults")
        log(
            f"pg-restart: private PostgreSQL at 127.0.0.1:{cluster.port} in {cluster.root} "
            f"({cluster.bin.parent.name}); the shared one on 5432 is not touched"
        )
        standin = StandIn()
        env = base_env(
            url,
            workdir,
            SLACK_BOT_TOKEN="xoxb-local-1",
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=f"{standin.url}/api/",
            BILLBOT_LOG=str(workdir / "serve.log"),
        )
        subprocess.run([str(BILLBOT), "migrate"], env=env, check=True, capture_output=True)
        bot = Billbot(env)
        for line, who in (
            ("plan new Basic 49 USD", ("UOLIVIA", "olivia")),
            ("company new Acme", ("UDAN", "dan")),
            ("app new shop company:Acme plan:Basic", ("UDAN", "dan")),
        ):
            out = bot.reply(standin, line, user=who[0], name=who[1])
            log(f"pg-restart: setup {line!r}: {out.splitlines()[0]!r}")
        load = Load(bot, standin, args.rate)
        load.start()
        time.sleep(args.settle_seconds)
        cycles: list[dict[str, Any]] = []
        modes = ("fast", "immediate", "kill9")
        for number in range(args.kills):
            mode = modes[number % len(modes)]
            t_stop = time.time()
            stopping = cluster.stop(mode)
            t_down = time.time()
            time.sleep(args.down_seconds)
            t_start = time.time()
            starting = cluster.start()
            t_up = time.time()
            cycles.append(
                {
                    "mode": mode,
                    "stop": t_stop,
                    "down": t_down,
                    "start": t_start,
                    "up": t_up,
                    "stopping": stopping,
                    "starting": starting,
                }
            )
            log(
                f"pg-restart cycle {number + 1}: {mode} stop took {stopping:.2f}s, down "
                f"{t_up - t_stop:.1f}s, start took {starting:.2f}s"
            )
            result.kills += 1
            time.sleep(args.settle_seconds)
        load.stop()
        time.sleep(5)  # late replies
        serve_alive = bot.process.poll() is None
        answers, reply_counts = replies(standin)
        with psycopg.connect(url, autocommit=True) as connection:
            names = {n for (n,) in connection.execute("SELECT name FROM company").fetchall()}
        result.rounds = 1
        pg_restart_figures(result, load, cycles, answers, reply_counts, names)
        log_text = Path(env["BILLBOT_LOG"]).read_text(errors="replace")
        result.extra["serve still the same process at the end"] = serve_alive
        result.extra["serve log: sweeps done / failed"] = (
            f"{log_text.count(' sweep: ')} / {log_text.count('sweep failed')}"
        )
        result.extra["serve log: errors and warnings (level logger: message start)"] = dict(
            Counter(
                f"{m.group(1)} {m.group(2)}: {re.sub(r'[0-9]+', 'N', m.group(3))}"
                for m in re.finditer(
                    r"^\S+ \S+ (ERROR|WARNING|CRITICAL) (\S+) (.{0,48})", log_text, re.M
                )
            )
        )
        if not serve_alive:
            result.problem("billbot serve died during the restarts")
    finally:
        if load is not None:
            load.stop()
        if bot is not None:
            bot.stop()
        if standin is not None:
            standin.stop()
        cluster.remove()
        result.notes.append(
            f"private cluster removed: {'yes' if not cluster.root.exists() else 'NO'} "
            f"({cluster.root})"
        )
    return result


IN_FLIGHT = 0.5  # seconds: a request sent this shortly before the stop may meet it mid-way


def pg_restart_figures(
    result: Result,
    load: Load,
    cycles: list[dict[str, Any]],
    answers: dict[int, tuple[str, float]],
    reply_counts: Counter[int],
    companies: set[str],
) -> None:
    sent = sorted(load.sent, key=lambda s: s.sent)

    def normal(s: Sent) -> bool:
        reply = answers.get(s.number)
        return (
            s.status == 200 and reply is not None and bool(NORMAL[kind_of(s.text)].match(reply[0]))
        )

    def down_of(s: Sent) -> int | None:
        for index, cycle in enumerate(cycles):
            if cycle["stop"] - IN_FLIGHT <= s.sent < cycle["up"]:
                return index
        return None

    writes: Counter[str] = Counter()
    for s in sent:
        if not s.text.startswith("company new"):
            continue
        made, reply = s.text.split()[-1] in companies, answers.get(s.number)
        if reply is None:
            outcome = "created, NO reply" if made else "not created, no reply"
        elif NORMAL["company new"].match(reply[0]):
            outcome = "created, reply says so" if made else "reply says created, NOT created"
        else:
            outcome = "created, but the reply says not" if made else "not created, told why"
        writes[outcome] += 1

    down = [s for s in sent if down_of(s) is not None]
    texts_down = Counter(  # first lines, numbers as N
        re.sub(r"\d+", "N", (answers[s.number][0].splitlines() or ["(empty)"])[0][:75])
        for s in down
        if s.number in answers
    )
    health_down = Counter(  # from the moment PostgreSQL was stopped
        str(status)
        for moment, status in load.health
        if any(c["down"] <= moment < c["up"] for c in cycles)
    )
    back_first: list[float] = []
    back_all: list[float] = []
    health_back: list[float] = []
    for index, cycle in enumerate(cycles):
        end = cycles[index + 1]["stop"] - IN_FLIGHT if index + 1 < len(cycles) else float("inf")
        after = [s for s in sent if cycle["up"] <= s.sent < end]
        good = [s for s in after if normal(s)]
        if good:
            back_first.append(answers[good[0].number][1] - cycle["up"])
        else:
            result.problem(f"cycle {index + 1}: no normal answer after PostgreSQL came back")
        bad = [s for s in after if not normal(s)]
        back_all.append((bad[-1].sent - cycle["up"]) if bad else 0.0)
        ok = [m for m, status in load.health if cycle["up"] <= m < end and status == 200]
        health_back.append((ok[0] - cycle["up"]) if ok else float("nan"))
    outside_bad = [s for s in sent if down_of(s) is None and not normal(s)]
    twice = sorted(n for n, c in reply_counts.items() if c > 1)
    no_reply = [s for s in down if s.number not in answers]
    result.extra.update(
        {
            "restarts (fast / immediate / kill -9 postmaster)": dict(
                Counter(c["mode"] for c in cycles)
            ),
            "commands sent in all": len(sent),
            f"commands sent while PostgreSQL was down (or {IN_FLIGHT:g}s before the stop)": len(
                down
            ),
            "  of them HTTP non-200": sum(1 for s in down if s.status not in (200, None)),
            "  of them no HTTP answer at all": sum(1 for s in down if s.status is None),
            "  of them no ephemeral reply (the user saw nothing)": len(no_reply),
            "  replies seen while down (first line)": dict(texts_down),
            "/healthz while down": dict(health_down),
            "acks slower than 3 s (Slack's limit)": sum(1 for s in sent if s.seconds >= 3),
            "writes (company new) by outcome": dict(writes),
            "commands outside the outages not answered normally": len(outside_bad),
            "commands with more than one reply": len(twice),
        }
    )
    result.lost = len(no_reply) + writes["created, NO reply"] + len(outside_bad)
    result.doubled = len(twice)
    result.wrong = (
        sum(1 for s in down if s.status != 200)
        + writes["created, but the reply says not"]
        + writes["reply says created, NOT created"]
    )
    result.timings["first normal reply after start p50 s"] = pct(back_first, 0.5)
    result.timings["first normal reply after start max s"] = max(back_first, default=float("nan"))
    result.timings["all normal after start max s"] = max(back_all, default=float("nan"))
    result.timings["healthz 200 after start max s"] = max(health_back, default=float("nan"))
    result.timings["down per cycle s"] = statistics.mean(c["up"] - c["stop"] for c in cycles)
    result.timings["PostgreSQL start max s"] = max(c["starting"] for c in cycles)
    for s in outside_bad[:5]:
        result.problem(f"outside the outages: {s} -> {answers.get(s.number)}")
    for s in no_reply[:5]:
        result.problem(f"no reply while down: {s}")


# ================================================================================= main


def table(results: list[Result]) -> str:
    lines = [
        f"{'scenario':<11}{'kills':>6}{'rounds':>7}{'lost':>6}{'doubled':>8}{'wrong':>7}  timings",
    ]
    for r in results:
        timings = "; ".join(f"{k} {v:.2f}" for k, v in r.timings.items())
        lines.append(
            f"{r.scenario:<11}{r.kills:>6}{r.rounds:>7}{r.lost:>6}{r.doubled:>8}{r.wrong:>7}"
            f"  {timings}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scenario",
        default="all",
        help="close, charge, deliver, pg-restart, all, or several joined by commas",
    )
    parser.add_argument("--kills", type=int, default=20, help="at least this many per scenario")
    parser.add_argument("--kills-per-round", type=int, default=2)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--close-companies", type=int, default=300)
    parser.add_argument("--close-workspaces", type=int, default=3)
    parser.add_argument("--charge-companies", type=int, default=60)
    parser.add_argument("--deliver-companies", type=int, default=60)
    parser.add_argument(
        "--deliver-shared-every",
        type=int,
        default=4,
        help="deliver: every n-th company posts to one of 3 shared channels (0: none)",
    )
    parser.add_argument("--slack-delay-ms", type=float, default=100.0)
    parser.add_argument("--rate", type=float, default=10.0, help="pg-restart: commands a second")
    parser.add_argument("--down-seconds", type=float, default=10.0)
    parser.add_argument("--settle-seconds", type=float, default=8.0)
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    parser.add_argument(
        "--product",
        type=Path,
        help="run billbot from this copy of the repository (PYTHONPATH), e.g. with a patch",
    )
    args = parser.parse_args()
    if args.product:
        PRODUCT.append(str(args.product.resolve()))
    everything = ["close", "charge", "deliver", "pg-restart"]
    wanted = everything if args.scenario == "all" else args.scenario.split(",")
    if not set(wanted) <= set(everything):
        parser.error(f"--scenario: one or more of {', '.join(everything)}, or all")
    workdir = Path(tempfile.mkdtemp(prefix="billbot-faults-"))
    (workdir / "mpl").mkdir()
    log(f"work folder (logs): {workdir}")
    results: list[Result] = []
    backend: Backend | None = None
    try:
        for name in wanted:
            started = time.monotonic()
            if name == "pg-restart":
                result = scenario_pg_restart(args, workdir)
            else:
                if backend is None:
                    backend = Backend(args.backend, workdir)
                runner = {
                    "close": scenario_close,
                    "charge": scenario_charge,
                    "deliver": scenario_deliver,
                }
                result = runner[name](args, backend, workdir)
            result.timings["scenario wall s"] = time.monotonic() - started
            results.append(result)
            log("")
    finally:
        if backend is not None:
            backend.close()
    log(table(results))
    for r in results:
        log(f"\n{r.scenario}:")
        for key, value in r.extra.items():
            log(f"  {key}: {value}")
        for note in r.notes:
            log(f"  note: {note}")
        for problem in r.problems:
            log(f"  PROBLEM: {problem}")
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in results], indent=2, default=str) + "\n"
        )
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    bad = any(r.lost or r.doubled for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
