"""The console's read-reply loop over any pair of text streams."""

from typing import TextIO

from bot.cli.console import GUIDE, Console


def run_console(console: Console, stdin: TextIO, stdout: TextIO, *, echo: bool) -> None:
    """Read lines until EOF or `quit`; with `echo` the typed line is printed (piped input)."""
    stdout.write(GUIDE + "\n")
    while True:
        stdout.write(console.prompt())
        stdout.flush()
        line = stdin.readline()
        if not line:
            stdout.write("\n")
            return
        if echo:
            stdout.write(line if line.endswith("\n") else line + "\n")
        if line.strip().lower() in ("quit", "exit"):
            return
        reply = console.handle(line)
        if reply:
            stdout.write(reply + "\n")
