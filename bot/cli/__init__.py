"""The `billbot` command line: the typer app, the console, the demo and the export."""


def main() -> None:
    """The `billbot` console script (pyproject's `bot.cli:main`, unchanged since before the
    move, so a venv made from an older copy runs this one too); the app loads on call."""
    from bot.cli.app import app

    app()
