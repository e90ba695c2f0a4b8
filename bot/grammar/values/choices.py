"""Readers of one word out of a fixed list: environment, role, team access."""

from collections.abc import Callable

from bot.grammar.errors import Bad
from bot.grammar.tokens import Token

_ENVIRONMENTS = {
    "production": "production",
    "prod": "production",
    "staging": "staging",
    "stage": "staging",
}


def choice(choices: dict[str, str] | tuple[str, ...], what: str) -> Callable[[Token], str]:
    """A reader of one of `choices` (a dict maps other spellings to the value), any case."""
    table = choices if isinstance(choices, dict) else {c: c for c in choices}

    def read(tok: Token) -> str:
        value = table.get(tok.text.lower())
        if value is None:
            *others, last = dict.fromkeys(table.values())
            allowed = f"{', '.join(others)} or {last}"
            raise Bad(f"{tok.shown} is not a {what} (use {allowed}).")
        return value

    return read


environment = choice(_ENVIRONMENTS, "environment")
role = choice(("owner", "admin", "billing", "viewer"), "role")
team_access = choice(("unlimited", "limited"), "team access")
