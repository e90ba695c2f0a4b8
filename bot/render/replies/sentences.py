"""Sentences whose words never vary: a fact's fields fill the template's {r.<field>}."""

from collections.abc import Callable
from typing import Any


def template(text: str) -> Callable[[Any], str]:
    return lambda result: text.format(r=result)
