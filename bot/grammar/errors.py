"""What is wrong with a `/billing` line: the error callers get, and the reasons raised inside."""

import difflib
from collections.abc import Iterable


class UsageError(Exception):
    """What was wrong with the line (one line) and how the subcommand is used."""

    def __init__(self, reason: str, usage: str) -> None:
        self.reason = " ".join(reason.split())
        self.usage = usage
        super().__init__(f"{self.reason}\nUsage: {usage}")


class Bad(Exception):
    """A reason without usage yet; `parse` adds the usage of the subcommand at hand."""

    def __init__(self, reason: str, usage: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.usage = usage


def show(text: str) -> str:
    """The user's text in quotes, on one line and short enough for a reply."""
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= 40 else flat[:40] + '…'}”"


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.7) -> str:
    """` Did you mean “x”?` for the closest candidate, or "" if none is close enough."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=cutoff)
    return f" Did you mean “{close[0]}”?" if close else ""
