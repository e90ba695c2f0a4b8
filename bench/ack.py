"""Ack latency: billbot's `/billing companies` against a bare Bolt app that only acks.

Both run as real servers on 127.0.0.1 (uvicorn), billbot with 1,000 companies seeded and the
local Slack Web API stand-in behind it. 20 client threads send the same Slack-signed command;
rounds alternate between the two servers. Prints p50/p99 latency, throughput and the ratios.
Run: .venv/bin/python bench/ack.py [--requests 1000] [--rounds 3] [--concurrency 20]
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from commands.actor import identify  # noqa: E402
from commands.create_company import create_company  # noqa: E402
from storage.database import make_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.unit_of_work import UnitOfWork  # noqa: E402
from tests.e2e.slack import SECRET, StandIn, free_port, get, signature  # noqa: E402

BARE_APP = """
import uvicorn
from slack_bolt import App
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_sdk import WebClient
app = App(token="xoxb-bare", signing_secret="{secret}", process_before_response=True,
          token_verification_enabled=False,
          client=WebClient(token="xoxb-bare", base_url="{api}"))
@app.command("/billing")
def billing(ack):
    ack()
uvicorn.run(SlackRequestHandler(app), host="127.0.0.1", port={port}, log_level="warning",
            access_log=False)
"""


def seed(url: str, companies: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    uow = UnitOfWork(engine)
    now = datetime.now(UTC)
    dan = identify(uow, team_id="T1", user_id="UDAN", name="dan", account_type="developer", now=now)
    for n in range(companies):
        create_company(uow, actor=dan, name=f"Company {n:04d}", now=now)
    engine.dispose()


def wait_ready(port: int, path: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(f"http://127.0.0.1:{port}{path}")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on {port} did not start")


def fire(port: int, requests: int, concurrency: int, respond_to: str) -> tuple[list[float], float]:
    body = urlencode(
        {
            "token": "t",
            "team_id": "T1",
            "team_domain": "agency",
            "channel_id": "C1",
            "user_id": "UDAN",
            "user_name": "dan",
            "command": "/billing",
            "text": "companies",
            "api_app_id": "A1",
            "response_url": respond_to,
            "trigger_id": "1.2.3",
        }
    )
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = requests // concurrency

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for _ in range(per_thread):
            stamp = str(int(time.time()))
            headers = {
                "content-type": "application/x-www-form-urlencoded",
                "x-slack-request-timestamp": stamp,
                "x-slack-signature": signature(SECRET, stamp, body),
            }
            started = time.perf_counter()
            connection.request("POST", "/slack/events", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 200:
                raise SystemExit(f"status {response.status}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(latencies) / (time.perf_counter() - started)


TICKS = os.sysconf("SC_CLK_TCK")


def cpu(pid: int, thread: int | None = None) -> float:
    """CPU seconds (user + system) of a process, or of one of its threads."""
    path = f"/proc/{pid}/task/{thread}/stat" if thread else f"/proc/{pid}/stat"
    fields = Path(path).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def drain(standin: StandIn) -> None:
    """Wait until billbot has posted a reply for every command it acked."""
    expected = len(standin.calls("respond"))
    while True:
        time.sleep(0.5)
        seen = len(standin.calls("respond"))
        if seen == expected:
            return
        expected = seen


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--companies", type=int, default=1000)
    args = parser.parse_args()
    standin = StandIn()
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'ack.db'}"
    seed(url, args.companies)
    bare_port, bot_port = free_port(), free_port()
    bare = subprocess.Popen(
        [
            sys.executable,
            "-c",
            BARE_APP.format(secret=SECRET, port=bare_port, api=f"{standin.url}/api/"),
        ]
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SLACK_BOT_TOKEN": "xoxb-local-1",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{standin.url}/api/",
        "PORT": str(bot_port),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    billbot = subprocess.Popen(
        [str(Path(sys.executable).with_name("billbot")), "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready(bare_port, "/slack/events")
        wait_ready(bot_port, "/healthz")
        respond_to = f"{standin.url}/respond/bench"
        results: dict[str, list[tuple[list[float], float]]] = {"bare": [], "billbot": []}
        # CPU seconds per request: of the event loop's thread (the ack), and of the whole
        # process with the work after the ack (billbot's replies, drained after each round)
        ack_cpu: dict[str, list[float]] = {"bare": [], "billbot": []}
        all_cpu: dict[str, list[float]] = {"bare": [], "billbot": []}
        fire(bot_port, 100, 10, respond_to)  # warm both (caches, pools)
        fire(bare_port, 100, 10, respond_to)
        drain(standin)
        servers = {"bare": (bare_port, bare.pid), "billbot": (bot_port, billbot.pid)}
        for _ in range(args.rounds):
            for name, (port, pid) in servers.items():
                loop_before, all_before = cpu(pid, pid), cpu(pid)
                results[name].append(fire(port, args.requests, args.concurrency, respond_to))
                ack_cpu[name].append((cpu(pid, pid) - loop_before) / args.requests)
                drain(standin)  # billbot's replies finish before the next round is timed
                all_cpu[name].append((cpu(pid) - all_before) / args.requests)
        print(
            f"{args.rounds} rounds x {args.requests} signed `/billing companies`, "
            f"{args.concurrency} concurrent, {args.companies} companies seeded"
        )
        summary = {}
        for name, rounds in results.items():
            p50 = statistics.median(p(r[0], 50) for r in rounds)
            p99 = statistics.median(p(r[0], 99) for r in rounds)
            rate = statistics.median(r[1] for r in rounds)
            summary[name] = (p50, p99, rate)
            print(
                f"{name:<8} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   {rate:7.0f} req/s (medians); "
                f"CPU per request: event loop {1000 * statistics.median(ack_cpu[name]):.2f} ms, "
                f"process {1000 * statistics.median(all_cpu[name]):.2f} ms"
            )
        (_, b99, brate), (_, o99, orate) = summary["bare"], summary["billbot"]
        print(
            f"billbot/bare: p99 x{o99 / b99:.2f} (target <= 1.5), "
            f"throughput x{orate / brate:.2f} (target >= 0.8); load average {loadavg()}"
        )
    finally:
        for process in (bare, billbot):
            process.terminate()
            process.wait(timeout=10)
        standin.stop()


if __name__ == "__main__":
    main()
