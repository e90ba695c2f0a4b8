"""The chart's words: month labels, a title shown as typed, and the amount axis' ticks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.ticker import FuncFormatter

TITLE_CHARS = 80
_MONTH = re.compile(r"(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])")
# Fixed English abbreviations: strftime("%b") would follow the process locale.
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(label: str) -> str:
    """'2025-11' -> 'Nov 25'; ValueError for anything that isn't a 'YYYY-MM' month."""
    match = _MONTH.fullmatch(label) if isinstance(label, str) else None
    if match is None:
        raise ValueError(f"{label!r} is not a month written as YYYY-MM.")
    return f"{_MONTH_NAMES[int(match['month']) - 1]} {match['year'][2:]}"


def plain_title(text: str) -> str:
    """Text shown as typed: '$' would otherwise start matplotlib's math mode."""
    text = " ".join(text.split())
    if len(text) > TITLE_CHARS:
        text = text[: TITLE_CHARS - 1] + "…"
    return text.replace("$", r"\$")


def tick_formatter(exp: int) -> FuncFormatter:
    """Axis ticks in major units, grouped, with at most the currency's decimals: 1,500 / 2.5."""
    from matplotlib.ticker import FuncFormatter

    def tick(value: float, _position: float | None) -> str:
        text = f"{value:,.{exp}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    return FuncFormatter(tick)
