"""since: and on: dates that reach back, typed in Slack to a real `billbot serve` on SQLite and
PostgreSQL: an open month bills from the date, a final month is left alone and the difference
goes on the next statement as a correction, which the month close then bills.

`billbot serve` runs on the real clock, so the months are this month (open) and last month
(closed here with `billbot close-month`); the history before today is seeded with the console
at a fixed time, as the same Slack user."""

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from billing.periods import Month
from bot.cli.console_people import CONSOLE_TEAM, console_user_id
from tests.conftest import PG_ADMIN, _pg_admin
from tests.e2e.slack import Billbot, serve_env
from tests.e2e.test_console import billbot

DAN = console_user_id("dan")


def prorated(amount_minor: int, days: int, month: Month) -> str:
    """SPEC's rule, written out: amount x days / days in month, half up, in USD."""
    cents = (Decimal(amount_minor) * days / month.days).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{cents / 100:.2f} USD"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'billbot.db'}"
        return
    name = f"billbot_late_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}")
    try:
        yield f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}".replace(
            "postgresql://", "postgresql+psycopg://"
        )
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_since_reaches_back_and_a_final_month_gets_a_correction(database_url, standin, tmp_path):
    today = datetime.now(UTC).date()
    this, last = Month.of(today), Month.of(today).previous()
    env = serve_env(
        tmp_path,
        standin,
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN=f"xoxb-{CONSOLE_TEAM}-1",  # the stand-in's users.info answers for it
        SCHEDULER="false",
    )
    at = f"{last.first_day.isoformat()}T08:00:00+00:00"
    billbot(
        env,
        "console",
        "--at",
        at,
        stdin="\n".join(
            [
                "as @olivia operator",
                "/billing plan new Basic 49 USD",
                "as @dan",
                "/billing company new Acme",
                "/billing app new shop company:Acme plan:Basic",
                f"/billing app domain shop shop.example since:{last.first_day.replace(day=10)}",
            ]
        ),
    )
    closed = billbot(env, "close-month", str(last), "--at", f"{this.first_day}T09:00:00+00:00")
    billed = prorated(4900, last.days - 9, last)
    assert f"Finalized 1 statement for {last} ({billed})." in closed

    server = Billbot(env)
    try:

        def say(text: str) -> str:
            return server.reply(standin, text, user=DAN, team=CONSOLE_TEAM, name="dan")

        # an app recorded today, billed from the first of this month: the reply and the
        # statement agree to the day
        say("app new blog company:Acme")
        first = this.first_day.isoformat()
        assert say(f"app domain blog blog.example since:{first}") == (
            f"blog now answers at blog.example (since {first})."
        )
        assert say(f"app plan blog Basic since:{first}") == f"blog is on plan Basic from {first}."

        # a date in last month, whose statement is final: a correction, said so
        third = last.first_day.replace(day=3)
        correction = prorated(4900, 7, last)  # the 3rd to the 9th
        reply = say(f"app domain shop shop.example since:{third}")
        assert reply == (
            f"shop now answers at shop.example (since {third}). The {last.label()} statement "
            f"is final, so a correction of {correction} goes on the {this.label()} statement."
        )
        # a day outside billbot's months for the company is refused, and changes nothing
        before = last.previous().last_day
        refused = say(f"app plan shop Basic since:{before}")
        assert f"Acme is billed by billbot from {last.label()} on: {before} is before that." in (
            refused
        )

        estimate = say("statement Acme")
        mon = last.first_day.strftime("%b")
        assert f"• Correction for {last}: shop, domain from {mon} 3, 7 days: {correction}" in (
            estimate
        )
        span = f"{this.first_day:%b} 1–{this.days} ({this.days} of {this.days} days)"
        assert f"• blog: Basic, {span}: 49.00 USD" in estimate
        assert f"• shop: Basic, {span}: 49.00 USD" in estimate
        final = say(f"statement Acme {last}")
        assert "(finalized)" in final and f"*Total: {billed}*" in final
        assert "Correction" not in final
    finally:
        server.stop()

    # the month close bills the correction on this month's statement, once
    next_first = f"{this.next().first_day}T09:00:00+00:00"
    total = Decimal(correction.split()[0]) + Decimal("98.00")
    closed = billbot(env, "close-month", str(this), "--at", next_first)
    assert f"Finalized 1 statement for {this} ({total:.2f} USD)." in closed
    out = billbot(
        env,
        "console",
        "--at",
        next_first,
        stdin=f"as @dan\n/billing statement Acme {this}\n/billing statement Acme {this.next()}",
    )
    assert f"• Correction for {last}: shop, domain from {mon} 3, 7 days: {correction}" in out
    assert out.count("Correction for") == 1  # not again on the month after
