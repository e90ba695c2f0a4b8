"""A company's monthly statement totals as a small PNG bar chart, for uploading to Slack.

Rendered with matplotlib's object API (`Figure` + `FigureCanvasAgg`), never pyplot: no global
figure registry, no GUI backend, so charts can be drawn from several threads at once. The PNG
carries no software tag and no timestamp, so the same input always gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from billing.money import CURRENCY_EXPONENTS, Money, format_money, normalize_currency
from bot.render.chart_labels import month_label, plain_title, tick_formatter

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH_PX = 800
HEIGHT_PX = 400
DPI = 100
MAX_MONTHS = 12
_BAR = "#9bb7d4"
_LATEST = "#1f5fa8"
_TEXT = "#333333"


def history_png(months: Sequence[tuple[str, int]], currency: str, title: str) -> bytes:
    """Bars for the last (up to) 12 months' totals, latest highlighted and labelled; PNG bytes.

    `months` are ('YYYY-MM', amount in minor units) pairs in any order; they are shown oldest
    first. An empty sequence gives a chart saying there are no statements yet.
    """
    # matplotlib is imported on the first chart, not at start: it is ~55 MB of a replica's RSS
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    code = normalize_currency(currency)
    for label, amount in months:
        month_label(label)
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise ValueError(f"{amount!r} is not a whole number of minor units.")
    shown = sorted(months, key=lambda pair: pair[0])[-MAX_MONTHS:]

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_title(plain_title(title), color=_TEXT, fontsize=13, loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if shown:
        _bars(axes, shown, code)
    else:
        _nothing_yet(axes)

    buffer = io.BytesIO()
    canvas.print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


def _nothing_yet(axes: Axes) -> None:
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes.set_xticks([])
    axes.set_yticks([])
    axes.text(
        0.5,
        0.5,
        "No statements yet",
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=14,
        color="#777777",
    )


def _bars(axes: Axes, shown: Sequence[tuple[str, int]], code: str) -> None:
    from matplotlib.ticker import MaxNLocator

    exp = CURRENCY_EXPONENTS[code]
    positions = list(range(len(shown)))
    values = [amount / 10**exp for _, amount in shown]
    colors = [_BAR] * (len(shown) - 1) + [_LATEST]
    axes.bar(positions, values, color=colors, width=0.65, zorder=2)
    axes.set_xticks(positions, [month_label(label) for label, _ in shown])
    # At least six slots wide, centred, so one or two months don't become huge slabs.
    slots, middle = max(len(shown), 6), (len(shown) - 1) / 2
    axes.set_xlim(middle - slots / 2, middle + slots / 2)
    axes.set_ylabel(code, color=_TEXT)
    axes.yaxis.set_major_formatter(tick_formatter(exp))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=exp == 0))
    axes.grid(axis="y", color="#e5e5e5", zorder=0)
    axes.axhline(0, color="#999999", linewidth=0.8, zorder=3)
    _fit_y(axes, values)
    _label_latest(axes, positions[-1], values[-1], Money(shown[-1][1], code))
    axes.tick_params(colors=_TEXT)


def _fit_y(axes: Axes, values: list[float]) -> None:
    low, high = min(0.0, *values), max(0.0, *values)
    if low == high:  # every month zero
        axes.set_ylim(0, 1)
    else:
        span = high - low
        axes.set_ylim(low - (0.12 * span if low < 0 else 0), high + 0.15 * span)


def _label_latest(axes: Axes, position: int, value: float, amount: Money) -> None:
    up = amount.amount_minor >= 0
    axes.annotate(
        format_money(amount),
        xy=(position, value),
        xytext=(0, 4 if up else -4),
        textcoords="offset points",
        ha="center",
        va="bottom" if up else "top",
        fontsize=10,
        fontweight="bold",
        color=_LATEST,
        zorder=4,
    )
