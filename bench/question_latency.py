"""How long a question takes to answer in-process: the reader alone, and the whole answer
(reader, the use case's reads on SQLite, the words), over the phrasing tables' questions.

    .venv/bin/python bench/question_latency.py [--rounds 5]

The world is the e2e tests' (Acme & Sons with shop and acme-blog, Globex, Initech), built with
console lines; dan asks every question in his DM, each in a thread of its own (so the whole
answer includes keeping the thread's subject). Prints p50, p99 and the slowest, in ms.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.ask import answer_question  # noqa: E402
from bot.cli.console import Console  # noqa: E402
from bot.questions.model import model  # noqa: E402
from bot.questions.reader import understand  # noqa: E402
from storage.database import make_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.bot import question_phrasings, question_phrasings_unseen  # noqa: E402

WORLD = (
    "as @olivia operator",
    "/billing plan new Basic 49.00 USD",
    "/billing plan new Pro 99.00 USD",
    "as @dan developer",
    '/billing company new "Acme & Sons"',
    '/billing company new "Globex Corporation"',
    "/billing company new Initech",
    '/billing app new shop company:"Acme & Sons" plan:basic',
    '/billing app new acme-blog company:"Acme & Sons" plan:pro',
    '/billing app new globex-api company:"Globex Corporation" plan:basic',
    '/billing app new globex-staging company:"Globex Corporation" env:staging',
    "/billing app new tps-reports company:Initech plan:basic",
    "/billing app domain shop shop.acme.example",
)
NAMES = (
    ("Acme & Sons", "Globex Corporation", "Initech"),
    ("shop", "acme-blog", "globex-api", "globex-staging", "tps-reports"),
    ("Basic", "Pro"),
)


def figures(name: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, round(0.99 * len(ms)))]
    print(
        f"{name}: {len(ms)} answers, p50 {statistics.median(ms):.1f} ms, "
        f"p99 {p99:.1f} ms, slowest {ms[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    questions = [p.text for p in question_phrasings.PHRASINGS + question_phrasings_unseen.PHRASINGS]
    started = time.perf_counter()
    model()
    print(f"model read in {(time.perf_counter() - started) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        engine = make_engine(url)
        upgrade(engine)
        now = datetime.now(UTC)
        console = Console(engine, clock=lambda: now, operators=frozenset())
        for line in WORLD:
            console.handle(line)
        assert console.actor is not None
        reader, whole = [], []
        for round_ in range(rounds):
            for n, text in enumerate(questions):
                began = time.perf_counter()
                understand(text, *NAMES)
                reader.append(time.perf_counter() - began)
                began = time.perf_counter()
                answer_question(
                    text,
                    uow=console.uow,
                    actor=console.actor,
                    channel_id="DCONSOLE",
                    direct=True,
                    now=now,
                    terms=console.terms,
                    thread_ts=f"{round_}.{n:06d}",  # a thread of its own: its subject is kept
                )
                whole.append(time.perf_counter() - began)
    figures("reader alone", reader)
    figures("whole answer (reader, reads, words)", whole)


if __name__ == "__main__":
    main()
