"""Readers of numbers: counts, record numbers like #12, currencies and amounts of money."""

import re

from billing.money import normalize_currency, parse_amount, parse_unit_price
from billing.refs import record_id
from bot.grammar.errors import Bad
from bot.grammar.tokens import Token

_COUNT = re.compile(r"[0-9]{1,19}")


def count(tok: Token) -> int:
    if not _COUNT.fullmatch(tok.text) or int(tok.text) >= 2**63:
        raise Bad(f"{tok.shown} is not a whole number of 0 or more.")
    return int(tok.text)


def signed_count(tok: Token) -> int:
    """A whole number that may be negative (-500 or −500): a correction."""
    text = tok.text.replace("−", "-")
    digits = text.removeprefix("-")
    if not _COUNT.fullmatch(digits) or int(digits) >= 2**63:
        raise Bad(f"{tok.shown} is not a whole number (a negative one corrects usage).")
    return int(text)


def number(tok: Token) -> int:
    """A record's number, like 12 or #12."""
    found = record_id(tok.text.lstrip("#"))
    if found is None:
        raise Bad(f"{tok.shown} is not a number like 12.")
    return found


def currency(tok: Token) -> str:
    return normalize_currency(tok.text)


def amount(tok: Token, currency: str) -> int:
    """An amount in `currency`, in minor units."""
    return parse_amount(tok.text, currency)


def unit_price(tok: Token, currency: str) -> int:
    """A price per unit in `currency`, maybe below the minor unit, in millionths of it."""
    return parse_unit_price(tok.text, currency)
