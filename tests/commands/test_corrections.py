"""since: and on: dates that reach back, through the use cases: an open month bills from the
date, a final month gets a correction on the oldest open statement, a credit carries."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from billing.errors import Invalid
from billing.periods import Month
from commands.close_month import close_month
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.delete_app import delete_app
from commands.set_app_domain import set_app_domain
from commands.set_app_plan import set_app_plan
from commands.show_statement import show_statement
from storage.tables import Correction, Statement
from tests.conftest import person

NOV1 = datetime(2026, 11, 1, 8, tzinfo=UTC)
DEC1 = datetime(2026, 12, 1, 9, tzinfo=UTC)
DEC7 = datetime(2026, 12, 7, 9, tzinfo=UTC)
JAN1 = datetime(2027, 1, 1, 9, tzinfo=UTC)
NOV, DEC = Month(2026, 11), Month(2026, 12)


@pytest.fixture
def dan(uow):
    olivia = person(uow, "olivia", operator=True)
    create_plan(uow, actor=olivia, name="Basic", amount_minor=4900, currency="USD", now=NOV1)
    create_plan(uow, actor=olivia, name="Free", amount_minor=0, currency="USD", now=NOV1)
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=NOV1)
    create_app(uow, actor=dan, name="shop", company="Acme", plan="Basic", now=NOV1)
    set_app_domain(
        uow, actor=dan, app="shop", domain="shop.example", since=date(2026, 11, 7), now=NOV1
    )
    return dan


def statement(uow, actor, month, now):
    return show_statement(uow, actor=actor, company="Acme", month=month, now=now)


def test_since_into_the_open_month_bills_from_that_day(uow, dan):
    # the case: an app recorded on Dec 7, on Basic since Dec 1
    create_app(uow, actor=dan, name="blog", company="Acme", now=DEC7)
    set_app_domain(
        uow, actor=dan, app="blog", domain="blog.example", since=date(2026, 12, 1), now=DEC7
    )
    done = set_app_plan(uow, actor=dan, app="blog", plan="Basic", since=date(2026, 12, 1), now=DEC7)
    assert (done.since, done.late) == (date(2026, 12, 1), None)
    lines = statement(uow, dan, DEC, DEC7).lines
    blog = [line for line in lines if line.app == "blog"]
    assert [(line.first_day, line.days, line.amount_minor) for line in blog] == [
        (date(2026, 12, 1), 31, 4900)
    ]


def test_last_month_is_open_until_it_closes(uow, dan):
    # Dec 1 before the close: November has no final statement yet, so Nov 3 is billed there
    done = set_app_domain(
        uow, actor=dan, app="shop", domain="shop.example", since=date(2026, 11, 3), now=DEC1
    )
    assert done.late is None
    close_month(uow, month=NOV, now=DEC1)
    nov = statement(uow, dan, NOV, DEC1)
    assert (nov.status, nov.lines[0].first_day, nov.total_minor) == (
        "finalized",
        date(2026, 11, 3),
        4573,
    )


def test_a_date_in_a_final_month_is_a_correction_on_the_next_statement(uow, dan):
    close_month(uow, month=NOV, now=DEC1)
    assert statement(uow, dan, NOV, DEC1).total_minor == 3920  # Nov 7-30: 24/30 x 49.00
    done = set_app_domain(
        uow, actor=dan, app="shop", domain="shop.example", since=date(2026, 11, 3), now=DEC7
    )
    assert done.late is not None
    assert (done.late.closed, done.late.on_statement) == ((NOV,), DEC)
    [made] = done.late.corrections
    assert (made.month, made.amount.amount_minor) == (NOV, 653)  # 4/30 x 49.00
    final = statement(uow, dan, NOV, DEC7)
    assert (final.status, final.total_minor) == ("finalized", 3920)  # untouched
    dec = statement(uow, dan, DEC, DEC7)
    assert [(line.kind, line.description, line.amount_minor) for line in dec.lines] == [
        ("correction", "Correction for 2026-11: shop, domain from Nov 3, 4 days", 653),
        ("plan", "shop: Basic, Dec 1–31 (31 of 31 days)", 4900),
    ]
    # the same month again: what the correction already billed counts as billed
    again = set_app_plan(
        uow, actor=dan, app="shop", plan="Basic", since=date(2026, 11, 3), now=DEC7
    )
    assert again.late is not None and again.late.corrections == ()
    close_month(uow, month=DEC, now=JAN1)
    closed = statement(uow, dan, DEC, JAN1)
    assert (closed.status, closed.total_minor) == ("finalized", 653 + 4900)
    with uow:
        assert uow.session.exec(select(Correction.billed_in)).all() == ["2026-12"]


def test_a_refund_below_zero_carries_as_a_credit(uow, dan):
    close_month(uow, month=NOV, now=DEC1)
    # shop was free all along, from Nov 1: November's 39.20 comes back, December bills nothing
    done = set_app_plan(uow, actor=dan, app="shop", plan="Free", since=date(2026, 11, 1), now=DEC7)
    assert done.late is not None
    assert [c.amount.amount_minor for c in done.late.corrections] == [-3920]
    close_month(uow, month=DEC, now=JAN1)
    dec = statement(uow, dan, DEC, JAN1)
    assert (dec.total_minor, [line.kind for line in dec.lines]) == (-3920, ["correction"])
    jan = statement(uow, dan, Month(2027, 1), JAN1)
    assert [(line.description, line.amount_minor) for line in jan.lines] == [
        ("Balance carried from 2026-12", -3920)
    ]
    with uow:
        statuses = dict(uow.session.exec(select(Statement.period, Statement.status)).all())
    assert statuses == {"2026-11": "finalized", "2026-12": "finalized"}


def test_a_final_month_with_nothing_billed_is_not_closed_again(uow, dan):
    create_company(uow, actor=dan, name="Quiet", now=NOV1)
    create_app(uow, actor=dan, name="calm", company="Quiet", plan="Basic", now=NOV1)
    close_month(uow, month=NOV, now=DEC1)  # Quiet: nothing billed, no statement
    feb = datetime(2027, 2, 2, 9, tzinfo=UTC)  # the month before last is December now
    done = set_app_domain(
        uow, actor=dan, app="calm", domain="calm.example", since=date(2026, 11, 21), now=feb
    )
    assert done.late is not None and done.late.on_statement == DEC
    assert [c.amount.amount_minor for c in done.late.corrections] == [1633]  # 10/30 x 49.00
    report = close_month(uow, month=NOV, now=feb)
    assert report.finalized == 0  # settled by the correction: never billed twice


def test_dates_before_the_company_s_first_month_are_refused(uow, dan):
    with pytest.raises(Invalid, match="Acme is billed by billbot from November 2026 on"):
        set_app_plan(uow, actor=dan, app="shop", plan="Basic", since=date(2026, 10, 31), now=DEC7)


def test_a_deletion_dated_in_a_final_month_refunds_the_days_after_it(uow, dan):
    close_month(uow, month=NOV, now=DEC1)
    done = delete_app(uow, actor=dan, app="shop", on=date(2026, 11, 20), now=DEC7)
    assert done.late is not None
    assert [c.amount.amount_minor for c in done.late.corrections] == [2287 - 3920]  # 14 of 24
    dec = statement(uow, dan, DEC, DEC7)
    assert [(line.description, line.amount_minor) for line in dec.lines] == [
        ("Correction for 2026-11: shop deleted on Nov 20, 10 days fewer", -1633)
    ]
