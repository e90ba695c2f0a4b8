from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billing.errors import Invalid
from billing.money import (
    CURRENCY_EXPONENTS,
    Money,
    exponent,
    format_amount,
    format_money,
    normalize_currency,
    parse_amount,
    parse_money,
    prorate,
    round_half_up,
)

currencies = st.sampled_from(sorted(CURRENCY_EXPONENTS))


# --- currencies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "exp"),
    [
        ("USD", 2), ("EUR", 2), ("GBP", 2), ("JPY", 0), ("KRW", 0), ("CLP", 0), ("ISK", 0),
        ("VND", 0), ("KWD", 3), ("BHD", 3), ("JOD", 3), ("OMR", 3), ("TND", 3), ("LYD", 3),
        ("IQD", 3), ("CLF", 4), ("UYW", 4),
    ],
)  # fmt: skip
def test_exponents(code: str, exp: int) -> None:
    assert CURRENCY_EXPONENTS[code] == exp
    assert exponent(code.lower()) == exp


def test_currency_list_is_iso_4217_without_metals_or_units_of_account() -> None:
    assert len(CURRENCY_EXPONENTS) >= 150
    assert all(len(code) == 3 and code.isascii() and code.isupper() for code in CURRENCY_EXPONENTS)
    metals = {"XAU", "XAG", "XPT", "XPD"}
    units = {"XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XTS", "XXX"}
    excluded = metals | units
    assert not excluded & set(CURRENCY_EXPONENTS)


@pytest.mark.parametrize(("raw", "code"), [("usd", "USD"), (" eur ", "EUR"), ("Jpy\n", "JPY")])
def test_normalize_currency(raw: str, code: str) -> None:
    assert normalize_currency(raw) == code


@pytest.mark.parametrize("raw", ["EURO", "", "US", "XAU", "XXX", "ABC", "usd1", "$"])
def test_normalize_currency_rejects(raw: str) -> None:
    with pytest.raises(Invalid) as exc:
        normalize_currency(raw)
    assert f"“{raw.strip()}”" in exc.value.message
    assert "ISO 4217" in exc.value.message


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("49", "USD", 4900),
        ("49.0", "USD", 4900),
        ("49.00", "USD", 4900),
        ("1,234.50", "USD", 123450),
        ("1234.5", "USD", 123450),
        ("1,234,567.89", "EUR", 123456789),
        ("0.5", "EUR", 50),
        ("0.50", "EUR", 50),
        (".50", "EUR", 50),
        ("0", "USD", 0),
        ("  12.34  ", "usd", 1234),
        ("1000", "JPY", 1000),
        ("1,000", "JPY", 1000),
        ("1.234", "KWD", 1234),
        ("1,234.5", "KWD", 1234500),
        ("1.2345", "CLF", 12345),
        ("35,000", "CLF", 350000000),
    ],
)
def test_parse_amount(text: str, currency: str, minor: int) -> None:
    assert parse_amount(text, currency) == minor


@pytest.mark.parametrize(
    ("text", "currency", "reason"),
    [
        ("12.345", "USD", "too many decimals for USD (at most 2)"),
        ("1000.5", "JPY", "too many decimals for JPY"),
        ("1000.0", "JPY", "too many decimals for JPY"),
        ("1.2345", "KWD", "too many decimals for KWD (at most 3)"),
        ("1.23456", "CLF", "too many decimals for CLF (at most 4)"),
        ("-5", "USD", "can't be negative"),
        ("-1,234.50", "EUR", "can't be negative"),
        ("1 234.50", "USD", "is not an amount"),
        ("+5", "USD", "is not an amount"),
        ("12,34", "USD", "is not an amount"),
        ("1,2345", "USD", "is not an amount"),
        ("1234,567", "USD", "is not an amount"),
        (",123", "USD", "is not an amount"),
        ("0,50", "EUR", "is not an amount"),
        ("12,34", "EUR", "is not an amount"),
        ("1,234,56", "EUR", "is not an amount"),
        ("5.", "USD", "is not an amount"),
        (".", "USD", "is not an amount"),
        ("1.2.3", "USD", "is not an amount"),
        ("$49", "USD", "is not an amount"),
        ("49 USD", "USD", "is not an amount"),
        ("abc", "USD", "is not an amount"),
        ("NaN", "USD", "is not an amount"),
        ("Infinity", "USD", "is not an amount"),
        ("inf", "USD", "is not an amount"),
        ("1e3", "USD", "is not an amount"),
        ("1E3", "JPY", "is not an amount"),
        ("1_000", "USD", "is not an amount"),
        ("٣", "USD", "is not an amount"),
        ("１２", "USD", "is not an amount"),
        ("1" * 19, "JPY", "too large"),
        ("1" * 17, "USD", "too large"),
    ],
)
def test_parse_amount_rejects(text: str, currency: str, reason: str) -> None:
    with pytest.raises(Invalid) as exc:
        parse_amount(text, currency)
    assert f"“{text}”" in exc.value.message
    assert reason in exc.value.message


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_parse_amount_rejects_empty(text: str) -> None:
    with pytest.raises(Invalid, match="Please give an amount"):
        parse_amount(text, "USD")


def test_parse_amount_rejects_unknown_currency() -> None:
    with pytest.raises(Invalid, match="“EURO” is not a currency code"):
        parse_amount("49", "EURO")


def test_parse_amount_huge_input_is_too_large_and_quoted_briefly() -> None:
    with pytest.raises(Invalid) as exc:
        parse_amount("9" * 100_000, "USD")
    assert "too large" in exc.value.message
    assert len(exc.value.message) < 100


def test_parse_amount_largest_accepted() -> None:
    assert parse_amount("9" * 18, "JPY") == 10**18 - 1
    assert parse_amount("9,999,999,999,999,999.99", "USD") == 10**18 - 1


def test_parse_money() -> None:
    assert parse_money("1,234.50", "usd") == Money(123450, "USD")


# --- formatting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (123450, "USD", "1,234.50"),
        (4900, "USD", "49.00"),
        (5, "USD", "0.05"),
        (0, "USD", "0.00"),
        (-550, "USD", "-5.50"),
        (-5, "EUR", "-0.05"),
        (123456789, "EUR", "1,234,567.89"),
        (1000, "JPY", "1,000"),
        (0, "JPY", "0"),
        (-1000000, "JPY", "-1,000,000"),
        (1234, "KWD", "1.234"),
        (1234567, "KWD", "1,234.567"),
        (1, "CLF", "0.0001"),
        (350000000, "CLF", "35,000.0000"),
    ],
)
def test_format_amount(minor: int, currency: str, text: str) -> None:
    assert format_amount(minor, currency) == text


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(123450, "USD"), "1,234.50 USD"),
        (Money(1000, "JPY"), "1,000 JPY"),
        (Money(-550, "EUR"), "-5.50 EUR"),
        (Money(1234, "KWD"), "1.234 KWD"),
        (Money(12345, "CLF"), "1.2345 CLF"),
    ],
)
def test_format_money_and_str(money: Money, text: str) -> None:
    assert format_money(money) == text
    assert str(money) == text


def test_format_amount_rejects_bad_input() -> None:
    with pytest.raises(Invalid, match="“EURO”"):
        format_amount(100, "EURO")
    with pytest.raises(Invalid):
        format_amount(1.5, "USD")  # type: ignore[arg-type]


# --- Money ------------------------------------------------------------------------------------


def test_money_basics() -> None:
    a = Money(4900, "usd")
    assert a.currency == "USD"
    assert a + Money(100, "USD") == Money(5000, "USD")
    assert a - Money(5000, "USD") == Money(-100, "USD")
    assert -a == Money(-4900, "USD")
    assert Money.zero("JPY") == Money(0, "JPY")
    assert Money.zero("JPY").is_zero()
    assert not a.is_zero()
    assert hash(a) == hash(Money(4900, "USD"))


@pytest.mark.parametrize(
    ("money", "value"),
    [
        (Money(4900, "USD"), "49.00"),
        (Money(-550, "EUR"), "-5.50"),
        (Money(0, "USD"), "0.00"),
        (Money(1000, "JPY"), "1000"),
        (Money(1234, "KWD"), "1.234"),
        (Money(1, "CLF"), "0.0001"),
    ],
)
def test_as_decimal(money: Money, value: str) -> None:
    result = money.as_decimal()
    assert result == Decimal(value)
    assert str(result) == value  # quantized to the exponent, not just equal


def test_money_rejects_bad_input() -> None:
    with pytest.raises(Invalid, match="“EURO”"):
        Money(100, "EURO")
    with pytest.raises(Invalid):
        Money(1.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(Invalid):
        Money(True, "USD")


def test_money_currency_mismatch() -> None:
    with pytest.raises(Invalid, match="USD and EUR"):
        Money(100, "USD") + Money(100, "EUR")
    with pytest.raises(Invalid, match="USD and EUR"):
        Money(100, "USD") - Money(100, "EUR")


# --- rounding and proration -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "result"),
    [
        ("3319.354", 3319),
        ("3319.5", 3320),
        ("3319.4999", 3319),
        ("0.5", 1),
        ("-0.5", -1),
        ("-2.5", -3),
        ("-2.4", -2),
        ("7", 7),
    ],
)
def test_round_half_up(value: str, result: int) -> None:
    assert round_half_up(Decimal(value)) == result


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_round_half_up_rejects_non_finite(value: str) -> None:
    with pytest.raises(Invalid):
        round_half_up(Decimal(value))


def test_prorate_spec_examples() -> None:
    assert prorate(4900, 21, 31) == 3319
    assert prorate(10000, 14, 31) == 4516


@pytest.mark.parametrize("days_in_month", [28, 29, 30, 31])
def test_prorate_whole_and_empty_month(days_in_month: int) -> None:
    assert prorate(4900, days_in_month, days_in_month) == 4900
    assert prorate(4900, 0, days_in_month) == 0


@pytest.mark.parametrize(
    ("days", "days_in_month"),
    [(-1, 31), (32, 31), (29, 28), (1, 27), (1, 32), (0, 0), (1.0, 31), (1, 31.0)],
)
def test_prorate_rejects(days: int, days_in_month: int) -> None:
    with pytest.raises(Invalid):
        prorate(4900, days, days_in_month)


# --- properties -------------------------------------------------------------------------------


@given(currencies, st.integers(min_value=0, max_value=10**15 - 1))
def test_format_then_parse_roundtrips(currency: str, minor: int) -> None:
    assert parse_amount(format_amount(minor, currency), currency) == minor


@given(currencies, st.integers(min_value=-(10**15), max_value=10**15))
def test_as_decimal_is_exact(currency: str, minor: int) -> None:
    value = Money(minor, currency).as_decimal()
    assert value.as_tuple().exponent == -exponent(currency)
    assert value.scaleb(exponent(currency)) == minor


@given(st.text(), currencies)
def test_parse_amount_returns_non_negative_int_or_raises_invalid(text: str, currency: str) -> None:
    try:
        result = parse_amount(text, currency)
    except Invalid:
        return
    assert type(result) is int
    assert 0 <= result < 10**18


@given(st.text(alphabet="0123456789,.-+ e", max_size=30))
def test_parse_amount_on_amount_like_text(text: str) -> None:
    try:
        result = parse_amount(text, "USD")
    except Invalid:
        return
    assert result >= 0
    assert Decimal(text.strip().replace(",", "")) * 100 == result


amounts = st.integers(min_value=-(10**15), max_value=10**15)


@given(currencies, amounts, amounts, amounts)
def test_money_add_sub_associative(currency: str, a: int, b: int, c: int) -> None:
    x, y, z = Money(a, currency), Money(b, currency), Money(c, currency)
    assert (x + y) + z == x + (y + z)
    assert (x - y) - z == x - (y + z)
    assert x + y - y == x
    assert x + Money.zero(currency) == x
    assert x + -x == Money.zero(currency)


@given(currencies, currencies, amounts, amounts)
def test_money_currency_mismatch_raises(first: str, second: str, a: int, b: int) -> None:
    if first == second:
        return
    with pytest.raises(Invalid):
        Money(a, first) + Money(b, second)
    with pytest.raises(Invalid):
        Money(a, first) - Money(b, second)


@given(
    st.integers(min_value=0, max_value=10**15),
    st.integers(min_value=28, max_value=31),
    st.data(),
)
def test_prorate_halves_sum_to_whole(amount: int, days_in_month: int, data: st.DataObject) -> None:
    days = data.draw(st.integers(min_value=0, max_value=days_in_month))
    parts = prorate(amount, days, days_in_month) + prorate(
        amount, days_in_month - days, days_in_month
    )
    assert abs(parts - amount) <= 1


@given(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=28, max_value=31),
    st.data(),
)
def test_prorate_matches_decimal_formula(
    amount: int, days_in_month: int, data: st.DataObject
) -> None:
    days = data.draw(st.integers(min_value=0, max_value=days_in_month))
    expected = round_half_up(Decimal(amount) * days / days_in_month)
    assert prorate(amount, days, days_in_month) == expected
