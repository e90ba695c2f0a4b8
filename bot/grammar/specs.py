"""Usage specs: what one subcommand's `args` in the help table allows (slots, options, flags)."""

import re
from dataclasses import dataclass

from bot.grammar.tokenizer import KEY


@dataclass(frozen=True)
class Slot:
    label: str  # "<app>"
    required: bool
    keys: tuple[str, ...] = ()  # `team:<x>` may fill `<@user|team:<team>>`


@dataclass(frozen=True)
class Option:
    key: str
    label: str  # "company:<company>"
    required: bool


@dataclass(frozen=True)
class Spec:
    slots: tuple[Slot, ...]
    options: dict[str, Option]
    flags: frozenset[str]
    together: tuple[tuple[str, ...], ...]  # options given all or none


def _items(text: str) -> list[str]:
    """Split a usage text at spaces outside <...> and [...]."""
    items: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text + " "):
        depth += (ch in "<[") - (ch in ">]")
        if ch == " " and depth == 0:
            items += [text[start:i]] if i > start else []
            start = i + 1
    return items


def spec_of(args: str) -> Spec:
    """The spec of a usage text like `<app> company:<company> [trial]`."""
    slots: list[Slot] = []
    options: dict[str, Option] = {}
    flags: set[str] = set()
    together: list[tuple[str, ...]] = []
    for item in _items(args):
        optional = item.startswith("[")
        inner = item[1:-1] if optional else item
        parts = _items(inner)
        keys = [m[1] for m in map(KEY.match, parts) if m]
        if len(keys) == len(parts):
            options |= {k: Option(k, p, not optional) for k, p in zip(keys, parts, strict=True)}
            together += [tuple(keys)] if len(keys) > 1 else []
        elif optional and re.fullmatch(r"[a-z]+(\|[a-z]+)*", inner):
            flags |= set(inner.split("|"))
        else:
            slots.append(Slot(inner, not optional, tuple(re.findall(r"([a-z]+):<", inner))))
    return Spec(tuple(slots), options, frozenset(flags), tuple(together))
