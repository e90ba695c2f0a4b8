"""`billbot close-month`: finalize a month's statements, and say what was done."""

import typer

from billing.errors import Invalid
from billing.money import format_amount
from billing.periods import Month
from bot.cli.startup import clock_at, ready_engine
from bot.settings import Settings
from bot.terms import Terms
from commands.close_month import close_month
from storage.unit_of_work import UnitOfWork


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
    now = clock_at(at)()
    report = close_month(
        UnitOfWork(ready_engine(settings)),
        month=period,
        now=now,
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
