"""A statement whose total is a credit (corrections below zero) asks for no payment."""

from datetime import date

from billing.money import Money
from billing.periods import Month
from bot.render.notice_words import statement_ready


def test_a_credit_is_nothing_to_pay() -> None:
    text = statement_ready(
        "Acme",
        Month(2026, 12),
        [("Correction for 2026-11: shop on Free from Nov 1, 24 days fewer", -3920)],
        Money(-3920, "USD"),
        charge_on=date(2027, 1, 1),
        due_on=date(2027, 1, 15),
        stripe=True,
    )
    assert "*Total: -39.20 USD*" in text
    assert text.endswith(
        "Nothing to pay now: the total is a credit and carries into next month's statement."
    )
    assert "charged" not in text
