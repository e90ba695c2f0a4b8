"""Data grows without limit: 101 companies, one of them with 200 apps (so a statement of 200
lines), 2,000 audit entries. Every answer billbot gives in Slack (replies, the Home tab, the
statement modal) is Block Kit that real Slack takes (the stand-in checks each one), and what
does not fit says how much more there is: no line is lost silently."""

import json
import re
import sqlite3
import time

import pytest

from bot.cli.console_people import CONSOLE_TEAM, console_user_id
from tests.e2e.slack import Billbot, post, serve_env
from tests.e2e.test_console import billbot

OCTOBER = "2026-10-01T08:00:00+00:00"
APPS, COMPANIES = 200, 100
SEED = [
    "as @olivia operator",
    "/billing plan new Basic 49 USD",
    "as @dan",
    *(f"/billing company new Co{n:03d}" for n in range(COMPANIES)),
    "/billing company new Big",
    *(f"/billing app new app{n:03d} company:Big plan:Basic" for n in range(APPS)),
    *(f"/billing app domain app{n:03d} app{n:03d}.big.example" for n in range(APPS)),
]
DAN = {"team": CONSOLE_TEAM, "user": console_user_id("dan"), "name": "dan"}


@pytest.fixture(scope="module")
def bot(standin, tmp_path_factory):
    env = serve_env(
        tmp_path_factory.mktemp("grown"), standin, SLACK_BOT_TOKEN=f"xoxb-{CONSOLE_TEAM}-1"
    )
    out = billbot(env, "console", "--at", OCTOBER, stdin="\n".join(SEED))
    assert "Created company Big" in out, out[-2000:]
    server = Billbot(env)
    yield server
    server.stop()


def big_id(bot: Billbot) -> int:
    connection = sqlite3.connect(bot.database_url.removeprefix("sqlite:///"))
    try:
        return int(connection.execute("SELECT id FROM company WHERE name='Big'").fetchone()[0])
    finally:
        connection.close()


def more_of(text: str) -> int:
    found = re.search(r"and (\d+) more", text)
    return int(found.group(1)) if found else 0


def test_a_hundred_and_one_companies_are_listed_or_counted(bot, standin):
    text = bot.reply(standin, "companies", **DAN)
    shown = len(re.findall(r"^Co\d{3}|^Big", text, flags=re.MULTILINE)) or text.count(": owner")
    assert shown + more_of(text) == COMPANIES + 1, text[-500:]


def test_a_statement_of_200_lines_adds_up(bot, standin):
    text = bot.reply(standin, "statement Big", **DAN)
    shown = len(set(re.findall(r"app\d{3}", text)))
    assert shown + more_of(text) >= APPS, (shown, text[-600:])
    assert "Total" in text or more_of(text), text[-600:]


def test_the_home_tab_of_someone_with_101_companies(bot, standin):
    before = len(standin.calls("views.publish"))
    envelope = {
        "type": "event_callback",
        "team_id": CONSOLE_TEAM,
        "api_app_id": "A1",
        "event": {"type": "app_home_opened", "user": DAN["user"], "tab": "home"},
        "event_id": f"EvGrown{time.time_ns()}",
        "event_time": int(time.time()),
    }
    status = post(f"{bot.url}/slack/events", json.dumps(envelope), "application/json")[0]
    assert status == 200
    view = standin.wait_for("views.publish", before + 1)[-1]["args"]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    text = json.dumps(view)
    counted = more_of(text)
    assert counted and "/billing companies" in text and "show_companies" in text
    shown = len(set(re.findall(r"Co\d{3}|Big", text)))
    assert shown + counted == COMPANIES + 1

    opened = len(standin.calls("views.open"))
    click = {
        "type": "block_actions",
        "team": {"id": CONSOLE_TEAM},
        "user": {"id": DAN["user"], "team_id": CONSOLE_TEAM},
        "api_app_id": "A1",
        "trigger_id": f"{time.time_ns()}.8.grown",
        "container": {"type": "view", "view_id": "VHOME"},
        "view": {"id": "VHOME", "type": "home", "app_installed_team_id": CONSOLE_TEAM},
        "actions": [{"action_id": "show_companies", "block_id": "b", "type": "button"}],
    }
    assert bot.interact(click)[0] == 200
    modal = json.dumps(standin.wait_for("views.open", opened + 1)[-1]["args"]["view"])
    assert len(set(re.findall(r"Co\d{3}|Big", modal))) == COMPANIES + 1


def test_the_statement_modal_of_200_lines(bot, standin):
    before = len(standin.calls("views.update"))
    status, _, _ = bot.interact(
        {
            "type": "block_actions",
            "team": {"id": CONSOLE_TEAM},
            "user": {"id": DAN["user"], "team_id": CONSOLE_TEAM},
            "api_app_id": "A1",
            "trigger_id": f"{time.time_ns()}.7.grown",
            "container": {"type": "message", "channel_id": "C1"},
            "channel": {"id": "C1"},
            "actions": [
                {
                    "action_id": "statement_view",
                    "block_id": "b",
                    "type": "button",
                    "value": f"{big_id(bot)}:",
                    "action_ts": "1",
                }
            ],
        }
    )
    assert status == 200
    view = standin.wait_for("views.update", before + 1)[-1]["args"]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    shown = len(set(re.findall(r"app\d{3}", json.dumps(view))))
    assert shown + more_of(json.dumps(view)) >= APPS, json.dumps(view)[-600:]


def test_an_audit_log_of_hundreds_of_entries_comes_in_pages(bot, standin):
    first = bot.reply(standin, "audit Big", **DAN)
    assert "page:2" in first, first[-400:]  # the way to the next page is named
    second = bot.reply(standin, "audit Big page:2", **DAN)
    assert second != first and "app" in second, second[-400:]
