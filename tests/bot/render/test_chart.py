"""The statement-history chart: a small, valid, reproducible PNG for any currency and history."""

import io
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image  # a matplotlib dependency, so always installed alongside it

from billing.errors import Invalid
from bot.render.chart import DPI, HEIGHT_PX, WIDTH_PX, history_png
from bot.render.chart_labels import month_label

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TWELVE = [(f"{2024 + (m > 0)}-{(m + 11) % 12 + 1:02d}", 100_000 + 12_345 * m) for m in range(12)]


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def _chunk_types(png: bytes) -> list[bytes]:
    types, offset = [], len(PNG_MAGIC)
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        types.append(png[offset + 4 : offset + 8])
        offset += 12 + length
    return types


@pytest.mark.parametrize(
    ("months", "currency"),
    [
        ([("2025-11", 4_900)], "USD"),
        (TWELVE, "USD"),
        ([("2025-11", 1_234_567)], "JPY"),
        (TWELVE, "JPY"),
        ([("2025-10", 12_500), ("2025-11", -2_550)], "EUR"),
        ([("2025-11", 0)], "KWD"),
        ([], "USD"),
    ],
)
def test_a_png_of_the_intended_size(months: list[tuple[str, int]], currency: str) -> None:
    png = history_png(months, currency, "Acme Ltd")
    assert png.startswith(PNG_MAGIC)
    image = _image(png)
    assert image.format == "PNG"
    assert image.size == (WIDTH_PX, HEIGHT_PX) == (800, 400)
    assert DPI == 100


def test_the_same_input_gives_the_same_bytes() -> None:
    first = history_png(TWELVE, "USD", "Acme Ltd")
    assert history_png(TWELVE, "USD", "Acme Ltd") == first
    assert history_png(list(reversed(TWELVE)), "usd", "Acme Ltd") == first
    assert history_png(TWELVE, "USD", "Other Co") != first
    assert history_png(TWELVE, "JPY", "Acme Ltd") != first


def test_no_software_tag_or_timestamp_in_the_file() -> None:
    png = history_png(TWELVE, "USD", "Acme Ltd")
    chunks = _chunk_types(png)
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND"
    assert b"tIME" not in chunks
    assert b"Software" not in png and b"matplotlib" not in png.lower()


def test_only_the_last_twelve_months_are_drawn() -> None:
    older = [("2024-01", 999_999_999)]
    assert history_png(older + TWELVE, "USD", "Acme Ltd") == history_png(TWELVE, "USD", "Acme Ltd")


def test_empty_history_differs_from_a_zero_month() -> None:
    empty = history_png([], "USD", "Acme Ltd")
    assert empty != history_png([("2025-11", 0)], "USD", "Acme Ltd")
    assert empty == history_png([], "USD", "Acme Ltd")


def test_titles_are_shown_as_typed() -> None:
    # '$' pairs would be matplotlib math mode (and a lone one an error) if not escaped.
    for title in ("Ca$h $ Co", "$x^2$", "a" * 500, "Multi\nline", "Ünïcode ✓ — Café"):
        assert _image(history_png(TWELVE, "USD", title)).size == (800, 400)


def test_pyplot_is_never_loaded() -> None:
    """In a fresh interpreter, so no other test's imports can hide it."""
    code = (
        "import sys; from bot.render.chart import history_png; "
        "history_png([('2026-10', 4900)], 'USD', 'Acme'); "
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "matplotlib.pyplot" not in sys.modules


def test_threads_render_the_same_bytes_as_one_thread() -> None:
    cases = [(TWELVE[: n + 1], cur) for n in (0, 5, 11) for cur in ("USD", "JPY")]
    serial = [history_png(months, cur, f"Co {i}") for i, (months, cur) in enumerate(cases)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(
            pool.map(lambda i: history_png(cases[i][0], cases[i][1], f"Co {i}"), range(len(cases)))
        )
    assert parallel == serial


def test_month_labels() -> None:
    assert month_label("2025-11") == "Nov 25"
    assert month_label("2026-01") == "Jan 26"
    assert month_label("2000-12") == "Dec 00"
    for bad in ("2025-13", "2025-1", "25-11", "2025/11", "Nov 25", ""):
        with pytest.raises(ValueError):
            month_label(bad)


def test_bad_input_is_refused() -> None:
    with pytest.raises(Invalid):
        history_png([("2025-11", 100)], "XYZ", "Acme Ltd")
    with pytest.raises(ValueError):
        history_png([("2025-11", 1.5)], "USD", "Acme Ltd")  # type: ignore[list-item]
    with pytest.raises(ValueError):
        history_png([("November", 100)], "USD", "Acme Ltd")
