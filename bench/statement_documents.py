"""Closing a month with documents: N companies (bench/month_close.py's data, each company with
an invoice e-mail), closed in a child process (time and peak RSS: numbers, notices and one
e-mail row per statement are written in the close), then each statement's PDF rendered from its
outbox row as the drain renders it (time per document and peak RSS, measured apart from the
close; `--render` caps how many are rendered). Run:
.venv/bin/python bench/statement_documents.py [--companies 10000] [--render 1000]
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from bench.month_close import MONTH, NOW, peak_rss_mb, rows_for, seed
from bot.render.statement_pdf import statement_pdf
from commands.close_month import close_month
from commands.statement_document import StatementDocument
from storage.database import make_engine
from storage.unit_of_work import UnitOfWork


def close_child(url: str) -> None:
    engine = make_engine(url)
    start = time.perf_counter()
    report = close_month(UnitOfWork(engine), month=MONTH, now=NOW)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "finalized": report.finalized, "peak_mb": peak_rss_mb()}))


def render_child(url: str, limit: int) -> None:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT payload FROM outbox WHERE kind = 'statement_document' ORDER BY id LIMIT :n"
            ),
            {"n": limit},
        ).all()
    documents = [
        StatementDocument.of_facts((json.loads(p) if isinstance(p, str) else p)["document"])
        for (p,) in rows
    ]
    statement_pdf(documents[0])  # fonts and imports warmed once, as in a running server
    times, sizes = [], []
    for document in documents:
        start = time.perf_counter()
        sizes.append(len(statement_pdf(document)))
        times.append(time.perf_counter() - start)
    times.sort()
    print(
        json.dumps(
            {
                "rendered": len(times),
                "mean_ms": 1000 * sum(times) / len(times),
                "p50_ms": 1000 * times[len(times) // 2],
                "p99_ms": 1000 * times[int(len(times) * 0.99)],
                "mean_kb": sum(sizes) / len(sizes) / 1024,
                "peak_mb": peak_rss_mb(),
            }
        )
    )


def child(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--close")
    parser.add_argument("--render-from")
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--render", type=int, default=1000)
    args = parser.parse_args()
    if args.close:
        close_child(args.close)
        return
    if args.render_from:
        render_child(args.render_from, args.render)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'documents.db'}"
        seed(url, rows_for(args.companies))
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE company SET invoice_email = 'ap' || id || '@x.example'")
            )
        engine.dispose()
        closed = child("--close", url)
        rendered = child("--render-from", url, "--render", str(args.render))
    per_doc_ms = 1000 * closed["seconds"] / max(1, closed["finalized"])
    print(
        f"close of {closed['finalized']} companies with documents (SQLite): "
        f"{closed['seconds']:.1f} s ({per_doc_ms:.2f} ms per statement), "
        f"peak RSS {closed['peak_mb']:.0f} MB"
    )
    print(
        f"PDF rendering, apart from the close ({rendered['rendered']} documents): mean "
        f"{rendered['mean_ms']:.1f} ms, p50 {rendered['p50_ms']:.1f} ms, p99 "
        f"{rendered['p99_ms']:.1f} ms per document, {rendered['mean_kb']:.0f} KB each, "
        f"peak RSS {rendered['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
