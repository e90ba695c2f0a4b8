"""The `billbot` command: console, demo, serve, migrate, run-due, close-month, export,
import-usage."""

import sys

import typer

from bot.cli.close_month import close_month_command
from bot.cli.console import Console
from bot.cli.console_loop import run_console
from bot.cli.demo import seed_demo
from bot.cli.export import export_command
from bot.cli.import_usage import import_usage_command
from bot.cli.run_due import run_due_command
from bot.cli.startup import clock_at, ready_engine
from bot.database import open_database
from bot.settings import Settings
from bot.terms import Terms

app = typer.Typer(add_completion=False, no_args_is_help=False, help=__doc__)


def _open_console(settings: Settings, at: str | None, demo: bool) -> None:
    clock = clock_at(at)
    engine = ready_engine(settings)
    console = Console(engine, clock=clock, operators=settings.operators, terms=Terms.of(settings))
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
    _, migrated = open_database(Settings())
    if migrated.before is None:
        typer.echo(f"Created the database schema (revision {migrated.after}).")
    elif migrated.before != migrated.after:
        typer.echo(f"Migrated the database from revision {migrated.before} to {migrated.after}.")
    else:
        typer.echo(f"Database is up to date (revision {migrated.after}).")


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


app.command("close-month")(close_month_command)
app.command("run-due")(run_due_command)
app.command("export")(export_command)
app.command("import-usage")(import_usage_command)
