"""Open-loop load: a real `billbot serve` under a steady, realistic mix of Slack-signed requests.

Starts the local Slack Web API stand-in (tests/e2e/slack_standin.py in its own process, plus an
endpoint that lists new calls cheaply and a listen queue of 512) and `billbot serve` on
127.0.0.1 on a fresh database: a temporary SQLite file, or a fresh PostgreSQL database on
127.0.0.1:5432 (BILLBOT_TEST_PG), dropped at the end. Seeds it through signed `/billing`
commands (6 plans, 20 companies, 50 apps with domains, roles for five people, a team, channel
links, reminders, metered usage), then sends `--rate` requests a second for `--seconds` on a
fixed clock (open loop: a slow answer never delays the next send) from one asyncio/aiohttp
client with unlimited connections. The default mix (MIX): slash commands (companies, statement,
apps, access, company, help, whoami, plans; the writes `usage` and `reminders`), block_actions
clicks (`statement_view`, `billing_pay`, `show_help`), `app_mention` and `app_home_opened`
events (each with its own event_id), from five people: an operator, two developers, two clients.

Prints, per run: requests sent and the rate achieved (and how late the client itself was);
ack latency (send to HTTP answer) p50/p90/p99/max overall and per kind, and how many took over
3 s (Slack would retry them); errors (any non-200 or connection error, by kind); a timeline
every 10 s: the window's ack p99, deferred replies owed, billbot's RSS (VmRSS of its process
tree; target flat and under 200 MB), its CPU, the load average and how long GET /healthz takes.
After the load: the backlog of work after the ack (replies to response_url, modals by
views.open, answers in the mention's thread, Home tabs by views.publish; each tied to its
request by the ids the request carried), how long it takes to drain (up to --drain s), replies
arrived/expected and reply delay (request sent -> reply at the stand-in) per kind; CPU seconds
of billbot, the stand-in, this client and the PostgreSQL backends (2 cores share them), CPU per
request, /proc/loadavg, the outbox depth from /metrics and the warnings and errors in the log.

Finding a bottleneck: `--py-spy` samples billbot with py-spy (from PyPI: `.venv/bin/pip install
py-spy`; 100 Hz, only the thread holding the GIL, so a sample is a slice of billbot's own CPU)
for the whole load and prints where a request's CPU goes, per phase, in ms of CPU per request.
`--sample` runs billbot under a wall-clock
stack sampler (every thread, 100 Hz: where threads wait, e.g. on a lock); `--profile` under
cProfile in every thread, timed by thread CPU (several times slower: use a lower --rate);
`--mix kind=weight,...` sends another mix, e.g. one kind alone to price it.

Run: .venv/bin/python bench/load.py [--database sqlite|postgresql|all] [--rate 200]
     [--seconds 60] [--drain 60] [--timeout 30] [--seed 1] [--mix ...]
     [--py-spy | --sample | --profile]
"""

import argparse
import asyncio
import io
import json
import os
import pstats
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import text  # noqa: E402

from storage.database import make_engine  # noqa: E402
from tests.e2e.slack import (  # noqa: E402
    SECRET,
    STANDIN,
    Billbot,
    StandIn,
    serve_env,
    signature,
)

PG_ADMIN = os.environ.get("BILLBOT_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
TICKS = os.sysconf("SC_CLK_TCK")
MENTION_CHANNEL = "CLOAD"  # where the mentions are: their answers come here
SLACK_TIMEOUT = 3.0  # Slack retries what is not acknowledged within 3 s

# --------------------------------------------------------------------------- the stand-in

# The stand-in as the e2e tests run it, plus GET /_calls_since/<n>: the calls recorded from the
# n-th on, each as [method, the load request it answers ("" if none), when], so the bench never
# downloads every recorded call (with its blocks) while it measures; and a listen queue of 512
# instead of http.server's 5 (Slack does not refuse connections).
# A call answers load request i when it is a post to its response_url (.../respond/<kind>-<i>),
# a views.open with its trigger_id (<i>.<n>.<run>), or a message or ephemeral message in the
# mentions' channel threaded under its ts (<seconds>.<i>). Home tabs (views.publish) carry no
# id: they are told apart by person (a Home open is answered by the next drawing of that
# person's tab: billbot draws one person's tab at most once every 2 s, folding opens between).
STANDIN_LAUNCHER = """
import sys
from http.server import ThreadingHTTPServer
sys.path.insert(0, {folder!r})
import slack_standin as s


def answers(call):
    parts = call["path"].split("?")[0].strip("/").split("/")
    args = call["args"]
    if str(args.get("text") or "").startswith("Bench notice #"):  # bench/replicas.py's notices
        return "notice:" + str(args["text"]).split("#")[1].split()[0]
    if parts[0] == "respond" and len(parts) > 1:
        return parts[1].rpartition("-")[2]
    if call["method"] in ("views.open", "views.update"):
        return str(args.get("trigger_id") or "").split(".")[0]
    if call["method"] == "views.publish":
        return "home:" + str(args.get("user_id") or "")
    if args.get("channel") == {channel!r}:
        return str(args.get("thread_ts") or "").rpartition(".")[2].lstrip("0") or "0"
    return ""


class Counting(s.Handler):
    def do_GET(self):
        if not self.path.startswith("/_calls_since/"):
            return super().do_GET()
        start = int(self.path.rsplit("/", 1)[1])
        with s.LOCK:
            calls = s.CALLS[start:]
        self._send(200, [[c["method"], answers(c), c["at"]] for c in calls])


class Server(ThreadingHTTPServer):
    request_queue_size = 512
    daemon_threads = True


server = Server(("127.0.0.1", 0), Counting)
print(f"PORT {{server.server_address[1]}}", flush=True)
server.serve_forever()
"""


class LoadStandIn(StandIn):
    """tests/e2e's StandIn, launched with the extra endpoint; `tally()` reads what is new."""

    def __init__(self) -> None:
        code = STANDIN_LAUNCHER.format(folder=str(STANDIN.parent), channel=MENTION_CHANNEL)
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True
        )
        line = self.process.stdout.readline() if self.process.stdout else ""
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"
        self.seen = 0
        self.methods: Counter[str] = Counter()
        self.first_reply: dict[int, float] = {}  # load request -> when its first reply came
        self.home_drawn: dict[str, float] = {}  # person -> when their Home tab was last published
        self.notices: Counter[str] = Counter()  # bench notice number -> times posted

    def tally(self) -> None:
        with urllib.request.urlopen(f"{self.url}/_calls_since/{self.seen}", timeout=60) as got:
            calls = json.loads(got.read())
        self.seen += len(calls)
        for method, answers, at in calls:
            self.methods[method] += 1
            if answers.isdigit():
                self.first_reply.setdefault(int(answers), at)
            elif answers.startswith("notice:"):
                self.notices[answers.removeprefix("notice:")] += 1
            elif answers.startswith("home:"):
                user = answers.removeprefix("home:")
                self.home_drawn[user] = max(at, self.home_drawn.get(user, 0.0))

    def forget(self) -> None:
        request = urllib.request.Request(f"{self.url}/_calls", method="DELETE")
        with urllib.request.urlopen(request, timeout=10):
            pass
        self.seen = 0
        self.methods.clear()
        self.first_reply.clear()
        self.home_drawn.clear()
        self.notices.clear()


# --------------------------------------------------------------------------- billbot serve

# `billbot serve` under a sampler: a daemon thread reads every thread's stack 100 times a
# second and rewrites the counts to a JSON file every 2 s (py-spy is not installed here).
SAMPLED_SERVE = """
import collections, json, sys, threading, time
sys.argv = ["billbot", "serve"]
OUT = {out!r}
own, leaf, stacks = collections.Counter(), collections.Counter(), collections.Counter()
names = {{}}


def where(frame):
    return f"{{frame.f_code.co_filename.split('site-packages/')[-1]}}:{{frame.f_code.co_name}}"


def sample():
    me = threading.get_ident()
    last = time.monotonic()
    while True:
        time.sleep(0.01)
        for thread in threading.enumerate():
            names[thread.ident] = thread.name
        for ident, frame in sys._current_frames().items():
            if ident == me:
                continue
            group = names.get(ident, "?").rstrip("0123456789_").rstrip("-_ ") or "?"
            chain, seen = [], set()
            leaf[(group, where(frame))] += 1
            while frame is not None:
                name = where(frame)
                if name not in seen:
                    seen.add(name)
                    own[(group, name)] += 1
                chain.append(name)
                frame = frame.f_back
            mine = [n for n in chain[1:] if n.startswith({root!r})]  # the project's frames
            stacks[(group, " <- ".join([chain[0], *mine[:6]]).replace({root!r}, ""))] += 1
        if time.monotonic() - last > 2:
            last = time.monotonic()
            with open(OUT + ".tmp", "w") as f:
                json.dump({{
                    "inclusive": [[g, n, c] for (g, n), c in own.most_common(400)],
                    "leaf": [[g, n, c] for (g, n), c in leaf.most_common(200)],
                    "stacks": [[g, n, c] for (g, n), c in stacks.most_common(60)],
                }}, f)
            import os
            os.replace(OUT + ".tmp", OUT)


threading.Thread(target=sample, daemon=True, name="sampler").start()
from bot.cli import main
main()
"""


# `billbot serve` under cProfile in every thread, timing each thread's own CPU
# (time.thread_time); SIGUSR1 writes the merged profile. Slows billbot several times over: run
# it at a lower --rate; the shares, not the speed, are the point.
PROFILED_SERVE = """
import cProfile, pstats, signal, sys, threading, time
sys.argv = ["billbot", "serve"]
OUT = {out!r}
profiles = []


def per_thread(*_):
    sys.setprofile(None)
    profile = cProfile.Profile(time.thread_time)
    profiles.append(profile)
    profile.enable()


def dump(*_):
    pstats.Stats(*profiles).dump_stats(OUT)


threading.setprofile(per_thread)
signal.signal(signal.SIGUSR1, dump)
first = cProfile.Profile(time.thread_time)
profiles.append(first)
first.enable()
from bot.cli import main
main()
"""


class Serve(Billbot):
    """`billbot serve` (or a launcher around it: the sampler, the profiler); stopped by its pid,
    killed if it hangs (its work queue may still hold thousands of items when the load ends)."""

    def __init__(self, env: dict[str, str], launcher: Path | None = None) -> None:
        if launcher is None:
            super().__init__(env)
            return
        import tests.e2e.slack as e2e  # Billbot starts [e2e.BILLBOT, "serve"]: swap the script

        launcher.chmod(0o755)
        real, e2e.BILLBOT = e2e.BILLBOT, launcher
        try:
            super().__init__(env)
        finally:
            e2e.BILLBOT = real

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()


# --------------------------------------------------------------------------- databases


class Database:
    """A fresh SQLite file or PostgreSQL database (billbot serve migrates it); `drop()`s it."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend, self.name = backend, f"billbot_load_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            self.url = f"sqlite:///{folder / f'{self.name}.db'}"
        else:
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {self.name}")
            self.url = f"{PG_ADMIN.rsplit('/', 1)[0]}/{self.name}"

    def drop(self) -> None:
        if self.backend == "postgresql":
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        else:
            path = Path(self.url.removeprefix("sqlite:///"))
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


# --------------------------------------------------------------------------- /proc


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        queue.extend(_children(current))
    return pids


def rss_mb(pid: int) -> float:
    """VmRSS of a process and its descendants, in MB."""
    total = 0
    for one in tree(pid):
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its descendants."""
    total = 0
    for one in tree(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / TICKS


def backends_cpu(database: str) -> float:
    """CPU of the PostgreSQL backends serving one database (found by their process titles;
    a backend that exits takes its share with it)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if title.startswith("postgres: ") and f" {database} " in title:
                total += cpu_seconds(int(entry.name))
        except (OSError, ValueError):
            pass
    return total


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --------------------------------------------------------------------------- seeding

COMPANIES = [
    "Acme Corp",
    "Bakery Blum",
    "Pixel & Co",
    "Corner Café",
    "Nordic Fjord Travel",
    "Blue Harbor Dental",
    "Greenleaf Grocers",
    "Summit Legal",
    "Urban Bikes",
    "Lumen Studio",
    "Red Kite Media",
    "Oak & Iron",
    "Harbor Freight Co",
    "Sunny Side Daycare",
    "Vienna Opera Tickets",
    "Atlas Logistics",
    "Maple Yoga",
    "Quantum Labs",
    "Riverside Books",
    "Zephyr Air",
]
EUR = {4, 10, 14, 18}  # these companies bill in EUR, on Vienna's clock
APP_WORDS = ["shop", "api", "blog", "admin", "staging"]
PEOPLE = {  # user id -> (name, weight in the load)
    "UDAN": ("dan", 30),
    "UERIN": ("erin", 25),
    "UOLIVIA": ("olivia", 15),
    "UEXTCARLA": ("carla", 15),
    "UGUESTGINA": ("gina", 15),
}


@dataclass
class World:
    """What the seed made, for building requests that find what they ask for."""

    company_ids: dict[str, int] = field(default_factory=dict)
    visible: dict[str, list[str]] = field(default_factory=dict)  # user -> company names
    metered: dict[str, list[str]] = field(default_factory=dict)  # developer -> metered apps
    owned: dict[str, list[str]] = field(default_factory=dict)  # user -> companies they own
    commands: int = 0


def mention(user: str) -> str:
    return f"<@{user}|{PEOPLE[user][0]}>"


def quoted(name: str) -> str:
    return f'"{name}"'


def seed(bot: Serve, standin: LoadStandIn, database_url: str) -> World:
    world = World()
    today = datetime.now(UTC).date()
    month_start = today.replace(day=1)

    def run(line: str, user: str) -> None:
        reply = bot.reply(standin, line, user=user, name=PEOPLE[user][0])
        world.commands += 1
        if "Usage:" in reply or "can't" in reply or "not allowed" in reply.lower():
            raise SystemExit(f"seeding failed at `/billing {line}` as {user}:\n{reply}")

    for line in (
        "plan new Basic 29 USD",
        "plan new Pro 99 USD",
        "plan new Metered 10 USD metric:requests unit:0.01 included:1000",
        'plan new "Basic EUR" 25 EUR',
        "plan new Staging 5 USD env:staging",
        'plan new "Staging EUR" 4 EUR env:staging',
    ):
        run(line, "UOLIVIA")
    creator = {}
    for n, name in enumerate(COMPANIES):
        owner = "UDAN" if n < 12 else "UERIN"
        creator[name] = owner
        slug = name.split()[0].lower().replace("é", "e")
        extra = " currency:EUR tz:Europe/Vienna" if n in EUR else ""
        run(f"company new {quoted(name)} email:billing@{slug}.example{extra}", owner)
    for k in range(50):
        n = k % len(COMPANIES)
        name = COMPANIES[n]
        app = f"{name.split()[0].lower().replace('é', 'e')}-{APP_WORDS[k // len(COMPANIES)]}"
        if k >= 40:  # the fifth app of ten companies: staging
            plan = "Staging EUR" if n in EUR else "Staging"
            run(
                f"app new {app} company:{quoted(name)} env:staging plan:{quoted(plan)}",
                creator[name],
            )
            continue
        if n in EUR:
            plan = "Basic EUR"
        elif k % 7 == 3:
            plan = "Metered"
            world.metered.setdefault(creator[name], []).append(app)
        else:
            plan = "Pro" if k % 3 == 0 else "Basic"
        trial = " trial" if k % 11 == 5 else ""
        run(f"app new {app} company:{quoted(name)} plan:{quoted(plan)}{trial}", creator[name])
        run(f"app domain {app} {app}.example since:{month_start.isoformat()}", creator[name])
    grants = [
        *((c, "UERIN", "admin", "UDAN") for c in range(4)),
        *((c, "UEXTCARLA", "owner", "UDAN") for c in range(4)),
        *((c, "UGUESTGINA", "billing", "UDAN") for c in range(4, 8)),
        *((c, "UDAN", "viewer", "UERIN") for c in range(12, 15)),
        *((c, "UGUESTGINA", "billing", "UERIN") for c in range(12, 14)),
    ]
    for n, user, role, by in grants:
        run(f"grant {mention(user)} company:{quoted(COMPANIES[n])} role:{role}", by)
    run('team new "Web devs"', "UDAN")
    run(f'team add "Web devs" {mention("UERIN")}', "UDAN")
    run(f'grant team:"Web devs" company:{quoted(COMPANIES[8])} role:viewer', "UDAN")
    for n in (0, 1, 5, 12, 16):
        slug = COMPANIES[n].split()[0].lower()
        run(
            f"channel link {quoted(COMPANIES[n])} <#C{slug.upper()[:8]}|{slug}-billing>",
            creator[COMPANIES[n]],
        )
    for n in (2, 13):
        run(f"reminders {quoted(COMPANIES[n])} days:5 time:08:30 on", creator[COMPANIES[n]])
    for developer, apps in world.metered.items():
        for app in apps:
            for back in range(min(3, today.day)):
                day = (today - timedelta(days=back)).isoformat()
                run(f"usage {app} requests {1500 + 700 * back} on:{day}", developer)

    engine = make_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, name FROM company")).all()
    engine.dispose()
    world.company_ids = {name: company_id for company_id, name in rows}
    everything = list(COMPANIES)
    world.visible = {
        "UDAN": COMPANIES[:15],
        "UERIN": COMPANIES[12:] + COMPANIES[:4] + [COMPANIES[8]],
        "UOLIVIA": everything,
        "UEXTCARLA": COMPANIES[:4],
        "UGUESTGINA": COMPANIES[4:8] + COMPANIES[12:14],
    }
    world.owned = {
        "UDAN": COMPANIES[:12],
        "UERIN": COMPANIES[12:],
        "UEXTCARLA": COMPANIES[:4],
    }
    return world


# --------------------------------------------------------------------------- requests

MIX = {  # kind -> weight (per cent of all requests)
    "cmd:companies": 10,
    "cmd:statement": 12,
    "cmd:apps": 7,
    "cmd:access": 5,
    "cmd:company": 4,
    "cmd:help": 4,
    "cmd:whoami": 2,
    "cmd:plans": 2,
    "cmd:usage": 3,  # a write
    "cmd:reminders": 1,  # a write
    "click:statement_view": 10,
    "click:billing_pay": 4,
    "click:show_help": 4,
    "event:app_mention": 12,
    "event:app_home_opened": 20,
}
QUESTIONS = [
    "when is our next payment?",
    "how much do we owe this month?",
    "which card do you charge?",
    "hi!",
]


@dataclass(frozen=True)
class Spec:
    kind: str
    user: str
    arg: str = ""  # the command text, or the button value


def plan_requests(
    world: World, count: int, rng: random.Random, mix: dict[str, float]
) -> list[Spec]:
    kinds, weights = list(mix), list(mix.values())
    users = list(PEOPLE)
    user_weights = [PEOPLE[u][1] for u in users]
    month = datetime.now(UTC).strftime("%Y-%m")
    specs = []
    for kind in rng.choices(kinds, weights, k=count):
        user = rng.choices(users, user_weights)[0]
        if kind == "cmd:usage":
            user = rng.choice(list(world.metered))
        if kind == "cmd:reminders":
            user = rng.choice(list(world.owned))
        company = rng.choice(world.visible[user])
        arg = ""
        if kind == "cmd:statement":
            arg = f"statement {quoted(company)}"
        elif kind == "cmd:apps":
            arg = "apps" if rng.random() < 0.5 else f"apps {quoted(company)}"
        elif kind == "cmd:access":
            arg = f"access {quoted(company)}"
        elif kind == "cmd:company":
            arg = f"company {quoted(company)}"
        elif kind == "cmd:help":
            arg = rng.choice(["help", "help", "help statement", "help apps"])
        elif kind == "cmd:usage":
            arg = f"usage {rng.choice(world.metered[user])} requests {rng.randint(100, 5000)}"
        elif kind == "cmd:reminders":
            owned = rng.choice(world.owned[user])
            arg = f"reminders {quoted(owned)} days:{rng.randint(1, 7)} time:0{rng.randint(7, 9)}:30"
        elif kind.startswith("cmd:"):
            arg = kind.removeprefix("cmd:")
        elif kind == "click:statement_view":
            arg = f"{world.company_ids[company]}:{month}"
        elif kind == "click:billing_pay":
            arg = str(world.company_ids[company])
        elif kind == "event:app_mention":
            arg = rng.choice(QUESTIONS)
        specs.append(Spec(kind, user, arg))
    return specs


def build(spec: Spec, i: int, run_tag: str, respond_base: str) -> tuple[str, str]:
    """The body and its content type; the ids in it let the stand-in tell what answers it."""
    form = "application/x-www-form-urlencoded"
    name = PEOPLE[spec.user][0]
    if spec.kind.startswith("cmd:"):
        fields = {
            "token": "legacy",
            "team_id": "T1",
            "team_domain": "agency",
            "channel_id": "C1",
            "channel_name": "billing",
            "user_id": spec.user,
            "user_name": name,
            "command": "/billing",
            "text": spec.arg,
            "api_app_id": "A1",
            "response_url": f"{respond_base}/cmd-{i}",
            "trigger_id": f"{i}.1.{run_tag}",
        }
        return urlencode(fields), form
    if spec.kind.startswith("click:"):
        action = spec.kind.removeprefix("click:")
        payload: dict = {
            "type": "block_actions",
            "team": {"id": "T1", "domain": "agency"},
            "user": {"id": spec.user, "name": name, "team_id": "T1"},
            "api_app_id": "A1",
            "token": "legacy",
            "trigger_id": f"{i}.2.{run_tag}",
            "actions": [
                {
                    "action_id": action,
                    "block_id": "notice",
                    "type": "button",
                    "value": spec.arg or "x",
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        if action == "show_help":  # the Home tab's Help button: answered with a modal
            payload["container"] = {"type": "view", "view_id": "VHOME"}
            payload["view"] = {"id": "VHOME", "type": "home", "app_installed_team_id": "T1"}
            return urlencode({"payload": json.dumps(payload)}), form
        payload["container"] = {"type": "message", "message_ts": "1.1", "channel_id": "C1"}
        payload["channel"] = {"id": "C1", "name": "billing"}
        payload["response_url"] = f"{respond_base}/btn-{i}"
        return urlencode({"payload": json.dumps(payload)}), form
    now = time.time()
    if spec.kind == "event:app_mention":
        ts = f"{int(now)}.{i:06d}"
        event = {
            "type": "app_mention",
            "user": spec.user,
            "text": f"<@UBOT> {spec.arg}",
            "ts": ts,
            "channel": MENTION_CHANNEL,
            "event_ts": ts,
        }
    else:
        event = {
            "type": "app_home_opened",
            "user": spec.user,
            "channel": "D" + spec.user,
            "tab": "home",
            "event_ts": f"{now:.6f}",
        }
    envelope = {
        "token": "legacy",
        "type": "event_callback",
        "team_id": "T1",
        "api_app_id": "A1",
        "event": event,
        "event_id": f"Ev{run_tag}{i:08d}",
        "event_time": int(now),
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
    }
    return json.dumps(envelope), "application/json"


# --------------------------------------------------------------------------- the load


@dataclass
class Result:
    i: int
    kind: str
    sent_wall: float = 0.0
    lag: float = 0.0  # how late the client sent it against its schedule
    latency: float | None = None
    done: float = 0.0  # monotonic time of the answer
    error: str | None = None
    user: str = ""

    @property
    def ok(self) -> bool:
        return self.latency is not None and self.error is None


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def replies(results: list[Result], standin: LoadStandIn) -> tuple[Counter[str], Counter[str]]:
    """Per kind: deferred replies expected (one per acked request) and arrived (requests with a
    reply; a Home open, whose drawing carries no id, when that person's tab was published after
    it was sent)."""
    acked = [r for r in results if r.ok]
    expected = Counter(r.kind for r in acked)
    arrived = Counter(
        r.kind
        for r in acked
        if r.i in standin.first_reply
        or (
            r.kind == "event:app_home_opened" and standin.home_drawn.get(r.user, 0.0) >= r.sent_wall
        )
    )
    return expected, arrived


def owed(results: list[Result], standin: LoadStandIn) -> tuple[int, int]:
    """(replies expected so far, replies still owed)."""
    expected, arrived = replies(results, standin)
    return expected.total(), expected.total() - arrived.total()


async def load(
    url: str,
    specs: list[Spec],
    rate: float,
    run_tag: str,
    respond_base: str,
    standin: LoadStandIn,
    pid: int,
    timeout: float,
) -> tuple[list[Result], float, list[tuple]]:
    results: list[Result] = []
    timeline: list[tuple] = []
    connector = aiohttp.TCPConnector(limit=0, limit_per_host=0)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    endpoint = f"{url}/slack/events"

    async def fire(result: Result, body: str, content_type: str) -> None:
        stamp = str(int(time.time()))
        headers = {
            "content-type": content_type,
            "x-slack-request-timestamp": stamp,
            "x-slack-signature": signature(SECRET, stamp, body),
        }
        result.sent_wall = time.time()
        started = time.perf_counter()
        try:
            async with session.post(endpoint, data=body.encode(), headers=headers) as response:
                await response.read()
                status = response.status
        except TimeoutError:
            result.error = "timeout"
            return
        except aiohttp.ClientError as error:
            result.error = type(error).__name__
            return
        result.latency = time.perf_counter() - started
        result.done = time.monotonic()
        if status != 200:
            result.error = f"HTTP {status}"

    async def probe(address: str) -> str:
        """How long GET /healthz takes now (what a load balancer would see)."""
        started = time.perf_counter()
        try:
            async with session.get(address, timeout=aiohttp.ClientTimeout(total=5)) as got:
                await got.read()
                status = got.status
        except (TimeoutError, aiohttp.ClientError) as error:
            return type(error).__name__
        took = f"{1000 * (time.perf_counter() - started):.0f} ms"
        return took if status == 200 else f"HTTP {status}, {took}"

    async def monitor(started: float, stop: asyncio.Event) -> None:
        """Every 10 s: progress, the window's ack p99, replies owed, RSS, CPU, load, /healthz."""
        cpu_before, at_before = cpu_seconds(pid), time.monotonic()
        tick = started
        while True:
            tick += 10
            try:
                await asyncio.wait_for(stop.wait(), max(0.0, tick - time.monotonic()))
                return
            except TimeoutError:
                pass
            _, health = await asyncio.gather(
                asyncio.to_thread(standin.tally), probe(f"{url}/healthz")
            )
            cpu, at = cpu_seconds(pid), time.monotonic()
            window = [r.latency for r in results if r.ok and r.done > at_before]
            timeline.append(
                (
                    round(at - started),
                    len(results),
                    sum(r.ok for r in results),
                    sum(r.error is not None for r in results),
                    percentile(window, 99),
                    *owed(results, standin),
                    rss_mb(pid),
                    100 * (cpu - cpu_before) / (at - at_before),
                    loadavg().split()[0],
                    health,
                )
            )
            cpu_before, at_before = cpu, at

    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        loop = asyncio.get_running_loop()
        tasks = []
        stop = asyncio.Event()
        begin = loop.time() + 0.2
        watcher = asyncio.create_task(monitor(time.monotonic() + 0.2, stop))
        for i, spec in enumerate(specs):
            due = begin + i / rate
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            body, content_type = build(spec, i, run_tag, respond_base)
            result = Result(i, spec.kind, lag=loop.time() - due, user=spec.user)
            results.append(result)
            tasks.append(asyncio.create_task(fire(result, body, content_type)))
        sending = loop.time() - begin
        await asyncio.gather(*tasks)
        stop.set()
        await watcher
    return results, sending, timeline


# --------------------------------------------------------------------------- one run


def metrics_figures(url: str) -> dict[str, str]:
    try:
        with urllib.request.urlopen(f"{url}/metrics", timeout=30) as response:
            page = response.read().decode()
    except OSError as error:
        return {"billbot_outbox_pending": f"unreadable ({error})", "statuses": "?"}
    found = {}
    for name in ("billbot_outbox_pending",):
        match = re.search(rf"^{name} (\S+)$", page, re.M)
        found[name] = match.group(1) if match else "?"
    statuses = re.findall(
        r'^billbot_http_requests_total\{path="/slack/events",status="(\d+)"\} (\S+)$', page, re.M
    )
    found["statuses"] = ", ".join(f"{s}: {float(n):.0f}" for s, n in statuses)
    return found


def log_summary(path: Path) -> list[str]:
    levels: Counter[str] = Counter()
    messages: Counter[str] = Counter()
    for line in path.read_text(errors="replace").splitlines():
        match = re.match(r"\S+ \S+ (WARNING|ERROR|CRITICAL) (\S+) (.*)", line)
        if match:
            levels[match.group(1)] += 1
            messages[f"{match.group(1)} {match.group(2)}: {match.group(3)[:110]}"] += 1
        elif line.startswith(("Traceback", "sqlalchemy.exc", "psycopg")) or "Error:" in line:
            messages[f"  {line[:130]}"] += 1
    lines = [f"log: {sum(levels.values())} warnings/errors ({dict(levels) or 'none'})"]
    lines += [f"  {n:>6} x {text}" for text, n in messages.most_common(6)]
    return lines


def ms(value: float) -> str:
    return f"{value * 1000:7.1f}"


IDLE = ("threading.py:wait", "selectors.py:select", "concurrent/futures/thread.py:_worker")


def report_sampler(path: Path, top: int = 25) -> None:
    """Where billbot's threads were, 100 times a second: per thread group how often idle
    (waiting for work or for the network poll), and the busiest stacks (leaf frame <- the
    project's frames above it). A thread blocked on a lock or a socket counts as busy."""
    if not path.exists():
        print("sampler: no data")
        return
    data = json.loads(path.read_text())
    total: Counter[str] = Counter()
    idle: Counter[str] = Counter()
    for group, name, count in data["leaf"]:
        total[group] += count
        if name.endswith(IDLE):
            idle[group] += count
    print("\nsampler: samples per thread group (idle share)")
    print(
        "  " + ", ".join(f"{g} {c} ({100 * idle[g] / c:.0f}% idle)" for g, c in total.most_common())
    )
    print("  busiest stacks (leaf <- the project's frames, innermost first):")
    shown = 0
    for group, stack, count in data["stacks"]:
        if stack.split(" <- ")[0].endswith(IDLE) and " <- " not in stack:
            continue
        print(f"    {count:>6}  {group:<20} {stack}")
        shown += 1
        if shown == top:
            break


# Where a sampled stack belongs: the event loop's thread (the ack) by the frames it passes
# through; a worker thread (the work after the ack) by the first of these frames it holds.
ACK_PHASES = (
    ("ack: signature, shape, Bolt dispatch, listener", ("slack_routes.py",)),
    ("ack: Starlette routing, guard, metrics", ("starlette/", "bot/web/")),
    ("ack: HTTP parsing and writing (uvicorn, h11)", ("uvicorn/", "h11/")),
)
WORK_PHASES = (
    ("work: replay guard (one insert per request)", "first_time"),
    ("work: who is asking (actor lookup)", "Actors.actor"),
    ("work: Slack calls (respond, Web API: JSON, HTTP)", "slack_sdk/"),
    ("work: Home tab Block Kit", "home_view"),
    ("work: Home tab reads", "show_home"),
    ("work: questions (reader and answers)", "bot/ask.py"),
    ("work: parsing the /billing line", "bot/grammar/"),
    ("work: use case (reads, writes)", "bootstrap.py"),
    ("work: statement clicks (reads)", "show_statement"),
    ("work: rendering replies (text, Block Kit)", "bot/render/"),
)


def phase_of(frames: list[str]) -> str:
    if frames[0].startswith("<module>"):  # the main thread: the event loop
        for frame in reversed(frames):  # the innermost frame that tells
            for name, markers in ACK_PHASES:
                if any(m in frame for m in markers):
                    return name
        return "ack: the event loop itself (asyncio)"
    if any("anyio/" in f for f in frames) and any("slack_bolt/" in f for f in frames):
        return "ack: clicks and forms (Bolt, in Starlette's thread pool)"
    if any("Worker._run" in f for f in frames):
        for name, marker in WORK_PHASES:
            if any(marker in f for f in frames):
                return name
        return "work: other"
    if any("bot/delivery/" in f for f in frames):
        return "delivery of notices (outbox)"
    if any("apscheduler/" in f or "sweep" in f for f in frames):
        return "scheduler (sweeps)"
    return "other threads"


def report_py_spy(path: Path, cpu_per_request: float) -> None:
    """py-spy's samples (raw, collapsed stacks) as shares of billbot's CPU per request."""
    if not path.exists():
        print("py-spy: no samples")
        return
    phases: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        phases[phase_of(stack.split(";"))] += int(count)
    total = phases.total()
    print(f"\npy-spy: {total} samples of the thread holding the GIL; CPU per request by phase")
    print("  | phase | share | ms CPU per request |")
    print("  |---|---|---|")
    for name, count in sorted(phases.items()):
        share = count / total
        print(f"  | {name} | {100 * share:.1f}% | {1000 * cpu_per_request * share:.2f} |")


def drain_backlog(results: list[Result], standin: LoadStandIn, limit: float) -> float:
    """Wait (up to `limit` s) until every acked request has its reply; the seconds it took."""
    started = time.monotonic()
    standin.tally()
    while owed(results, standin)[1] and time.monotonic() - started < limit:
        time.sleep(0.5)
        standin.tally()
    return time.monotonic() - started


def print_latencies(results: list[Result], args: argparse.Namespace, sending: float) -> None:
    latencies = [r.latency for r in results if r.ok and r.latency is not None]
    errors = Counter(r.error for r in results if r.error)
    lags = [r.lag for r in results]
    print(
        f"sent {len(results)} in {sending:.1f} s: {len(results) / sending:.1f} req/s "
        f"(target {args.rate:g}); client send lag p99 {ms(percentile(lags, 99)).strip()} ms, "
        f"max {ms(max(lags)).strip()} ms"
    )
    print(
        f"ack latency (ms), {len(latencies)} OK: p50 {ms(percentile(latencies, 50))}  "
        f"p90 {ms(percentile(latencies, 90))}  p99 {ms(percentile(latencies, 99))}  "
        f"max {ms(max(latencies, default=float('nan')))}; over 3 s (Slack would retry): "
        f"{sum(v > SLACK_TIMEOUT for v in latencies)}"
    )
    print(
        f"errors: {sum(errors.values())} of {len(results)} "
        f"({100 * sum(errors.values()) / len(results):.2f}%)"
        + (": " + ", ".join(f"{k} x{n}" for k, n in errors.most_common()) if errors else "")
    )


def print_kinds(results: list[Result], standin: LoadStandIn) -> None:
    """Per kind: ack latency, errors, replies arrived of expected, reply delay."""
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    expected, arrived = replies(results, standin)
    print(
        "per kind                   n  ack p50     p90     p99     max  errors   replies"
        "   reply delay p50/p99 (s)"
    )
    for kind in MIX:
        rows = by_kind.get(kind, [])
        if not rows:
            continue
        good = [r.latency for r in rows if r.ok and r.latency is not None]
        delays = [
            standin.first_reply[r.i] - r.sent_wall for r in rows if r.i in standin.first_reply
        ]
        delay = (
            f"{percentile(delays, 50):6.2f} /{percentile(delays, 99):6.2f}" if delays else "     -"
        )
        print(
            f"  {kind:<22}{len(rows):>5} {ms(percentile(good, 50))} {ms(percentile(good, 90))} "
            f"{ms(percentile(good, 99))} {ms(max(good, default=float('nan')))} "
            f"{sum(r.error is not None for r in rows):>6} {arrived[kind]:>5}/{expected[kind]:<5}"
            f" {delay}"
        )


def report_profile(pid: int, path: Path, top: int = 30) -> None:
    """Ask the profiled billbot for its merged profile; print where its CPU went."""
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(1)
    if not path.exists():
        print("profile: billbot wrote none")
        return
    for order, title in (("tottime", "own CPU"), ("cumulative", "CPU with callees")):
        out = io.StringIO()
        stats = pstats.Stats(str(path), stream=out)
        total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
        stats.sort_stats(order).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next(n for n, line in enumerate(lines) if line.strip().startswith("ncalls"))
        print(f"\nprofile, top {top} by {title} (CPU seconds, all threads; {total:.1f} s in all):")
        for line in lines[start : start + top + 1]:
            print("  " + line.replace(str(ROOT) + "/", "").replace(str(Path(sys.prefix)), "venv"))


def run(backend: str, args: argparse.Namespace) -> dict:
    rng = random.Random(args.seed)
    run_tag = uuid.uuid4().hex[:6].upper()
    standin = LoadStandIn()
    folder = Path(tempfile.mkdtemp(prefix="billbot-load-"))
    database = Database(backend, folder)
    bot = None
    try:
        env = serve_env(folder, standin, DATABASE_URL=database.url)
        sample_to = folder / "samples.json" if args.sample else None
        profile_to = folder / "serve.prof" if args.profile else None
        launcher = None
        if sample_to or profile_to:
            launcher = folder / "launcher.py"
            code = (
                SAMPLED_SERVE.format(out=str(sample_to), root=str(ROOT) + "/")
                if sample_to
                else PROFILED_SERVE.format(out=str(profile_to))
            )
            launcher.write_text(f"#!{sys.executable}\n{code}")
        bot = Serve(env, launcher)
        pid = bot.process.pid
        seeded_at = time.monotonic()
        world = seed(bot, standin, database.url)
        spy, spied_to = None, folder / "py-spy.txt"
        if args.py_spy:
            py_spy = str(Path(sys.executable).with_name("py-spy"))
            spy = subprocess.Popen(
                [
                    py_spy,
                    "record",
                    "-p",
                    str(pid),
                    "--gil",
                    "--rate",
                    "100",
                    "--format",
                    "raw",
                    "-o",
                    str(spied_to),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        seed_seconds = time.monotonic() - seeded_at
        standin.forget()  # count only what the load causes
        count = int(args.rate * args.seconds)
        specs = plan_requests(world, count, rng, args.mix)
        print(
            f"\n=== {backend}: billbot serve pid {pid}, seeded with {world.commands} signed "
            f"commands in {seed_seconds:.1f} s; load {args.rate:g} req/s for {args.seconds:g} s "
            f"({count} requests); loadavg {loadavg()}",
            flush=True,
        )
        rss_start, cpu_start = rss_mb(pid), cpu_seconds(pid)
        standin_cpu_start, client_cpu_start = cpu_seconds(standin.process.pid), own_cpu()
        pg_cpu_start = backends_cpu(database.name)
        started = time.monotonic()
        respond_base = f"{standin.url}/respond"
        results, sending, timeline = asyncio.run(
            load(bot.url, specs, args.rate, run_tag, respond_base, standin, pid, args.timeout)
        )
        load_seconds = time.monotonic() - started
        rss_end, load_end_avg = rss_mb(pid), loadavg()
        cpu_load = cpu_seconds(pid) - cpu_start
        standin.tally()
        expected, owed_at_end = owed(results, standin)
        drain_seconds = drain_backlog(results, standin, args.drain)
        still_owed = owed(results, standin)[1]
        rss_drained = rss_mb(pid)
        cpu_total = cpu_seconds(pid) - cpu_start
        if spy is not None:
            spy.send_signal(signal.SIGINT)  # py-spy writes what it sampled and exits
            spy.wait(timeout=60)
        standin_cpu = cpu_seconds(standin.process.pid) - standin_cpu_start
        client_cpu = own_cpu() - client_cpu_start
        pg_cpu = backends_cpu(database.name) - pg_cpu_start
        figures = metrics_figures(bot.url)

        print_latencies(results, args, sending)
        print(f"all answered {load_seconds:.1f} s after the first send")
        print_kinds(results, standin)
        print(
            "timeline: t(s)  sent  acked errors  ack-p99(ms)  replies-due   owed  RSS(MB)  "
            "billbot-CPU  load1  /healthz"
        )
        print(f"          {0:>4} {0:>5} {0:>6} {0:>6} {'':>12} {0:>12} {0:>6} {rss_start:>8.1f}")
        for t, sent, ok, bad, p99, due, left, rss, cpu, avg, health in timeline:
            print(
                f"          {t:>4} {sent:>5} {ok:>6} {bad:>6} {ms(p99):>12} {due:>12} {left:>6}"
                f" {rss:>8.1f} {cpu:>11.0f}% {avg:>6}  {health}"
            )
        peak = max([rss_start, rss_end, rss_drained] + [row[7] for row in timeline])
        print(
            f"RSS (MB): start of load {rss_start:.1f}, end of load {rss_end:.1f}, after the drain "
            f"{rss_drained:.1f}, peak sample {peak:.1f} (target: flat, under 200)"
        )
        print(
            f"backlog: {owed_at_end} of {expected} deferred replies still owed when the last "
            "ack arrived; "
            + (
                f"all arrived {drain_seconds:.1f} s later"
                if not still_owed
                else f"{still_owed} still missing after {drain_seconds:.0f} s"
            )
        )
        print(
            "Web API calls at the stand-in: "
            + ", ".join(f"{k} {v}" for k, v in sorted(standin.methods.items()))
        )
        print(
            f"CPU seconds: billbot {cpu_load:.1f} during the load "
            f"({100 * cpu_load / load_seconds:.0f}% of one core), {cpu_total:.1f} with the drain;"
            f" stand-in {standin_cpu:.1f}; this client {client_cpu:.1f}"
            + (f"; PostgreSQL backends {pg_cpu:.1f}" if backend == "postgresql" else "")
            + f"; loadavg at the end of the load {load_end_avg}, now {loadavg()}"
        )
        print(
            f"billbot CPU per request, its deferred work included: "
            f"{1000 * cpu_total / len(results):.1f} ms (one core: "
            f"{len(results) / cpu_total:.0f} req/s at most)"
        )
        print(
            f"/metrics: outbox pending {figures['billbot_outbox_pending']}; "
            f"/slack/events answers by status (incl. seeding): {figures['statuses']}"
        )
        for line in log_summary(Path(env["BILLBOT_LOG"])):
            print(line)
        if spy is not None:
            report_py_spy(spied_to, cpu_total / len(results))
        if sample_to is not None:
            report_sampler(sample_to)
        if profile_to is not None:
            report_profile(pid, profile_to)
        latencies = [r.latency for r in results if r.ok and r.latency is not None]
        return {
            "backend": backend,
            "rate": len(results) / sending,
            "p50": percentile(latencies, 50),
            "p99": percentile(latencies, 99),
            "errors": sum(r.error is not None for r in results),
            "owed": still_owed,
            "owed_at_end": owed_at_end,
            "drain": drain_seconds,
            "rss": (rss_start, rss_end, rss_drained),
        }
    finally:
        if bot is not None:
            bot.stop()
        standin.stop()
        database.drop()
        shutil.rmtree(folder, ignore_errors=True)


def parse_mix(text: str) -> dict[str, float]:
    mix = {}
    for part in text.split(","):
        kind, _, weight = part.partition("=")
        if kind.strip() not in MIX:
            raise argparse.ArgumentTypeError(f"unknown kind {kind!r}; kinds: {', '.join(MIX)}")
        mix[kind.strip()] = float(weight or 1)
    return mix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql", "all"), default="sqlite")
    parser.add_argument("--rate", type=float, default=200.0, help="requests a second")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to send")
    parser.add_argument("--drain", type=float, default=60.0, help="seconds to wait for replies")
    parser.add_argument("--timeout", type=float, default=30.0, help="client timeout per request")
    parser.add_argument("--seed", type=int, default=1, help="of the request mix")
    finding = parser.add_mutually_exclusive_group()
    finding.add_argument(
        "--py-spy", action="store_true", help="sample billbot's CPU with py-spy, by phase"
    )
    finding.add_argument("--sample", action="store_true", help="sample billbot's thread stacks")
    finding.add_argument(
        "--profile", action="store_true", help="cProfile billbot's CPU in every thread (slow)"
    )
    parser.add_argument(
        "--mix",
        type=parse_mix,
        default=dict(MIX),
        help="kind=weight,... instead of the default mix (e.g. event:app_home_opened=1)",
    )
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.database == "all" else (args.database,)
    summaries = [run(backend, args) for backend in backends]
    if len(summaries) > 1:
        print("\n=== summary")
        for s in summaries:
            print(
                f"{s['backend']:<10} {s['rate']:6.1f} req/s  ack p50 {ms(s['p50'])} ms  "
                f"p99 {ms(s['p99'])} ms  errors {s['errors']}  owed at end {s['owed_at_end']}, "
                f"after drain {s['owed']} ({s['drain']:.0f} s)  RSS "
                + " -> ".join(f"{v:.0f}" for v in s["rss"])
                + " MB"
            )
        a, b = summaries
        print(f"postgresql/sqlite: ack p99 x{b['p99'] / a['p99']:.2f}")


if __name__ == "__main__":
    main()
