"""The billing engine against SPEC's billing rules: table tests, a per-day oracle, properties."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billing.app_history import AppFacts
from billing.billable import billable_days
from billing.errors import Invalid
from billing.money import CURRENCY_EXPONENTS
from billing.periods import Month
from billing.plans import PlanTerms
from billing.statement import Line, StatementDraft, build_statement, min_charge_minor

ACME, GLOBEX, INITECH = 1, 2, 3
NOV = Month(2026, 11)  # 30 days
OCT = Month(2026, 10)  # 31 days
LONG_AGO = date(1, 1, 1)

BASIC = PlanTerms("Basic", "flat", 4900, "USD", "production")
PRO = PlanTerms("Pro", "flat", 9900, "USD", "production")
BASIC_TWIN = PlanTerms("Basic+", "flat", 4900, "USD", "production")
FREE = PlanTerms("Free", "unbilled", 0, "USD", "production")
STAGE = PlanTerms("Stage", "flat", 1000, "USD", "staging")
API = PlanTerms(
    "API", "metered", 2000, "USD", "production",
    metric="requests", unit_price_micros=2_000_000, included_quantity=10_000,
)  # fmt: skip


def app(
    name: str = "shop",
    *,
    plans: tuple[tuple[date, PlanTerms], ...] = ((LONG_AGO, BASIC),),
    owners: tuple[tuple[date, int], ...] = ((LONG_AGO, ACME),),
    environment: str = "production",
    created_on: date = LONG_AGO,
    domain_since: date | None = LONG_AGO,
    **more: Any,
) -> AppFacts:
    return AppFacts(name, environment, created_on, plans, owners, domain_since=domain_since, **more)


def close(*apps: AppFacts, company: int = ACME, month: Month = NOV, **more: Any) -> StatementDraft:
    more.setdefault("currency", "USD")
    return build_statement(company_id=company, month=month, apps=apps, **more)


def summary(draft: StatementDraft) -> list[tuple[str, int]]:
    return [(line.description, line.amount_minor) for line in draft.lines]


def nov(day: int) -> date:
    return date(2026, 11, day)


# --- SPEC's worked examples ------------------------------------------------------------------


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2031])
def test_spec_example_49_usd_from_october_11(year: int) -> None:
    shop = app(domain_since=date(year, 10, 11))
    draft = close(shop, month=Month(year, 10))
    assert summary(draft) == [("shop: Basic, Oct 11–31 (21 of 31 days)", 3319)]
    assert draft.total_minor == 3319


def test_spec_example_100_eur_from_october_18() -> None:
    plan = PlanTerms("Business", "flat", 10_000, "EUR", "production")
    shop = app(plans=((date(2025, 10, 18), plan),))
    draft = close(shop, month=Month(2025, 10), currency="EUR")
    assert summary(draft) == [("shop: Business, Oct 18–31 (14 of 31 days)", 4516)]
    assert draft.currency == "EUR"


def test_whole_month_costs_the_plan_amount() -> None:
    draft = close(app())
    assert summary(draft) == [("shop: Basic, Nov 1–30 (30 of 30 days)", 4900)]
    (line,) = draft.lines
    assert line == Line("plan", line.description, "shop", nov(1), nov(30), 30, None, 4900)


# --- when an app is billed -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param({"domain_since": nov(11)}, [(nov(11), nov(30), 3267)], id="domain mid-month"),
        pytest.param({"domain_since": date(2026, 12, 2)}, [], id="domain after the month"),
        pytest.param({"domain_since": None}, [], id="no domain"),
        pytest.param({"deleted_on": nov(10)}, [(nov(1), nov(10), 1633)], id="deleted mid-month"),
        pytest.param({"deleted_on": nov(1)}, [(nov(1), nov(1), 163)], id="deleted on the 1st"),
        pytest.param({"deleted_on": date(2026, 10, 31)}, [], id="deleted before the month"),
        pytest.param({"created_on": nov(21)}, [(nov(21), nov(30), 1633)], id="created mid-month"),
        pytest.param({"created_on": date(2026, 12, 1)}, [], id="created after the month"),
        pytest.param({"trial_through": nov(14)}, [(nov(15), nov(30), 2613)], id="trial"),
        pytest.param({"trial_through": nov(30)}, [], id="trial through the month"),
        pytest.param({"trial_through": OCT.last_day}, [(nov(1), nov(30), 4900)], id="trial ended"),
        pytest.param(
            {"domain_since": nov(5), "trial_through": nov(9), "deleted_on": nov(20)},
            [(nov(10), nov(20), 1797)],
            id="latest start, earliest end",
        ),
        pytest.param({"plans": ()}, [], id="no plan: unbilled"),
        pytest.param({"plans": ((LONG_AGO, FREE),)}, [], id="unbilled plan"),
        pytest.param({"plans": ((nov(16), BASIC),)}, [(nov(16), nov(30), 2450)], id="plan from"),
    ],
)  # fmt: skip
def test_which_days_are_billed(
    facts: dict[str, Any], expected: list[tuple[date, date, int]]
) -> None:
    draft = close(app(**facts))
    assert [(line.first_day, line.last_day, line.amount_minor) for line in draft.lines] == expected
    assert draft.total_minor == sum(amount for *_, amount in expected)


def test_staging_app_on_production_plan_is_not_billed() -> None:
    staging = app(environment="staging", plans=((LONG_AGO, BASIC),), domain_since=None)
    assert close(staging).lines == ()


def test_production_app_on_staging_plan_is_not_billed() -> None:
    assert close(app(plans=((LONG_AGO, STAGE),))).lines == ()


def test_staging_app_on_staging_plan_is_billed_without_a_domain() -> None:
    staging = app(
        "shop-staging", environment="staging", plans=((nov(21), STAGE),), domain_since=None
    )
    assert summary(close(staging)) == [("shop-staging: Stage, Nov 21–30 (10 of 30 days)", 333)]


def test_descriptions_show_no_environment() -> None:
    staging = app("shop", environment="staging", plans=((LONG_AGO, STAGE),), domain_since=None)
    assert all("staging" not in line.description for line in close(staging).lines)


# --- transfers -------------------------------------------------------------------------------


def test_transfer_old_company_pays_through_the_move_day_new_one_from_the_next() -> None:
    # moved on Oct 11: the storage layer writes the new owner from Oct 12
    shop = app(owners=((LONG_AGO, ACME), (date(2026, 10, 12), GLOBEX)))
    old, new = close(shop, month=OCT), close(shop, month=OCT, company=GLOBEX)
    assert summary(old) == [("shop: Basic, Oct 1–11 (11 of 31 days)", 1739)]
    assert summary(new) == [("shop: Basic, Oct 12–31 (20 of 31 days)", 3161)]
    assert old.total_minor + new.total_minor == 4900


def test_transfer_away_and_back_gives_two_segments() -> None:
    owners = ((LONG_AGO, ACME), (nov(11), GLOBEX), (nov(21), ACME))
    draft = close(app(owners=owners))
    assert [(line.first_day, line.last_day) for line in draft.lines] == [
        (nov(1), nov(10)),
        (nov(21), nov(30)),
    ]
    assert [line.days for line in close(app(owners=owners), company=GLOBEX).lines] == [10]


def test_a_company_that_never_owned_the_app_pays_nothing() -> None:
    assert close(app(), company=INITECH).lines == ()


def test_repeated_owner_entries_do_not_split_lines() -> None:
    shop = app(owners=((LONG_AGO, ACME), (nov(11), ACME)))
    assert [line.days for line in close(shop).lines] == [30]


# --- plan changes ----------------------------------------------------------------------------


def test_upgrade_the_new_dearer_plan_counts_on_the_change_day() -> None:
    shop = app(plans=((LONG_AGO, BASIC), (nov(11), PRO)))
    assert summary(close(shop)) == [
        ("shop: Basic, Nov 1–10 (10 of 30 days)", 1633),
        ("shop: Pro, Nov 11–30 (20 of 30 days)", 6600),
    ]


def test_downgrade_the_old_dearer_plan_counts_on_the_change_day() -> None:
    shop = app(plans=((LONG_AGO, PRO), (nov(11), BASIC)))
    assert summary(close(shop)) == [
        ("shop: Pro, Nov 1–11 (11 of 30 days)", 3630),
        ("shop: Basic, Nov 12–30 (19 of 30 days)", 3103),
    ]


def test_a_lower_price_of_the_same_plan_counts_from_its_first_day() -> None:
    cheaper = replace(PRO, amount_minor=4900)  # a plan version: the same plan, new prices
    shop = app(plans=((LONG_AGO, PRO), (nov(11), cheaper)))
    assert summary(close(shop)) == [
        ("shop: Pro, Nov 1–10 (10 of 30 days)", 3300),
        ("shop: Pro, Nov 11–30 (20 of 30 days)", 3267),
    ]


def test_a_unit_price_below_the_minor_unit_is_rounded_once_per_line() -> None:
    api = replace(API, included_quantity=0, unit_price_micros=40_000)  # 0.0004 USD
    usage = {nov(day): 1_111 for day in range(1, 31)}  # 33,330 x 0.0004 = 13.332
    lines = close(app("api", plans=((LONG_AGO, api),), usage=usage)).lines
    assert [(line.kind, line.quantity, line.amount_minor) for line in lines] == [
        ("plan", None, 2000),
        ("overage", 33_330, 1333),
    ]


def test_a_new_owner_pays_its_own_plan_from_its_first_day_even_if_the_old_one_was_dearer() -> None:
    shop = app(
        plans=((LONG_AGO, PRO), (nov(11), BASIC)), owners=((LONG_AGO, ACME), (nov(11), GLOBEX))
    )
    assert summary(close(shop, company=GLOBEX)) == [
        ("shop: Basic, Nov 11–30 (20 of 30 days)", 3267)
    ]
    assert summary(close(shop)) == [("shop: Pro, Nov 1–10 (10 of 30 days)", 3300)]


def test_same_price_the_new_plan_counts_on_the_change_day() -> None:
    shop = app(plans=((LONG_AGO, BASIC), (nov(11), BASIC_TWIN)))
    assert [(line.description, line.days) for line in close(shop).lines] == [
        ("shop: Basic, Nov 1–10 (10 of 30 days)", 10),
        ("shop: Basic+, Nov 11–30 (20 of 30 days)", 20),
    ]


def test_change_on_the_first_compares_with_last_months_plan() -> None:
    shop = app(plans=((LONG_AGO, PRO), (nov(1), BASIC)))
    assert summary(close(shop)) == [
        ("shop: Pro, Nov 1 (1 of 30 days)", 330),
        ("shop: Basic, Nov 2–30 (29 of 30 days)", 4737),
    ]


def test_switching_to_unbilled_still_bills_the_change_day() -> None:
    shop = app(plans=((LONG_AGO, BASIC), (nov(11), FREE)))
    assert [line.days for line in close(shop).lines] == [11]


def test_two_changes_on_consecutive_days() -> None:
    shop = app(plans=((LONG_AGO, BASIC), (nov(10), PRO), (nov(11), BASIC)))
    assert summary(close(shop)) == [
        ("shop: Basic, Nov 1–9 (9 of 30 days)", 1470),
        ("shop: Pro, Nov 10–11 (2 of 30 days)", 660),  # on the 11th Pro is dearer than Basic
        ("shop: Basic, Nov 12–30 (19 of 30 days)", 3103),
    ]


def test_reassigning_the_same_plan_does_not_split_lines() -> None:
    shop = app(plans=((LONG_AGO, BASIC), (nov(11), BASIC)))
    assert [line.days for line in close(shop).lines] == [30]


def test_plans_and_owners_in_any_order() -> None:
    plans = ((nov(11), PRO), (LONG_AGO, BASIC))
    owners = ((nov(21), GLOBEX), (LONG_AGO, ACME))
    shop = app(plans=plans, owners=owners)
    reordered = app(plans=plans[::-1], owners=owners[::-1])
    assert close(shop) == close(reordered)
    assert billable_days(shop, ACME, NOV) == billable_days(reordered, ACME, NOV)


# --- overage ---------------------------------------------------------------------------------


def test_overage_above_the_included_quantity_per_day() -> None:
    usage = {nov(2): 12_000, nov(3): 10_000, nov(4): 9_000, nov(5): 10_250}
    draft = close(app(plans=((LONG_AGO, API),), usage=usage))
    assert summary(draft) == [
        ("shop: API, Nov 1–30 (30 of 30 days)", 2000),
        ("shop: 2,250 requests over the included 10,000 a day", 4500),
    ]
    assert draft.lines[1].kind == "overage"
    assert draft.lines[1].quantity == 2250
    assert draft.total_minor == 6500


def test_overage_only_on_billed_days_and_per_segment() -> None:
    usage = {nov(3): 11_000, nov(15): 10_500, nov(25): 10_001, date(2026, 12, 1): 99_999}
    shop = app(plans=((LONG_AGO, API), (nov(11), BASIC), (nov(21), API)), usage=usage)
    draft = close(shop, month=NOV)
    assert [(line.kind, line.days, line.quantity, line.amount_minor) for line in draft.lines] == [
        ("plan", 10, None, 667),
        ("overage", 10, 1000, 2000),
        ("plan", 11, None, 1797),  # Basic from the 11th (dearer than API) to the 21st
        ("plan", 9, None, 600),
        ("overage", 9, 1, 2),
    ]
    assert (
        draft.lines[1].description
        == "shop: 1,000 requests over the included 10,000 a day, Nov 1–10"
    )


def test_no_overage_line_when_nothing_is_over() -> None:
    draft = close(app(plans=((LONG_AGO, API),), usage={nov(2): 10_000}))
    assert [line.kind for line in draft.lines] == ["plan"]


def test_overage_without_included_quantity() -> None:
    plan = replace(API, included_quantity=None, unit_price_micros=3_000_000)
    draft = close(app(plans=((LONG_AGO, plan),), usage={nov(2): 5, nov(30): 7}))
    assert summary(draft)[1] == ("shop: 12 requests", 36)


def test_overage_with_long_usage_history_counts_only_the_month() -> None:
    history = {nov(1) + timedelta(days=n): 10_001 for n in range(-400, 400)}
    draft = close(app(plans=((LONG_AGO, API),), usage=history))
    assert draft.lines[1].quantity == 30


# --- balance, order, totals ------------------------------------------------------------------


def test_balance_carried_from_last_month_comes_first() -> None:
    draft = close(app(), carried_minor=35, carried_from=Month(2026, 10))
    assert draft.lines[0] == Line(
        "balance", "Balance carried from 2026-10", None, None, None, None, None, 35
    )
    assert draft.total_minor == 4935


def test_balance_defaults_to_the_previous_month_and_stands_alone() -> None:
    draft = close(carried_minor=12)
    assert summary(draft) == [("Balance carried from 2026-10", 12)]
    assert not draft.chargeable(min_charge_minor("USD"))


def test_lines_ordered_apps_by_name_segments_by_day() -> None:
    blog = app("blog", plans=((LONG_AGO, API), (nov(16), BASIC)), usage={nov(20): 10_000})
    api = app("API", plans=((LONG_AGO, API),), usage={nov(1): 10_001})
    zoo = app("zoo")
    draft = close(zoo, blog, api, carried_minor=1)
    assert [(line.kind, line.app, line.first_day) for line in draft.lines] == [
        ("balance", None, None),
        ("plan", "API", nov(1)),
        ("overage", "API", nov(1)),
        ("plan", "blog", nov(1)),
        ("plan", "blog", nov(16)),
        ("plan", "zoo", nov(1)),
    ]
    assert draft.total_minor == sum(line.amount_minor for line in draft.lines)


def test_an_empty_month() -> None:
    draft = close()
    assert (draft.lines, draft.total_minor, draft.month, draft.company_id) == ((), 0, NOV, ACME)
    assert not draft.chargeable(min_charge_minor("USD"))


# --- currencies ------------------------------------------------------------------------------


def test_jpy_has_no_minor_unit() -> None:
    plan = PlanTerms("Basic", "flat", 1000, "JPY", "production")
    draft = close(app(plans=((nov(11), plan),)), currency="jpy")
    assert summary(draft) == [("shop: Basic, Nov 11–30 (20 of 30 days)", 667)]  # 666.67 yen


def test_kwd_has_three_decimals() -> None:
    plan = PlanTerms("Basic", "flat", 12_345, "KWD", "production")  # 12.345 KWD
    draft = close(app(plans=((date(2026, 10, 18), plan),)), month=OCT, currency="KWD")
    assert draft.total_minor == 5575  # 14/31 x 12.345 = 5.57516...


@pytest.mark.parametrize(
    ("currency", "minimum"), [("USD", 50), ("EUR", 50), ("JPY", 1), ("KWD", 500), ("CLF", 5000)]
)
def test_min_charge_is_half_a_major_unit(currency: str, minimum: int) -> None:
    assert min_charge_minor(currency) == minimum


def test_chargeable_from_the_minimum() -> None:
    shop = app(domain_since=nov(30), plans=((LONG_AGO, replace(BASIC, amount_minor=1500)),))
    assert close(shop).total_minor == 50
    assert close(shop).chargeable(50)
    assert not close(shop).chargeable(51)


def test_a_plan_in_another_currency_is_refused_by_name() -> None:
    euro = PlanTerms("Euro Basic", "flat", 4900, "EUR", "production")
    with pytest.raises(Invalid, match=r"“shop” is on plan “Euro Basic” in EUR.*USD"):
        close(app(plans=((LONG_AGO, euro),)))


def test_an_unbilled_plan_in_another_currency_is_harmless() -> None:
    free = replace(FREE, currency="EUR")
    assert close(app(plans=((LONG_AGO, free),))).lines == ()


# --- February --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "text", "amount"),
    [
        (2024, "shop: Basic, Feb 15–29 (15 of 29 days)", 1500),
        (2025, "shop: Basic, Feb 15–28 (14 of 28 days)", 1450),
        (2000, "shop: Basic, Feb 15–29 (15 of 29 days)", 1500),
        (2100, "shop: Basic, Feb 15–28 (14 of 28 days)", 1450),
    ],
)
def test_february(year: int, text: str, amount: int) -> None:
    plan = replace(BASIC, amount_minor=2900)
    shop = app(plans=((date(year, 2, 15), plan),))
    assert summary(close(shop, month=Month(year, 2))) == [(text, amount)]
    whole = app(plans=((LONG_AGO, plan),))
    assert close(whole, month=Month(year, 2)).total_minor == 2900


# --- refused inputs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "terms",
    [
        {"amount_minor": -1},
        {"unit_price_micros": -2},
        {"included_quantity": -3},
        {"amount_minor": 49.0},
        {"kind": "yearly"},
        {"environment": "dev"},
        {"currency": "XYZ"},
        {"metric": None},
        {"unit_price_micros": None},
    ],
)
def test_bad_plan_terms_are_refused(terms: dict[str, Any]) -> None:
    with pytest.raises(Invalid):
        replace(API, **terms)


def test_bad_app_facts_are_refused() -> None:
    with pytest.raises(Invalid, match="usage can't be negative"):
        app(usage={nov(2): -1})
    with pytest.raises(Invalid, match="environment"):
        app(environment="test")


def test_a_carried_credit_lowers_the_total() -> None:
    draft = close(app(), carried_minor=-1000, carried_from=Month(2026, 10))
    assert summary(draft)[0] == ("Balance carried from 2026-10", -1000)
    assert draft.total_minor == 4900 - 1000
    with pytest.raises(Invalid):
        close(carried_minor=1.5)  # type: ignore[arg-type]


def test_two_different_plans_on_one_day_are_refused() -> None:
    with pytest.raises(Invalid, match="two plans from 2026-11-11"):
        close(app(plans=((LONG_AGO, BASIC), (nov(11), PRO), (nov(11), BASIC))))


def test_two_different_owners_on_one_day_are_refused() -> None:
    with pytest.raises(Invalid, match="two owners from 2026-11-11"):
        close(app(owners=((nov(11), ACME), (nov(11), GLOBEX))))


def test_exact_duplicates_are_harmless() -> None:
    shop = app(plans=((LONG_AGO, BASIC), (LONG_AGO, BASIC)), owners=((LONG_AGO, ACME),) * 2)
    assert close(shop).total_minor == 4900


# --- an oracle: SPEC's rules, day by day, as literally as possible ---------------------------


def _latest(entries: tuple[tuple[date, Any], ...], day: date) -> Any:
    held = [(since, value) for since, value in entries if since <= day]
    return max(held, key=lambda entry: entry[0])[1] if held else None


def _price(plan: PlanTerms, app: AppFacts) -> int:
    return plan.amount_minor if plan.bills(app.environment) else 0


def oracle(app: AppFacts, company: int, month: Month) -> list[tuple[date, PlanTerms]]:
    days = []
    for day in month.each_day():
        if _latest(app.owners, day) != company or day < app.created_on:
            continue
        if app.deleted_on and day > app.deleted_on:
            continue
        if app.trial_through and day <= app.trial_through:
            continue
        if app.environment == "production" and not (app.domain_since and day >= app.domain_since):
            continue
        plan, before = _latest(app.plans, day), _latest(app.plans, day - timedelta(days=1))
        if plan is None:
            continue
        if before is not None and any(since == day for since, _ in app.plans):
            plan = before if _price(before, app) > _price(plan, app) else plan
        if plan.bills(app.environment):
            days.append((day, plan))
    return days


MONTHS = [Month(2026, 11), Month(2025, 10), Month(2024, 2), Month(2025, 2)]
POOL = [BASIC, PRO, BASIC_TWIN, FREE, STAGE, API]


@st.composite
def histories(draw: st.DrawFn, month: Month) -> AppFacts:
    """An app with a random history around the month."""
    near = st.integers(-40, 70).map(lambda n: month.first_day + timedelta(days=n))
    maybe = st.none() | near
    return AppFacts(
        name=draw(st.sampled_from(["shop", "blog", "Shop", "api"])),
        environment=draw(st.sampled_from(["production", "staging"])),
        created_on=draw(near),
        plans=tuple(draw(st.dictionaries(near, st.sampled_from(POOL), max_size=5)).items()),
        owners=tuple(
            draw(st.dictionaries(near, st.sampled_from([ACME, GLOBEX]), max_size=4)).items()
        ),
        domain_since=draw(maybe),
        deleted_on=draw(maybe),
        trial_through=draw(maybe),
        usage=draw(st.dictionaries(near, st.integers(0, 30_000), max_size=40)),
    )


@given(st.data())
def test_billable_days_follow_the_rules_day_by_day(data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(MONTHS))
    facts = data.draw(histories(month))
    company = data.draw(st.sampled_from([ACME, GLOBEX]))
    assert billable_days(facts, company, month) == oracle(facts, company, month)


@given(st.data())
def test_lines_cover_the_billable_days_and_totals_add_up(data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(MONTHS))
    apps = data.draw(st.lists(histories(month), max_size=4))
    carried = data.draw(st.integers(0, 49))
    draft = close(*apps, month=month, carried_minor=carried)
    assert draft.total_minor == sum(line.amount_minor for line in draft.lines) >= 0
    assert all(line.amount_minor >= 0 for line in draft.lines)
    plan_days = sum(line.days or 0 for line in draft.lines if line.kind == "plan")
    assert plan_days == sum(len(billable_days(facts, ACME, month)) for facts in apps)
    over = sum(line.quantity or 0 for line in draft.lines if line.kind == "overage")
    assert over == sum(_units_over(facts, ACME, month) for facts in apps)


def _units_over(facts: AppFacts, company: int, month: Month) -> int:
    return sum(
        max(0, facts.usage.get(day, 0) - (plan.included_quantity or 0))
        for day, plan in oracle(facts, company, month)
        if plan.kind == "metered"
    )


@given(st.data())
def test_build_statement_is_deterministic_in_any_input_order(data: st.DataObject) -> None:
    month = data.draw(st.sampled_from(MONTHS))
    apps = data.draw(st.lists(histories(month), max_size=4))
    shuffled = [
        replace(
            facts,
            plans=tuple(data.draw(st.permutations(facts.plans))),
            owners=tuple(data.draw(st.permutations(facts.owners))),
        )
        for facts in data.draw(st.permutations(apps))
    ]
    assert close(*apps, month=month) == close(*shuffled, month=month)


any_month = st.builds(Month, st.integers(1, 9999), st.integers(1, 12))
currencies = st.sampled_from(sorted(CURRENCY_EXPONENTS))
amounts = st.integers(0, 10**15)


@given(amounts, any_month, currencies)
def test_a_whole_month_costs_exactly_the_plan_amount(amount: int, month: Month, code: str) -> None:
    plan = PlanTerms("Any", "flat", amount, code, "production")
    shop = app(plans=((LONG_AGO, plan),))
    assert close(shop, month=month, currency=code).total_minor == amount


@given(amounts, any_month, st.integers(1, 30))
def test_a_split_month_sums_to_the_whole(amount: int, month: Month, moved_after: int) -> None:
    moved_after = min(moved_after, month.days - 1)
    plan = replace(BASIC, amount_minor=amount)
    owners = ((LONG_AGO, ACME), (month.first_day + timedelta(days=moved_after), GLOBEX))
    shop = app(plans=((LONG_AGO, plan),), owners=owners)
    old, new = close(shop, month=month), close(shop, month=month, company=GLOBEX)
    assert [line.days for line in old.lines + new.lines] == [moved_after, month.days - moved_after]
    assert abs(old.total_minor + new.total_minor - amount) <= 1  # one rounding per line
