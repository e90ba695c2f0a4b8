"""Sentences whose words never vary (a fact's fields fill the template's {r.<field>}), and the
small words around a number or a noun."""

from collections.abc import Callable
from typing import Any


def template(text: str) -> Callable[[Any], str]:
    return lambda result: text.format(r=result)


def count(n: int, word: str, many: str | None = None) -> str:
    """'1 line', '0 lines', '2,500 lines': the number and the word, singular only for one."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def a(word: str) -> str:
    """'a developer', 'an operator', 'an unlimited', 'a limited': the article before `word`."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
