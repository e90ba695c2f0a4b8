"""The `billbot` command: console, demo, serve, migrate, run-due, close-month, export."""

import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import typer
from sqlalchemy import Engine

from billing.errors import Invalid
from billing.money import format_amount
from billing.periods import Month
from bot.cli.console import Console, run_console
from bot.cli.demo import seed_demo
from bot.cli.export import export_all
from bot.delivery.courier import Courier
from bot.delivery.scheduler import summary as _summary
from bot.settings import Settings
from bot.terms import Terms
from commands.close_month import close_month
from commands.run_due import run_due
from payments.factory import gateway_for
from storage.database import make_engine
from storage.migrate import upgrade
from storage.unit_of_work import UnitOfWork

app = typer.Typer(add_completion=False, no_args_is_help=False, help=__doc__)


def _clock(at: str | None) -> Callable[[], datetime]:
    if at is None:
        return lambda: datetime.now(UTC)
    fixed = datetime.fromisoformat(at)
    if fixed.tzinfo is None:
        raise typer.BadParameter(
            "give a time zone, e.g. 2026-11-22T09:00:00+00:00", param_hint="--at"
        )
    return lambda: fixed


def _ready_engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return engine


def _open_console(settings: Settings, at: str | None, demo: bool) -> None:
    engine = _ready_engine(settings)
    console = Console(
        engine, clock=_clock(at), operators=settings.operators, terms=Terms.of(settings)
    )
    if demo:
        seeded = seed_demo(console)
        note = "Seeded the demo agency" if seeded else "The demo agency is already here"
        typer.echo(f"{note}: operator olivia, developers dan and erin, client carla.")
        typer.echo(console.act_as("dan"))
    run_console(console, sys.stdin, sys.stdout, echo=not sys.stdin.isatty())


@app.callback(invoke_without_command=True)
def start(ctx: typer.Context) -> None:
    """With no command: serve Slack when it is configured, else open the demo console."""
    if ctx.invoked_subcommand is None:
        settings = Settings()
        if settings.has_slack:
            from bot.web.serve import serve_forever

            serve_forever(settings, socket=bool(settings.slack_app_token))
        else:
            _open_console(settings, None, demo=True)


@app.command()
def serve(
    socket: bool = typer.Option(False, "--socket", help="Talk to Slack over Socket Mode."),
) -> None:
    """Serve Slack (HTTP or Socket Mode), health and metrics."""
    from bot.web.serve import serve_forever

    serve_forever(Settings(), socket=socket)


@app.command()
def migrate() -> None:
    """Bring the database to the newest schema."""
    settings = Settings()
    _ready_engine(settings)
    typer.echo("Database is up to date.")


@app.command()
def console(
    at: str = typer.Option(None, help="Fixed ISO time for every command (tests, replays)."),
) -> None:
    """Type /billing lines as any person and read the replies."""
    _open_console(Settings(), at, demo=False)


@app.command()
def demo(at: str = typer.Option(None, help="Fixed ISO time for every command.")) -> None:
    """Seed a small demo agency (once) and open the console."""
    _open_console(Settings(), at, demo=True)


@app.command("close-month")
def close_month_command(
    month: str = typer.Argument(..., help="The month to close, YYYY-MM."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Compute and report; store nothing."),
    at: str = typer.Option(None, help="Fixed ISO time (default: now)."),
) -> None:
    """Finalize every company's statement for a month that is over (twice changes nothing)."""
    settings = Settings()
    try:
        period = Month.parse(month)
    except Invalid as error:
        raise typer.BadParameter(error.message, param_hint="MONTH") from None
    report = close_month(
        UnitOfWork(_ready_engine(settings)),
        month=period,
        now=_clock(at)(),
        calendar=Terms.of(settings).calendar,
        dry_run=dry_run,
    )
    verb = "Would finalize" if report.dry_run else "Finalized"
    noun = "statement" if report.finalized == 1 else "statements"
    totals = ", ".join(f"{format_amount(v, c)} {c}" for c, v in sorted(report.totals.items()))
    typer.echo(
        f"{verb} {report.finalized} {noun} for {report.month}"
        + (f" ({totals})." if totals else ".")
    )
    typer.echo(
        f"Already closed: {report.already_closed}; nothing billed: {report.empty}; "
        f"month not over yet in their time zone: {report.not_over}."
    )


@app.command("run-due")
def run_due_command(
    at: str = typer.Option(None, help="Run as if it were this ISO time (default: now)."),
    deliver: bool = typer.Option(True, help="Send what is due afterwards."),
) -> None:
    """Run every job due at a time once: month close, charges, reminders, invitation expiry;
    then deliver the messages that are due. Twice at the same time changes nothing."""
    settings = Settings()
    engine = _ready_engine(settings)
    start, started = _clock(at)(), time.monotonic()
    terms = Terms.of(settings)
    gateway = gateway_for(
        settings.stripe_api_key,
        api_base=settings.stripe_api_base,
        webhook_secret=settings.stripe_webhook_secret,
    )
    report = run_due(UnitOfWork(engine), gateway, now=start, calendar=terms.calendar)
    typer.echo(f"At {start.isoformat()}: {_summary(report)}.")
    if deliver and not (settings.slack_bot_token or settings.slack_client_id or settings.smtp_url):
        typer.echo("Slack is not configured: the messages wait in the outbox.")
    elif deliver:
        # The clock runs on from --at, so messages held back for pacing come due.
        sent = Courier(settings, engine, _clock(at)).drain_now(
            lambda: start + timedelta(seconds=time.monotonic() - started)
        )
        typer.echo(
            f"Delivered {sent.sent} messages ({sent.failed} failed, {sent.retried} to retry, "
            f"{sent.rate_limited} slowed by Slack)."
        )


@app.command()
def export(
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
) -> None:
    """Write every row of every table as JSON."""
    data = json.dumps(export_all(_ready_engine(Settings())), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(data)
    else:
        output.write_text(data + "\n", encoding="utf-8")
        typer.echo(f"Wrote {output}.")
