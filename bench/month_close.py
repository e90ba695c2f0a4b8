"""Month close at scale: billbot's close against the plain SQL aggregate floor.

Seeds N companies (5 apps each, domain dates, plan changes, daily usage: 150 usage rows per
company) into a fresh SQLite file and a fresh PostgreSQL database, closes one month in a child
process, and prints wall time, rows/s, peak RSS, and the time of one plain SQL aggregate over the
same usage and plan-assignment rows (the floor). Run: .venv/bin/python bench/month_close.py
[--companies 1000,3000,10000] [--backends sqlite,postgresql]
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import text

from billing.periods import Month
from commands.close_month import close_month
from storage.database import make_engine
from storage.migrate import upgrade
from storage.unit_of_work import UnitOfWork

PG_ADMIN = os.environ.get("BILLBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
MONTH = Month(2026, 10)
NOW = datetime(2026, 11, 1, 9, tzinfo=UTC)
APPS_PER_COMPANY = 5
USAGE_DAYS = 30  # 5 apps x 30 days = 150 usage rows per company


def rows_for(companies: int) -> dict[str, list[tuple]]:
    rng = random.Random(companies)
    ts = NOW.isoformat()
    plans = [
        (1, 1, "Basic", "basic", "flat", 4900, "USD", "production", None, None, None, ts),
        (2, 1, "Pro", "pro", "flat", 9900, "USD", "production", None, None, None, ts),
        (
            3,
            1,
            "Metered",
            "metered",
            "metered",
            2000,
            "USD",
            "production",
            "requests",
            1_000_000,
            1000,
            ts,
        ),
    ]
    data: dict[str, list[tuple]] = {
        "workspace": [(1, "TBENCH", "bench", ts)],
        "plan": plans,
        "company": [],
        "app": [],
        "app_ownership": [],
        "plan_assignment": [],
        "usage": [],
    }
    app_id = 0
    for c in range(1, companies + 1):
        data["company"].append(
            (
                c,
                1,
                f"Company {c}",
                f"company-{c}",
                "USD",
                "UTC",
                "manual",
                "ok",
                True,
                3,
                "09:00",
                ts,
            )
        )
        for _ in range(APPS_PER_COMPANY):
            app_id += 1
            domain = date(2026, 9, 1) + timedelta(days=rng.randrange(0, 50))
            data["app"].append(
                (
                    app_id,
                    1,
                    c,
                    f"app-{app_id}",
                    f"app-{app_id}",
                    "production",
                    False,
                    f"a{app_id}.example",
                    domain.isoformat(),
                    "2026-08-01",
                    ts,
                )
            )
            data["app_ownership"].append((app_id, c, "2026-08-01"))
            data["plan_assignment"].append((app_id, rng.choice((1, 3)), "2026-08-01", ts))
            if rng.random() < 0.3:
                change = date(2026, 10, rng.randrange(2, 31))
                data["plan_assignment"].append((app_id, 2, change.isoformat(), ts))
            for day in range(1, USAGE_DAYS + 1):
                data["usage"].append(
                    (app_id, "requests", f"2026-10-{day:02d}", rng.randrange(0, 2000), ts)
                )
    return data


COLUMNS = {
    "workspace": "id, team_id, name, created_at",
    "plan": "id, workspace_id, name, slug, kind, amount_minor, currency, environment, metric, "
    "unit_price_micros, included_quantity, created_at",
    "company": "id, workspace_id, name, slug, currency, timezone, billing_mode, payment_status, "
    "reminders_on, reminder_days, reminder_time, created_at",
    "app": "id, workspace_id, company_id, name, slug, environment, trial, domain, domain_since, "
    "created_on, created_at",
    "app_ownership": "app_id, company_id, since",
    "plan_assignment": "app_id, plan_id, since, created_at",
    "usage": "app_id, metric, day, quantity, recorded_at",
}


def seed(url: str, data: dict[str, list[tuple]]) -> None:
    engine = make_engine(url)
    upgrade(engine)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table, columns in COLUMNS.items():
            marks = ", ".join(["%s" if "postgresql" in url else "?"] * len(columns.split(",")))
            if "postgresql" in url:
                with cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
                    for row in data[table]:
                        copy.write_row(row)
            else:
                cursor.executemany(
                    f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', data[table]
                )
        if "postgresql" in url:
            for table in ("company", "app", "plan"):
                cursor.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
            cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    engine.dispose()


def floor_seconds(url: str) -> float:
    """One plain aggregate over the same usage and assignment rows: what no close can beat."""
    engine = make_engine(url)
    query = text(
        "SELECT a.company_id, count(*), sum(p.amount_minor) FROM plan_assignment pa "
        "JOIN plan p ON p.id = pa.plan_id JOIN app a ON a.id = pa.app_id GROUP BY a.company_id"
    )
    usage = text(
        "SELECT app_id, day, sum(quantity) FROM usage WHERE day BETWEEN :a AND :b "
        "GROUP BY app_id, day"
    )
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        start = time.perf_counter()
        connection.execute(query).all()
        connection.execute(usage, {"a": MONTH.first_day, "b": MONTH.last_day}).all()
        elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def peak_rss_mb() -> float:
    """VmHWM: this process's own high-water mark (ru_maxrss would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def close_child(url: str) -> None:
    """In a fresh process, so peak RSS is the close's own."""
    engine = make_engine(url)
    start = time.perf_counter()
    report = close_month(UnitOfWork(engine), month=MONTH, now=NOW)
    elapsed = time.perf_counter() - start
    again = close_month(UnitOfWork(engine), month=MONTH, now=NOW)
    peak_mb = peak_rss_mb()
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "finalized": report.finalized,
                "peak_mb": peak_mb,
                "second_run_finalized": again.finalized,
            }
        )
    )


def measure(backend: str, companies: int, workdir: Path) -> dict:
    data = rows_for(companies)
    if backend == "sqlite":
        url, drop = f"sqlite:///{workdir / f'bench-{companies}.db'}", None
    else:
        name = f"billbot_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        url, drop = f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}", name
    try:
        seed(url, data)
        floor = min(floor_seconds(url) for _ in range(3))
        child = subprocess.run(
            [sys.executable, __file__, "--close", url], capture_output=True, text=True, check=True
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        if drop:
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {drop} WITH (FORCE)")
    rows = sum(len(v) for v in data.values())
    return {"backend": backend, "companies": companies, "rows": rows, "floor": floor, **result}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--close")
    parser.add_argument("--companies", default="1000,3000,10000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    if args.close:
        close_child(args.close)
        return
    sizes = [int(n) for n in args.companies.split(",")]
    print(
        f"{'backend':<11}{'companies':>10}{'rows':>11}{'close s':>9}{'rows/s':>10}"
        f"{'floor s':>9}{'x floor':>9}{'peak MB':>9}{'s/1k co':>9}  second run"
    )
    with tempfile.TemporaryDirectory() as workdir:
        for backend in args.backends.split(","):
            for companies in sizes:
                r = measure(backend, companies, Path(workdir))
                print(
                    f"{r['backend']:<11}{r['companies']:>10,}{r['rows']:>11,}"
                    f"{r['seconds']:>9.2f}{r['rows'] / r['seconds']:>10,.0f}{r['floor']:>9.2f}"
                    f"{r['seconds'] / r['floor']:>9.1f}{r['peak_mb']:>9.0f}"
                    f"{r['seconds'] / companies * 1000:>9.2f}  "
                    f"{r['second_run_finalized']} finalized",
                    flush=True,
                )


if __name__ == "__main__":
    main()
