"""Statement documents end to end through `billbot serve`, on SQLite and PostgreSQL: the month
closed by serve's own sweep gets numbers; the PDF reaches the invoice e-mail through a local SMTP
server (aiosmtpd) and is read back with pypdf; `/billing statement <c> <month> pdf` uploads it
to the asker's DM through the Web API stand-in, with a link `GET /statements/...` serves until
it expires; a company without an invoice e-mail gets nothing and says so."""

import email
import io
import mailbox
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path

import pytest
from pypdf import PdfReader

from billing.periods import Month
from bot.cli.console_people import CONSOLE_TEAM, console_user_id
from bot.statement_links import statement_link
from tests.conftest import PG_ADMIN, _pg_admin
from tests.e2e.slack import SECRET, Billbot, serve_env
from tests.e2e.test_console import billbot as run_billbot

NOW = datetime.now(UTC)
CLOSED = Month.of(NOW.date()).previous()  # serve's first sweep closes it (charge day 1)
DAN = console_user_id("dan")


def seed(env: dict[str, str]) -> None:
    """Two companies on a plan from the first of last month, Acme with an invoice e-mail."""
    first = CLOSED.first_day.isoformat()
    run_billbot(
        env,
        "console",
        "--at",
        f"{first}T08:00:00+00:00",
        stdin="\n".join(
            [
                "as @olivia operator",
                "/billing plan new Basic 49 USD",
                "/billing plan new Pro 120 USD",
                "as @dan",
                "/billing company new Acme",
                "/billing app new shop company:Acme plan:Basic",
                f"/billing app domain shop shop.acme.example since:{first}",
                "/billing app new api company:Acme plan:Pro",
                f"/billing app domain api api.acme.example since:{first}",
                "/billing company set Acme email:ap@acme.example",
                "/billing company new Beta",
                "/billing app new blog company:Beta plan:Basic",
                f"/billing app domain blog blog.beta.example since:{first}",
            ]
        ),
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, standin, smtp, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"documents-{request.param}")
    env = serve_env(folder, standin, SMTP_URL=f"smtp://127.0.0.1:{smtp[0]}")
    name = None
    if request.param == "postgresql":
        name = f"billbot_docs_{uuid.uuid4().hex[:12]}"
        _pg_admin(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}".replace(
            "postgresql://", "postgresql+psycopg://"
        )
    env["MPLCONFIGDIR"] = str(folder / "mpl")
    seed(env)
    before = set(_inbox(smtp[1]))
    server = Billbot(env)
    try:
        yield server, env, smtp[1], before
    finally:
        server.stop()
        if name is not None:
            _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _inbox(folder: Path) -> dict[str, Message]:
    if not folder.exists():
        return {}
    box = mailbox.Maildir(str(folder), create=False)
    return {key: email.message_from_bytes(box[key].as_bytes()) for key in box.iterkeys()}


def _new_mail(folder: Path, before: set[str], to: str, timeout: float = 60) -> list[Message]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for k, m in _inbox(folder).items() if k not in before and m["To"] == to]
        if found:
            time.sleep(0.5)  # a second copy would come right after the first
            return [m for k, m in _inbox(folder).items() if k not in before and m["To"] == to]
        time.sleep(0.1)
    raise AssertionError(f"no e-mail to {to} within {timeout}s")


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def reply(server: Billbot, standin, text: str) -> str:
    return server.reply(standin, text, user=DAN, team=CONSOLE_TEAM, name="dan")


def test_the_closed_month_is_e_mailed_with_its_numbered_pdf(served, standin):
    server, _, inbox, before = served
    (mail,) = _new_mail(inbox, before, "ap@acme.example")
    number = re.search(r"Statement (\d{4}-\d{6})", mail["Subject"]).group(1)
    assert mail["Subject"].endswith(CLOSED.label())
    body = next(p for p in mail.walk() if p.get_content_type() == "text/plain")
    assert number in body.get_payload(decode=True).decode()
    (attached,) = [p for p in mail.walk() if p.get_content_type() == "application/pdf"]
    assert attached.get_filename() == f"statement-{number}.pdf"
    text = _pdf_text(attached.get_payload(decode=True))
    assert number in text and "Acme" in text and "ap@acme.example" in text
    assert "169.00 USD" in text  # 49.00 + 120.00, whole month
    assert "49.00" in text and "120.00" in text and "Basic" in text and "Pro" in text
    assert "Billed by hand" in text and CLOSED.label() in text
    # Beta has no invoice e-mail: no mail, and /billing company says so
    assert not [m for k, m in _inbox(inbox).items() if k not in before and m["To"] != mail["To"]]
    beta = reply(server, standin, "company Beta")
    assert "not set, so statements are not e-mailed to anyone" in beta
    # the same number in Slack: the statement, its CSV
    shown = reply(server, standin, f"statement Acme {CLOSED}")
    assert f"*Acme: statement {number} for {CLOSED}* (finalized)" in shown


def test_the_pdf_is_uploaded_privately_and_its_link_expires(served, standin):
    server, _, _, _ = served
    uploads = len(standin.calls("files.completeUploadExternal"))
    text = reply(server, standin, f"statement Acme {CLOSED} pdf")
    assert "the PDF is in your direct messages with billbot" in text
    complete = standin.wait_for("files.completeUploadExternal", uploads + 1)[-1]["args"]
    assert complete["channel_id"] == f"D{DAN}"  # the asker's DM, not the channel
    uploaded = next(c["args"] for c in reversed(standin.calls("upload")) if c["args"]["pdf"])
    number = re.search(r"Statement (\d{4}-\d{6})", text).group(1)
    pdf_text = _pdf_text(bytes.fromhex(uploaded["hex"]))
    assert number in pdf_text and "169.00 USD" in pdf_text

    link = re.search(r"(http://\S+/statements/\S+)", text).group(1)
    status, body = fetch(link)
    assert status == 200 and number in _pdf_text(body)
    tampered = link[:-1] + ("0" if link[-1] != "0" else "1")
    status, body = fetch(tampered)
    assert status == 403 and b"This link is not valid" in body
    company_id = int(link.rsplit("/", 1)[1].split("-")[0])
    old = statement_link(SECRET, server.url, company_id, CLOSED, NOW - timedelta(days=8))
    status, body = fetch(old)
    assert status == 410 and b"This link has expired" in body
    # an estimate has no document yet
    estimate = reply(server, standin, f"statement Acme {CLOSED.next()} pdf")
    assert "has no document yet" in estimate


def test_a_new_invoice_email_is_confirmed(served, standin):
    server, _, _, _ = served
    text = reply(server, standin, "company set Beta email:books@beta.example")
    assert "Updated Beta: invoice email books@beta.example." in text
    assert "will be e-mailed to books@beta.example with its PDF when its month closes" in text
    assert "(statements are e-mailed there with their PDF)" in reply(
        server, standin, "company Beta"
    )


def test_export_carries_the_number(served):
    _, env, _, _ = served
    out = subprocess.run(
        [str(Path(sys.executable).with_name("billbot")), "export"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r'"number": "\d{4}-\d{6}"', out)
