"""Make docs/statement-message.png: a statement_ready notice as a Slack channel would show it.

There is no Slack here, so the picture is drawn, honestly labelled, from a real message:

1. A fresh SQLite database in a temporary folder; a small agency is set up through the real
   `billbot console` (plans, one company with three apps, a plan change, metered usage, the
   operator recording each month's payment) from November 2025 on, and `billbot run-due
   --at <the 1st, 09:00 UTC>` closes each month against the local Slack Web API stand-in
   (tests/e2e/slack_standin.py), twelve months in all.
2. From the stand-in's record of calls (GET /_calls) we take the last run's chat.postMessage
   to the company's channel: its `blocks` (Block Kit JSON) exactly as billbot sent them, and
   the chart's title from files.completeUploadExternal. The stand-in keeps only the uploaded
   file's size, its body decoded as text (not the bytes), so the chart is drawn again with
   `bot.render.chart.history_png` from the same finalized statements, the way
   bot/delivery/courier.py draws it; we check that its size matches the upload's.
3. The blocks are turned into a small static HTML page in Slack's look (avatar, "billbot APP",
   time, mrkdwn, buttons, the chart as the thread's reply) and headless Chromium screenshots
   it at 760 CSS pixels wide, device scale 2.

Run from the repository root: `.venv/bin/python docs/screenshots.py`. It uses only
127.0.0.1 and free ports, stops what it started by pid and removes its temporary folder.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from billing.closing import CLOSED  # noqa: E402
from bot.render.chart import history_png  # noqa: E402
from tests.e2e.slack import StandIn, delete  # noqa: E402

BILLBOT = Path(sys.executable).with_name("billbot")
OUTPUT = ROOT / "docs" / "statement-message.png"
CHANNEL, CHANNEL_NAME = "CBAKERY", "bakery-billing"
COMPANY = "Bakery Blum"
LAST_RUN = "2026-11-01T09:00:00+00:00"  # the charge day that closes October 2026

SETUP = [
    "as @olivia operator",
    "/billing plan new Basic 49 USD",
    "/billing plan new Pro 99 USD",
    "/billing plan new Staging 10 USD env:staging",
    "/billing plan new Metered 20 USD metric:requests unit:0.01 included:10000",
    "as @carla client",
    "/billing whoami",
    "as @dan developer",
    f'/billing company new "{COMPANY}" email:billing@bakery-blum.example owner:@carla',
    f'/billing app new bakery-shop company:"{COMPANY}" plan:Basic',
    "/billing app domain bakery-shop shop.bakery-blum.example since:2025-11-03",
    f'/billing app new bakery-staging company:"{COMPANY}" env:staging plan:Staging',
    f'/billing channel link "{COMPANY}" <#{CHANNEL}|{CHANNEL_NAME}>',
]
# (when, console lines): the company grows over the year.
EVENTS = [
    ("2025-11-03T10:00:00+00:00", SETUP),
    (
        "2026-01-12T10:00:00+00:00",
        [
            "as @dan",
            f'/billing app new bakery-api company:"{COMPANY}" plan:Metered',
            "/billing app domain bakery-api api.bakery-blum.example since:2026-01-12",
        ],
    ),
    (
        "2026-04-15T10:00:00+00:00",
        ["as @dan", "/billing app plan bakery-shop Pro since:2026-04-15"],
    ),
]
# Requests above the 10,000 a day the Metered plan includes, on the 14th, 21st and 28th.
OVERAGE = {
    "2026-01": [120],
    "2026-02": [300, 180],
    "2026-03": [250, 400],
    "2026-04": [150],
    "2026-05": [600, 320, 90],
    "2026-06": [450, 300],
    "2026-07": [200],
    "2026-08": [900, 250],
    "2026-09": [500, 350, 300],
    "2026-10": [700, 400, 150],
}


def month_starts() -> list[str]:
    """The charge days from December 2025 to November 2026 (each closes the month before)."""
    return [
        f"{2025 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}-01T09:00:00+00:00" for m in range(12, 24)
    ]


def usage_lines(period: str) -> list[str]:
    return [
        f"/billing usage bakery-api requests {10_000 + extra} on:{period}-{14 + 7 * n:02d}"
        for n, extra in enumerate(OVERAGE.get(period, []))
    ]


def billbot(env: dict[str, str], *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [str(BILLBOT), *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"billbot {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def console(env: dict[str, str], at: str, lines: list[str]) -> None:
    out = billbot(env, "console", "--at", at, stdin="\n".join([*lines, "quit"]))
    if any(line.startswith("Usage:") for line in out.splitlines()):  # every refusal has one
        raise SystemExit(f"the console refused a setup line at {at}:\n{out}")


def produce(folder: Path, standin: StandIn) -> tuple[dict, dict, list[tuple[str, int]], str]:
    """Run billbot for a year; the last statement_ready post, its upload, and the history."""
    database = folder / "billbot.db"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
        "DATABASE_URL": f"sqlite:///{database}",
        "SLACK_BOT_TOKEN": "xoxb-local-1",
        "SLACK_SIGNING_SECRET": "local-secret-for-docs-screenshots",
        "SLACK_API_URL": f"{standin.url}/api/",
        "NO_PROXY": "127.0.0.1,localhost",
        "BILLBOT_OPERATORS": "UOLIVIA",
        "NO_COLOR": "1",
    }
    events = list(EVENTS)
    for start in month_starts():
        year, month = int(start[:4]), int(start[5:7])
        closed = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        if OVERAGE.get(closed):
            events.append((f"{closed}-28T18:00:00+00:00", ["as @dan", *usage_lines(closed)]))
        if start != LAST_RUN:  # the agency records the payment before the due day
            events.append(
                (
                    start.replace("-01T09:", "-10T12:"),
                    ["as @olivia", f'/billing mark-paid "{COMPANY}" {closed}'],
                )
            )
    runs = [(at, None) for at in month_starts()]
    for at, lines in sorted([*events, *runs], key=lambda item: item[0]):
        if lines is not None:
            console(env, at, lines)
            continue
        if at == LAST_RUN:
            delete(f"{standin.url}/_calls")  # keep only the last charge day's calls
        print(billbot(env, "run-due", "--at", at).strip().replace("\n", " "))

    posts = [
        c
        for c in standin.calls("chat.postMessage")
        if c["args"].get("channel") == CHANNEL and "statement for" in c["args"].get("text", "")
    ]
    if len(posts) != 1:
        raise SystemExit(f"expected one statement_ready post to #{CHANNEL_NAME}, saw {posts}")
    completes = standin.calls("files.completeUploadExternal")
    uploads = standin.calls("upload")
    if len(completes) != 1 or len(uploads) != 1:
        raise SystemExit(f"expected one chart upload, saw {completes} {uploads}")
    with sqlite3.connect(database) as db:
        history = db.execute(
            "SELECT s.period, s.total_minor FROM statement s JOIN company c ON c.id = s.company_id"
            " WHERE c.name = ? AND s.currency = c.currency"
            f" AND s.status IN ({', '.join('?' * len(CLOSED))})"
            " ORDER BY s.period DESC LIMIT 12",
            (COMPANY, *CLOSED),
        ).fetchall()
        (currency,) = db.execute(
            "SELECT currency FROM company WHERE name = ?", (COMPANY,)
        ).fetchone()
    upload = {**completes[0]["args"], **uploads[0]["args"]}
    return posts[0], upload, sorted(history), currency


# ---------------------------------------------------------------------------- Block Kit -> HTML

_LINK = re.compile(r"<([^<>]+)>")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])")
_CODE = re.compile(r"`([^`\n]+)`")


def _styled(text: str) -> str:
    """Slack's light markup in text that is already escaped (&amp; &lt; &gt;): safe in HTML."""
    parts = re.split(r"(`[^`\n]+`)", text)  # nothing is styled inside `code`
    out = []
    for part in parts:
        if _CODE.fullmatch(part):
            out.append(f"<code>{part[1:-1]}</code>")
            continue
        part = _BOLD.sub(r"<b>\1</b>", part)
        part = _ITALIC.sub(r"<i>\1</i>", part)
        out.append(_STRIKE.sub(r"<s>\1</s>", part))
    return "".join(out)


def _link(inner: str, channels: dict[str, str]) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("#"):
        name = label or channels.get(target[1:], target[1:])
        return f'<span class="mention">#{html.escape(name)}</span>'
    if target.startswith("@"):
        return f'<span class="mention">@{html.escape(label or target[1:])}</span>'
    if target.startswith("!"):
        return f'<span class="mention">@{html.escape(label or target[1:])}</span>'
    shown = label or target.removeprefix("mailto:")
    return f'<a href="{html.escape(target)}">{html.escape(html.unescape(shown))}</a>'


def mrkdwn(text: str, channels: dict[str, str]) -> str:
    """A mrkdwn text object's text as HTML: links, *bold*, _italic_, ~strike~, `code`, lines."""
    pieces, last = [], 0
    for match in _LINK.finditer(text):
        pieces.append(_styled(text[last : match.start()]))
        pieces.append(_link(match.group(1), channels))
        last = match.end()
    pieces.append(_styled(text[last:]))
    return "".join(pieces).replace("\n", "<br>")


def text_object(obj: dict, channels: dict[str, str]) -> str:
    if obj.get("type") == "mrkdwn":
        return mrkdwn(obj["text"], channels)
    return html.escape(obj["text"]).replace("\n", "<br>")


def blocks_html(blocks: list[dict], channels: dict[str, str]) -> str:
    out = []
    for block in blocks:
        kind = block["type"]
        if kind == "section":
            out.append(f'<div class="section">{text_object(block["text"], channels)}</div>')
        elif kind == "context":
            inner = " ".join(text_object(e, channels) for e in block["elements"])
            out.append(f'<div class="context">{inner}</div>')
        elif kind == "header":
            out.append(f'<div class="header">{text_object(block["text"], channels)}</div>')
        elif kind == "divider":
            out.append("<hr>")
        elif kind == "actions":
            buttons = "".join(
                f'<span class="button {e.get("style", "")}">{html.escape(e["text"]["text"])}</span>'
                for e in block["elements"]
                if e["type"] == "button"
            )
            out.append(f'<div class="actions">{buttons}</div>')
        else:
            raise SystemExit(f"no drawing for a {kind!r} block yet: add one to docs/screenshots.py")
    return "\n".join(out)


CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1d1c1d; width: 760px;
  font: 15px/1.46668 Lato, "Liberation Sans", Arial, sans-serif; }
.channel { padding: 12px 20px; border-bottom: 1px solid #e2e2e2; font-weight: 900;
  font-size: 18px; }
.day { position: relative; text-align: center; margin: 16px 0 4px; }
.day::before { content: ""; position: absolute; left: 0; right: 0; top: 50%;
  border-top: 1px solid #e2e2e2; }
.day span { position: relative; background: #fff; border: 1px solid #e2e2e2;
  border-radius: 24px; padding: 3px 16px; font-size: 13px; font-weight: 700; }
.message { display: flex; gap: 8px; padding: 8px 20px; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; background: #1d4e89;
  color: #fff; font: 900 20px/36px "Liberation Sans", Arial, sans-serif; text-align: center; }
.avatar.small { width: 24px; height: 24px; border-radius: 4px; font-size: 14px;
  line-height: 24px; }
.body { min-width: 0; flex: 1; }
.who b { font-weight: 900; }
.app { background: rgba(29, 28, 29, 0.13); color: rgba(29, 28, 29, 0.7); font-size: 10px;
  font-weight: 700; border-radius: 2px; padding: 1px 3px; margin-left: 4px;
  vertical-align: 2px; }
.time { color: #616061; font-size: 12px; margin-left: 6px; }
.section { margin: 2px 0; }
.context { color: #616061; font-size: 13px; margin: 4px 0; }
.mention { background: rgba(29, 155, 209, 0.1); color: #1264a3; border-radius: 3px;
  padding: 0 2px; }
code { font: 12px "DejaVu Sans Mono", monospace; color: #e01e5a; background: #f8f8f8;
  border: 1px solid #e2e2e2; border-radius: 3px; padding: 1px 3px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.button { display: inline-block; height: 28px; padding: 0 12px; border-radius: 4px;
  border: 1px solid rgba(29, 28, 29, 0.3); font-size: 13px; font-weight: 700;
  line-height: 26px; color: #1d1c1d; background: #fff; }
.button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.button.danger { color: #e01e5a; }
.replies { display: flex; align-items: center; gap: 8px; margin-top: 6px; font-size: 13px; }
.replies a { color: #1264a3; font-weight: 700; text-decoration: none; }
.replies span { color: #616061; }
.thread { margin: 10px 20px 0 64px; border: 1px solid #e2e2e2; border-radius: 8px; }
.thread .head { padding: 8px 12px; border-bottom: 1px solid #e2e2e2; font-weight: 900; }
.thread .head span { color: #616061; font-weight: 400; font-size: 13px; margin-left: 6px; }
.thread .message { padding: 8px 12px; }
.file-title { color: #616061; font-size: 13px; margin: 2px 0 4px; }
.file { display: block; width: 100%; max-width: 520px; border: 1px solid #e2e2e2;
  border-radius: 8px; }
.note { margin: 14px 20px 14px; padding-top: 8px; border-top: 1px dashed #cfcfcf;
  color: #616061; font-size: 12px; }
.nowrap { white-space: nowrap; }
"""


def page(post: dict, upload: dict, chart: str, when: tuple[str, str], note: str) -> str:
    """A channel with the message and, below it, its thread with the chart."""
    day, clock = when
    channels = {CHANNEL: CHANNEL_NAME}
    title = json.loads(upload["files"])[0]["title"]
    avatar = '<div class="avatar{}">b</div>'
    who = (
        '<div class="who"><b>billbot</b><span class="app">APP</span>'
        f'<span class="time">{clock}</span></div>'
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>statement_ready</title>
<style>{CSS}</style></head>
<body>
<div class="channel"># {html.escape(CHANNEL_NAME)}</div>
<div class="day"><span>{day}</span></div>
<div class="message">{avatar.format("")}<div class="body">{who}
{blocks_html(post["args"]["blocks"], channels)}
<div class="replies">{avatar.format(" small")}<a>1 reply</a><span>Last reply at {clock}</span></div>
</div></div>
<div class="thread"><div class="head">Thread<span># {html.escape(CHANNEL_NAME)}</span></div>
<div class="message">{avatar.format("")}<div class="body">{who}
<div class="file-title">{html.escape(title)}</div>
<img class="file" src="{chart}" alt="{html.escape(title)}">
</div></div></div>
<p class="note">{note}</p>
</body></html>
"""


# ---------------------------------------------------------------------------- the screenshot


def screenshot(page_file: Path, profile: Path, output: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--window-size=760,900",
    ):
        options.add_argument(flag)
    service = Service("/usr/bin/chromedriver", log_output=subprocess.DEVNULL)
    browser = webdriver.Chrome(service=service, options=options)
    try:
        browser.get(page_file.as_uri())
        browser.execute_async_script(
            "const done = arguments[0]; const img = document.querySelector('img');"
            "img.complete ? done() : img.addEventListener('load', () => done());"
        )
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 760, "height": int(height), "deviceScaleFactor": 2, "mobile": False},
        )
        shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        output.write_bytes(base64.b64decode(shot["data"]))
    finally:
        browser.quit()
        driver = service.process
        if driver is not None and driver.poll() is None:  # quit() normally stops it
            os.kill(driver.pid, signal.SIGTERM)
            driver.wait(timeout=10)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="billbot-docs-") as temp:
        folder = Path(temp)
        standin = StandIn()
        try:
            post, upload, history, currency = produce(folder, standin)
        finally:
            standin.stop()
        title = json.loads(upload["files"])[0]["title"]
        png = history_png(history, currency, title)  # as bot/delivery/courier.py draws it
        if len(png) != upload["size"]:
            raise SystemExit(f"redrawn chart is {len(png)} bytes, the upload was {upload['size']}")
        (folder / "history.png").write_bytes(png)
        note = (
            "Drawn by docs/screenshots.py from the Block Kit blocks of a real statement_ready "
            "message, posted by <span class='nowrap'>billbot run-due --at "
            f"{LAST_RUN.replace(':00+00:00', 'Z')}</span> to a local Slack Web API stand-in, "
            "and its chart (redrawn from the same statements). Not a screenshot of Slack."
        )
        moment = datetime.fromisoformat(LAST_RUN)  # as a reader in UTC sees it
        suffix = (
            "th"
            if moment.day in (11, 12, 13)
            else {1: "st", 2: "nd", 3: "rd"}.get(moment.day % 10, "th")
        )
        when = (f"{moment:%A, %B} {moment.day}{suffix}", f"{moment:%-I:%M %p}")
        (folder / "message.html").write_text(
            page(post, upload, "history.png", when, note), encoding="utf-8"
        )
        screenshot(folder / "message.html", folder / "chromium", OUTPUT)
    print(f"Wrote {OUTPUT.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
