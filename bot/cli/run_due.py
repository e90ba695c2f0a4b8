"""`billbot run-due`: the scheduler's sweep, once, at a time; then delivery of what is due."""

import time
from datetime import timedelta

import typer

from bot.cli.startup import clock_at, ready_engine
from bot.delivery.courier import Courier
from bot.delivery.sweep import summary
from bot.settings import Settings
from bot.terms import Terms
from commands.run_due import run_due
from payments.factory import gateway_for
from storage.unit_of_work import UnitOfWork


def run_due_command(
    at: str = typer.Option(None, help="Run as if it were this ISO time (default: now)."),
    deliver: bool = typer.Option(True, help="Send what is due afterwards."),
) -> None:
    """Run every job due at a time once: month close, charges, reminders, invitation expiry;
    then deliver the messages that are due. Twice at the same time changes nothing."""
    settings = Settings()
    start = clock_at(at)()
    engine = ready_engine(settings)
    started = time.monotonic()
    gateway = gateway_for(
        settings.stripe_api_key,
        api_base=settings.stripe_api_base,
        webhook_secret=settings.stripe_webhook_secret,
    )
    report = run_due(UnitOfWork(engine), gateway, now=start, calendar=Terms.of(settings).calendar)
    typer.echo(f"At {start.isoformat()}: {summary(report)}.")
    if deliver and not (settings.slack_bot_token or settings.slack_client_id or settings.smtp_url):
        typer.echo("Slack is not configured: the messages wait in the outbox.")
    elif deliver:
        # The clock runs on from --at, so messages held back for pacing come due.
        sent = Courier(settings, engine, clock_at(at)).drain_now(
            lambda: start + timedelta(seconds=time.monotonic() - started)
        )
        typer.echo(
            f"Delivered {sent.sent} messages ({sent.failed} failed, {sent.retried} to retry, "
            f"{sent.rate_limited} slowed by Slack)."
        )
