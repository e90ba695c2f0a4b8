"""Dates that reach back: the oldest month still open, and corrections of final months by the
same rules as every statement."""

from datetime import date

import pytest

from billing.app_history import AppFacts
from billing.corrections import check_reach, closed_months, correction_line, first_open_month
from billing.errors import Invalid
from billing.periods import Month
from billing.plans import PlanTerms
from billing.statement import build_statement, carries

NOV, DEC = Month(2026, 11), Month(2026, 12)
BASIC = PlanTerms("Basic", "flat", 4900, "USD", "production")
API = PlanTerms(
    "API", "metered", 2000, "USD", "production",
    metric="requests", unit_price_micros=2_000_000, included_quantity=100,
)  # fmt: skip


def shop(domain: date, plan: PlanTerms = BASIC, **more: object) -> AppFacts:
    return AppFacts(
        "shop", "production", date(2026, 11, 1), ((date(2026, 11, 1), plan),),
        ((date(2026, 11, 1), 1),), domain_since=domain, **more,  # type: ignore[arg-type]
    )  # fmt: skip


def lines_of(app: AppFacts, month: Month = NOV):
    return build_statement(company_id=1, currency="USD", month=month, apps=[app]).lines


def test_the_oldest_open_month_follows_the_newest_final_statement() -> None:
    assert first_open_month(newest_closed=NOV, this_month=DEC) == DEC
    # last month not closed yet (before the charge day): still open
    assert first_open_month(newest_closed=Month(2026, 10), this_month=DEC) == NOV
    # no statement yet: the month before last is the oldest the charge-day sweep still closes
    assert first_open_month(newest_closed=None, this_month=DEC) == Month(2026, 10)
    assert first_open_month(newest_closed=Month(2026, 3), this_month=DEC) == Month(2026, 10)


def test_closed_months_run_up_to_the_open_one() -> None:
    assert list(closed_months(Month(2026, 10), DEC)) == [Month(2026, 10), NOV]
    assert list(closed_months(DEC, DEC)) == []


def test_a_date_before_the_company_s_first_month_is_refused() -> None:
    check_reach(date(2026, 11, 1), company="Acme", first_month=NOV)
    with pytest.raises(Invalid, match="Acme is billed by billbot from November 2026 on"):
        check_reach(date(2026, 10, 31), company="Acme", first_month=NOV)


def test_the_issue_s_example_four_more_days_of_basic() -> None:
    billed = lines_of(shop(date(2026, 11, 7)))  # what the final statement billed: Nov 7-30
    line = correction_line(
        month=NOV,
        app="shop",
        what="shop on Basic from Nov 3",
        rebilled=lines_of(shop(date(2026, 11, 3))),
        billed_minor=sum(x.amount_minor for x in billed),
        billed_days=sum(x.days or 0 for x in billed),
    )
    assert line is not None
    assert (line.kind, line.days, line.amount_minor) == ("correction", 4, 653)  # 4/30 x 49.00
    assert line.description == "Correction for 2026-11: shop on Basic from Nov 3, 4 days"
    # the same rules: re-billing the month minus what was billed, rounded per line
    assert line.amount_minor == 4573 - 3920  # 28/30 and 24/30 of 49.00, each rounded


def test_a_later_date_refunds_and_nothing_changed_is_no_line() -> None:
    billed = lines_of(shop(date(2026, 11, 3)))
    refund = correction_line(
        month=NOV,
        app="shop",
        what="shop, domain from Nov 20",
        rebilled=lines_of(shop(date(2026, 11, 20))),
        billed_minor=sum(x.amount_minor for x in billed),
        billed_days=28,
    )
    assert refund is not None and (refund.amount_minor, refund.days) == (
        1797 - 4573,
        -17,
    )  # 11/30 and 28/30
    assert refund.description.endswith("from Nov 20, 17 days fewer")
    same = correction_line(
        month=NOV, app="shop", what="-", rebilled=billed, billed_minor=4573, billed_days=28
    )
    assert same is None


def test_late_usage_is_billed_as_overage() -> None:
    before = lines_of(shop(date(2026, 11, 1), API))
    after = lines_of(shop(date(2026, 11, 1), API, usage={date(2026, 11, 5): 350}))
    line = correction_line(
        month=NOV,
        app="shop",
        what="shop, 350 requests on Nov 5",
        rebilled=after,
        billed_minor=sum(x.amount_minor for x in before),
        billed_days=30,
    )
    assert line is not None and (line.amount_minor, line.days) == (500, 0)  # 250 x 0.02
    assert line.description == "Correction for 2026-11: shop, 350 requests on Nov 5"


def test_corrections_come_after_the_balance_and_a_credit_carries() -> None:
    refund = correction_line(
        month=NOV, app="shop", what="x", rebilled=[], billed_minor=4900, billed_days=30
    )
    assert refund is not None
    draft = build_statement(
        company_id=1, currency="USD", month=DEC, apps=[], carried_minor=30, corrections=[refund]
    )
    assert [line.kind for line in draft.lines] == ["balance", "correction"]
    assert draft.total_minor == 30 - 4900
    assert not draft.chargeable(50) and carries(draft.total_minor, 50)
    assert carries(30, 50) and not carries(0, 50) and not carries(50, 50)
