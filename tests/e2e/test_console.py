"""`billbot` as a person uses it: a subprocess fed through its stdin, read from its stdout."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BILLBOT = Path(sys.executable).with_name("billbot")
AT = "2026-11-22T10:00:00+00:00"


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'billbot.db'}", "NO_COLOR": "1"}


def billbot(env, *args, stdin=""):
    done = subprocess.run(
        [str(BILLBOT), *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_new_user_creates_a_company_a_plan_and_an_app(env):
    out = billbot(
        env,
        "console",
        "--at",
        AT,
        stdin="\n".join(
            [
                "/billing companies",
                "as @olivia operator",
                "/billing plan new Basic 49 USD",
                "as @dan",
                "/billing company new “Café Ünïcode 日本” "
                "email:<mailto:ap@cafe.example|ap@cafe.example>",
                '/billing app new shop company:"café ünïcode 日本" plan:basic',
                "/billing app domain shop <http://shop.cafe.example|shop.cafe.example> "
                "since:2026-11-05",
                "/billing apps",
                "/billing companies",
                "quit",
            ]
        ),
    )
    assert "First say who you are" in out
    assert "Added plan Basic: 49.00 USD a month, production." in out
    assert "Created company Café Ünïcode 日本 (USD, UTC): you own it." in out
    assert "Created production app shop in Café Ünïcode 日本, on plan Basic." in out
    assert (
        "• shop (Café Ünïcode 日本): production, plan Basic since 2026-11-22, "
        "shop.cafe.example since 2026-11-05" in out
    )
    assert "• Café Ünïcode 日本: owner, 1 app" in out


def test_bad_lines_get_a_reason_and_the_usage_and_change_nothing(env):
    out = billbot(
        env,
        "console",
        "--at",
        AT,
        stdin="\n".join(
            [
                "as @dan",
                "/billing frobnicate",
                "/billing company new",
                "/billing company new Acme currency:EURO",
                "/billing app new shop company:Nowhere",
                "/billing " + "x" * 4000,
                "/billing company new \x07bell",
                "/billing companies",
            ]
        ),
    )
    assert "Unknown subcommand “frobnicate”." in out
    assert out.count("Usage: /billing company new <name>") == 3
    assert "“EURO” is not a currency code" in out
    assert "I can't find a company called “Nowhere” that you have access to." in out
    assert "That line is too long" in out
    assert "control character" in out
    assert "You have no companies yet." in out
    assert "Traceback" not in out


def test_demo_seeds_once_and_export_has_every_table(env):
    first = billbot(env, "demo", "--at", AT, stdin="/billing companies\n")
    assert "Seeded the demo agency" in first
    assert "• Bakery Blum: admin, 2 apps" in first
    again = billbot(env, "demo", "--at", AT, stdin="")
    assert "already here" in again
    data = json.loads(billbot(env, "export"))
    assert {c["name"] for c in data["company"]} == {"Bakery Blum", "Pixel & Co"}
    assert len(data["plan"]) == 5 and data["audit_event"]
    assert "Database is up to date (revision " in billbot(env, "migrate")


def test_questions_in_the_console_are_answered_as_in_a_dm(env):
    out = billbot(
        env,
        "console",
        "--at",
        AT,
        stdin="\n".join(
            [
                "as @olivia operator",
                "/billing plan new Basic 30 USD",
                "as @dan",
                '/billing company new "Acme & Sons"',
                '/billing app new shop company:"Acme & Sons" plan:basic',
                "/billing app domain shop shop.acme.example",  # billed from today: 9 of 30 days
                "@billbot when is our nxt payment?",
                "@billbot what's the weather",
                "quit",
            ]
        ),
    )
    assert (
        "*Next charge for Acme & Sons*: *9.00 USD* on 1 Dec 2026, for November 2026 so far "
        "(an estimate: the month is still running). It is billed by hand.\n[View statement]"
    ) in out
    assert "I answer billing questions, for example" in out
