"""Two `billbot serve` replicas on one PostgreSQL behind HAProxy, under bench/load.py's load.

Starts the Slack Web API stand-in, a fresh PostgreSQL database (BILLBOT_TEST_PG, dropped at the
end), two `billbot serve` on it (each on its own loopback port, both delivering notices and
competing for the scheduler's leader lock) and Debian's HAProxy in front (round robin, health
checked on GET /healthz, bound to a free loopback port; `apt-get install haproxy`), started and
stopped here. Seeds through the balancer as bench/load.py does, then sends bench/load.py's mix
open loop at `--rate` a second for `--seconds` to the balancer, and while the load runs writes
`--notices` direct messages into the outbox (in batches, as use cases do), which either replica
may deliver.

Prints: the delivered rate, ack latency and errors; deferred replies arrived of expected and how
long the last ones took; how many times each notice was posted (each once); per replica the
requests HAProxy gave it, its CPU seconds and CPU per request (its share of the requests), its
RSS; the PostgreSQL backends' and HAProxy's CPU; the load average.
Run: .venv/bin/python bench/replicas.py [--rate 300] [--seconds 60] [--notices 300]
"""

import argparse
import asyncio
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from load import (
    MIX,
    Database,
    LoadStandIn,
    Serve,
    backends_cpu,
    cpu_seconds,
    drain_backlog,
    load,
    loadavg,
    log_summary,
    ms,
    owed,
    percentile,
    plan_requests,
    print_kinds,
    rss_mb,
    seed,
)
from sqlmodel import select

from storage.database import make_engine
from storage.notices import notify
from storage.tables import Person
from storage.unit_of_work import UnitOfWork
from tests.e2e.slack import free_port, serve_env

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
CONFIG = """
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option http-keep-alive
frontend slack
    bind 127.0.0.1:{port}
    default_backend billbot
backend billbot
    balance roundrobin
    option httpchk GET /healthz
{servers}
"""


def start_haproxy(folder: Path, backends: list[int]) -> tuple[subprocess.Popen, int]:
    port = free_port()
    servers = "\n".join(
        f"    server r{n} 127.0.0.1:{p} check inter 1s" for n, p in enumerate(backends, 1)
    )
    config = folder / "haproxy.cfg"
    config.write_text(CONFIG.format(port=port, servers=servers))
    check = subprocess.run([HAPROXY, "-c", "-f", str(config)], capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"haproxy refused its configuration:\n{check.stderr}")
    process = subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as got:
                if got.status == 200:
                    return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("haproxy did not answer /healthz")


def requests_served(url: str) -> float:
    """/slack/events requests this replica answered (its own /metrics)."""
    with urllib.request.urlopen(f"{url}/metrics", timeout=30) as response:
        page = response.read().decode()
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in page.splitlines()
        if line.startswith('billbot_http_requests_total{path="/slack/events"')
    )


async def write_notices(database_url: str, count: int, seconds: float) -> None:
    """`count` direct messages to dan, written in ten batches spread over the load."""
    engine = make_engine(database_url)
    uow = UnitOfWork(engine)
    with uow.read():
        dan = uow.session.exec(select(Person).where(Person.slack_user_id == "UDAN")).one()
    batch = max(1, count // 10)
    for start in range(0, count, batch):
        await asyncio.sleep(seconds / 11)

        def write(start: int = start) -> None:
            with uow:
                for n in range(start, min(count, start + batch)):
                    notify(
                        uow.session,
                        workspace_id=dan.workspace_id,
                        key=f"bench-notice-{n}",
                        people=[dan.id or 0],
                        now=datetime.now(UTC),
                        text=f"Bench notice #{n} of {count}",
                    )
                uow.commit()

        await asyncio.to_thread(write)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=300.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--notices", type=int, default=300)
    parser.add_argument("--drain", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    standin = LoadStandIn()
    folder = Path(tempfile.mkdtemp(prefix="billbot-replicas-"))
    database = Database("postgresql", folder)
    replicas: list[Serve] = []
    balancer = None
    try:
        for n in (1, 2):
            env = serve_env(folder, standin, DATABASE_URL=database.url)
            replicas.append(Serve({**env, "BILLBOT_LOG": str(folder / f"serve-{n}.log")}))
        balancer, port = start_haproxy(folder, [r.port for r in replicas])
        front = f"http://127.0.0.1:{port}"
        entry = Serve.__new__(Serve)  # replica 1's helpers, sending through the balancer
        entry.__dict__.update(replicas[0].__dict__, url=front)
        world = seed(entry, standin, database.url)
        standin.forget()
        count = int(args.rate * args.seconds)
        specs = plan_requests(world, count, random.Random(args.seed), dict(MIX))
        print(
            f"=== 2 replicas (pids {', '.join(str(r.process.pid) for r in replicas)}) on "
            f"PostgreSQL behind HAProxy {front}; {args.rate:g} req/s for {args.seconds:g} s "
            f"({count} requests), {args.notices} notices; loadavg {loadavg()}",
            flush=True,
        )
        served_before = [requests_served(r.url) for r in replicas]
        cpu_before = [cpu_seconds(r.process.pid) for r in replicas]
        pg_before, lb_before = backends_cpu(database.name), cpu_seconds(balancer.pid)
        started = time.monotonic()

        async def both() -> tuple:
            pid = replicas[0].process.pid
            tag = uuid.uuid4().hex[:6].upper()
            _, ran = await asyncio.gather(
                write_notices(database.url, args.notices, args.seconds),
                load(front, specs, args.rate, tag, f"{standin.url}/respond", standin, pid, 30),
            )
            return ran

        results, sending, _ = asyncio.run(both())
        load_seconds = time.monotonic() - started
        standin.tally()
        _, owed_at_end = owed(results, standin)
        drained = drain_backlog(results, standin, args.drain)
        deadline = time.monotonic() + args.drain
        while len(standin.notices) < args.notices and time.monotonic() < deadline:
            time.sleep(0.5)
            standin.tally()
        still_owed = owed(results, standin)[1]
        served = [requests_served(r.url) - b for r, b in zip(replicas, served_before, strict=True)]
        cpus = [cpu_seconds(r.process.pid) - b for r, b in zip(replicas, cpu_before, strict=True)]
        latencies = [r.latency for r in results if r.ok and r.latency is not None]
        errors = Counter(r.error for r in results if r.error)
        print(
            f"sent {len(results)} in {sending:.1f} s: {len(results) / sending:.1f} req/s "
            f"delivered to the balancer (target {args.rate:g}); "
            f"ack p50 {ms(percentile(latencies, 50))} p99 {ms(percentile(latencies, 99))} "
            f"max {ms(max(latencies))} ms"
        )
        print(
            f"errors: {sum(errors.values())}"
            + (": " + ", ".join(f"{k} x{n}" for k, n in errors.most_common()) if errors else "")
        )
        print(
            f"replies: {owed_at_end} owed when the last ack arrived; "
            + (
                f"all arrived {drained:.1f} s later"
                if not still_owed
                else f"{still_owed} still missing after {drained:.0f} s"
            )
        )
        print_kinds(results, standin)
        times = Counter(standin.notices.values())
        print(
            f"notices: {len(standin.notices)} of {args.notices} posted; times each was posted: "
            + ", ".join(f"{k}x: {v}" for k, v in sorted(times.items()))
        )
        for n, (replica, share, used) in enumerate(zip(replicas, served, cpus, strict=True), 1):
            print(
                f"replica {n}: {share:.0f} requests ({100 * share / max(1, sum(served)):.0f}%), "
                f"CPU {used:.1f} s over {load_seconds:.0f} s "
                f"({100 * used / load_seconds:.0f}% of a core), "
                f"{1000 * used / max(1, share):.2f} ms CPU per request; "
                f"RSS {rss_mb(replica.process.pid):.0f} MB"
            )
        print(
            f"PostgreSQL backends CPU {backends_cpu(database.name) - pg_before:.1f} s; HAProxy "
            f"{cpu_seconds(balancer.pid) - lb_before:.1f} s; loadavg {loadavg()}"
        )
        for n, _ in enumerate(replicas, 1):
            for line in log_summary(folder / f"serve-{n}.log"):
                print(f"replica {n} {line}")
    finally:
        if balancer is not None:
            balancer.terminate()
            balancer.wait(timeout=10)
        for replica in replicas:
            replica.stop()
        standin.stop()
        database.drop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
