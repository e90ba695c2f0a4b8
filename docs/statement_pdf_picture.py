"""Make docs/statement-pdf.png: the first page of a statement's PDF, as billbot e-mails it.

A fresh SQLite database in a temporary folder; a small agency set up through the real `billbot
console` in October 2026 (two apps, a mid-month domain, an invoice e-mail) and October closed
with `billbot close-month 2026-10`; then the statement's document is read with
commands.statement_document.find_document, rendered by bot/render/statement_pdf.py, and its
first page turned into a PNG by Debian's `pdftoppm` (poppler-utils) at 110 dpi.

Run from the repository root: `.venv/bin/python docs/statement_pdf_picture.py`.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from billing.periods import Month  # noqa: E402
from bot.render.statement_pdf import statement_pdf  # noqa: E402
from commands.statement_document import find_document  # noqa: E402
from storage.database import make_engine  # noqa: E402
from storage.unit_of_work import UnitOfWork  # noqa: E402

BILLBOT = Path(sys.executable).with_name("billbot")
SEED = """as @olivia operator
/billing plan new Basic 49 USD
/billing plan new Pro 120 USD
as @dan
/billing company new "Acme Corp" email:ap@acme.example
/billing app new shop company:"Acme Corp" plan:Basic
/billing app domain shop shop.acme.example since:2026-10-11
/billing app new api company:"Acme Corp" plan:Pro
/billing app domain api api.acme.example since:2026-10-01
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'picture.db'}"
        env = {**os.environ, "DATABASE_URL": url, "MPLCONFIGDIR": folder}
        run = {"env": env, "check": True, "capture_output": True, "text": True}
        subprocess.run(
            [str(BILLBOT), "console", "--at", "2026-10-01T08:00:00+00:00"], input=SEED, **run
        )
        subprocess.run(
            [str(BILLBOT), "close-month", "2026-10", "--at", "2026-11-01T09:00:00+00:00"], **run
        )
        engine = make_engine(url)
        document = find_document(UnitOfWork(engine), company_id=1, month=Month(2026, 10))
        engine.dispose()
        assert document is not None
        pdf = Path(folder) / "statement.pdf"
        pdf.write_bytes(statement_pdf(document))
        out = ROOT / "docs" / "statement-pdf"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf), out],
            check=True,
        )
    print(f"Wrote {out}.png ({document.number}, {document.company}).")


if __name__ == "__main__":
    main()
