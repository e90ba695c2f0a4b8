"""Readers of names: companies, apps, plans, teams, lists of apps, metrics."""

import re
from collections.abc import Callable

from billing.names import clean_name
from bot.grammar.errors import Bad
from bot.grammar.tokens import Token

_METRIC = re.compile(r"[a-z0-9_-]{1,40}")


def name(tok: Token, what: str = "name") -> str:
    if tok.escape:
        raise Bad(f"{tok.shown} is a Slack mention or link, not a {what}.")
    return clean_name(tok.text, what)


def _namer(what: str) -> Callable[[Token], str]:
    return lambda tok: name(tok, what)


company, app, plan, team = _namer("company"), _namer("app"), _namer("plan"), _namer("team")


def apps(tok: Token) -> tuple[str, ...]:
    """`app:shop,blog` (or one quoted name with spaces)."""
    names = [tok.text] if tok.quoted else [n for n in tok.text.split(",") if n.strip()]
    if not names:
        raise Bad("app: needs at least one app name.")
    return tuple(dict.fromkeys(clean_name(one, "app name") for one in names))


def metric(tok: Token) -> str:
    if not _METRIC.fullmatch(tok.text.lower()):
        raise Bad(f"{tok.shown} is not a metric name (a-z, 0-9, _ and -, at most 40).")
    return tok.text.lower()
