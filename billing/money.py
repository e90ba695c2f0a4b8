"""Exact money: integer minor units per ISO 4217 currency, strict parsing and plain formatting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from billing.currencies import CURRENCY_EXPONENTS, exponent, normalize_currency
from billing.errors import Invalid

MAX_DIGITS = 18  # minor units; keeps every amount inside a signed 64-bit integer

# Plain ASCII digits; thousands separators only as proper groups of three; optional decimals.
_AMOUNT = re.compile(r"(?P<int>[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.(?P<frac>[0-9]+))?")


def _quote(text: str) -> str:
    """The user's text in quotes, shortened so a huge paste doesn't flood the reply."""
    return f"“{text if len(text) <= 40 else text[:40] + '…'}”"


def _check_int(amount_minor: int) -> None:
    if not isinstance(amount_minor, int) or isinstance(amount_minor, bool):
        raise Invalid(f"{amount_minor!r} is not a whole number of minor units.")


@dataclass(frozen=True, order=False)
class Money:
    """An exact amount: `amount_minor` units of the currency's minor unit (cents for USD)."""

    amount_minor: int
    currency: str

    def __post_init__(self) -> None:
        _check_int(self.amount_minor)
        object.__setattr__(self, "currency", normalize_currency(self.currency))

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise Invalid(f"Can't combine {self.currency} and {other.currency} amounts.")

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return Money(self.amount_minor + other.amount_minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return Money(self.amount_minor - other.amount_minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount_minor, self.currency)

    def is_zero(self) -> bool:
        return self.amount_minor == 0

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def as_decimal(self) -> Decimal:
        """4900 USD -> Decimal('49.00'): exact, with exactly `exponent` decimals."""
        return Decimal(f"{self.amount_minor}E-{exponent(self.currency)}")

    def __str__(self) -> str:
        return format_money(self)


def parse_amount(text: str, currency: str) -> int:
    """User text such as '1,234.50' -> minor units (123450 for USD), exactly, or Invalid."""
    code = normalize_currency(currency)
    exp = CURRENCY_EXPONENTS[code]
    cleaned = text.strip() if isinstance(text, str) else ""
    if not cleaned:
        raise Invalid("Please give an amount (e.g. 49 or 1,234.50).")
    if cleaned[0] in "-−" and cleaned[1:] and _AMOUNT.fullmatch(cleaned[1:]):
        raise Invalid(f"{_quote(cleaned)}: amounts can't be negative.")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise Invalid(f"{_quote(cleaned)} is not an amount (e.g. 49 or 1,234.50).")
    frac = match["frac"] or ""
    if len(frac) > exp:
        allowed = f"at most {exp}" if exp else "none allowed"
        raise Invalid(f"{_quote(cleaned)} has too many decimals for {code} ({allowed}).")
    digits = (match["int"].replace(",", "") + frac.ljust(exp, "0")).lstrip("0")
    if len(digits) > MAX_DIGITS:
        raise Invalid(f"{_quote(cleaned)} is too large.")
    return int(digits or "0")


def parse_money(text: str, currency: str) -> Money:
    """User text and a currency code -> Money, or Invalid."""
    return Money(parse_amount(text, currency), normalize_currency(currency))


def format_amount(amount_minor: int, currency: str) -> str:
    """Plain, exact, grouped: 123450 USD -> '1,234.50'; 1000 JPY -> '1,000'; -550 -> '-5.50'."""
    _check_int(amount_minor)
    exp = exponent(currency)
    sign = "-" if amount_minor < 0 else ""
    units, minor = divmod(abs(amount_minor), 10**exp)
    return f"{sign}{units:,}" + (f".{minor:0{exp}d}" if exp else "")


def format_money(money: Money) -> str:
    """'1,234.50 USD': the amount, a space, the code; no symbols, no locale."""
    return f"{format_amount(money.amount_minor, money.currency)} {money.currency}"


UNIT_PRICE_DIGITS = 6  # a unit price is kept in millionths of the minor unit: 0.0004 USD = 40,000


def parse_unit_price(text: str, currency: str) -> int:
    """A price per unit, which may be below the minor unit ('0.0004' USD), in millionths of the
    minor unit (40000), exactly, or Invalid."""
    code = normalize_currency(currency)
    places = CURRENCY_EXPONENTS[code] + UNIT_PRICE_DIGITS
    cleaned = text.strip() if isinstance(text, str) else ""
    match = _AMOUNT.fullmatch(cleaned)
    if not cleaned or match is None:
        return parse_amount(cleaned, code)  # its reason: empty, negative or not a number
    frac = match["frac"] or ""
    if len(frac) > places:
        raise Invalid(
            f"{_quote(cleaned)} has too many decimals for a unit price (at most {places})."
        )
    digits = (match["int"].replace(",", "") + frac.ljust(places, "0")).lstrip("0")
    if len(digits) > MAX_DIGITS:
        raise Invalid(f"{_quote(cleaned)} is too large.")
    return int(digits or "0")


def format_unit_price(micros: int, currency: str) -> str:
    """40000 USD -> '0.0004 USD', 1000000 USD -> '0.01 USD': the currency's decimals at least,
    more only where the price has them."""
    _check_int(micros)
    places = exponent(currency) + UNIT_PRICE_DIGITS
    units, fraction = divmod(abs(micros), 10**places)
    decimals = f"{fraction:0{places}d}"[:places].rstrip("0").ljust(exponent(currency), "0")
    sign = "-" if micros < 0 else ""
    return (
        f"{sign}{units:,}"
        + (f".{decimals}" if decimals else "")
        + f" {normalize_currency(currency)}"
    )


def unit_price_total(units: int, micros: int) -> int:
    """units x a unit price in millionths of the minor unit, in minor units, rounded once."""
    return round_half_up(Decimal(units) * Decimal(micros).scaleb(-UNIT_PRICE_DIGITS))


def round_half_up(value: Decimal) -> int:
    """Minor units as a Decimal -> int; halves go away from zero (3319.5 -> 3320, -0.5 -> -1)."""
    if not value.is_finite():
        raise Invalid(f"{value} is not a finite amount.")
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def prorate(amount_minor: int, days: int, days_in_month: int) -> int:
    """amount * days / days_in_month, rounded half up; integer arithmetic, so exact at any size."""
    _check_int(amount_minor)
    if not isinstance(days_in_month, int) or days_in_month not in range(28, 32):
        raise Invalid(f"A month has 28 to 31 days, not {days_in_month}.")
    if not isinstance(days, int) or days not in range(days_in_month + 1):
        raise Invalid(f"{days} days is not within a {days_in_month}-day month.")
    quotient, remainder = divmod(abs(amount_minor) * days, days_in_month)
    if 2 * remainder >= days_in_month:
        quotient += 1
    return -quotient if amount_minor < 0 else quotient
