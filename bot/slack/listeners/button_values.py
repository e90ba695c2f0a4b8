"""Reading what a button carries: a record id, or a statement's company and month."""

from billing.errors import Invalid
from billing.periods import Month
from billing.refs import record_id

OUT_OF_DATE = "That button is out of date: ask again."


def clicked_id(body: dict) -> int:
    """The record id a button carries as its value."""
    key = record_id(body["actions"][0].get("value"))
    if key is None:
        raise Invalid(OUT_OF_DATE)
    return key


def statement_value(value: str) -> tuple[int, Month | None]:
    """A statement button's value, "<company id>:<YYYY-MM>"; the month may be left out."""
    company, _, month = value.partition(":")
    company_id = record_id(company)
    if company_id is None:
        raise Invalid(OUT_OF_DATE)
    return company_id, Month.parse(month) if month else None
