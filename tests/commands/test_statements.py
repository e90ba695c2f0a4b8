"""Statements through the use cases: live estimate, month close, carry-over, usage, payment."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from billing.errors import Invalid, NotAllowed
from billing.periods import Month
from commands.close_month import close_month
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.delete_app import delete_app
from commands.mark_paid import mark_paid
from commands.record_usage import record_usage
from commands.set_app_domain import set_app_domain
from commands.set_app_plan import set_app_plan
from commands.show_statement import show_statement
from storage import lookups
from storage.tables import AppOwnership, Outbox, Statement
from tests.conftest import person

OCT1 = datetime(2026, 10, 1, 9, tzinfo=UTC)
NOV1 = datetime(2026, 11, 1, 9, tzinfo=UTC)
DEC1 = datetime(2026, 12, 1, 9, tzinfo=UTC)
OCT = Month(2026, 10)


@pytest.fixture
def acme(uow):
    olivia = person(uow, "olivia", operator=True)
    create_plan(uow, actor=olivia, name="Basic", amount_minor=4900, currency="USD", now=OCT1)
    create_plan(
        uow,
        actor=olivia,
        name="Metered",
        amount_minor=1000,
        currency="USD",
        metric="requests",
        unit_price_micros=2_000_000,
        included=100,
        now=OCT1,
    )
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=OCT1)
    create_app(uow, actor=dan, name="shop", company="Acme", plan="Basic", now=OCT1)
    set_app_domain(
        uow, actor=dan, app="shop", domain="shop.acme.example", since=date(2026, 10, 11), now=OCT1
    )
    return olivia, dan


def statement(uow, actor, month=OCT, now=NOV1):
    return show_statement(uow, actor=actor, company="Acme", month=month, now=now)


def test_spec_example_as_a_live_estimate_then_closed(uow, acme):
    _, dan = acme
    draft = statement(uow, dan, now=datetime(2026, 10, 20, tzinfo=UTC))
    assert (draft.status, draft.total_minor) == ("draft", 3319)  # 21/31 x 49.00
    report = close_month(uow, month=OCT, now=NOV1)
    assert (report.finalized, report.totals) == (1, {"USD": 3319})
    closed = statement(uow, dan)
    assert (closed.status, closed.total_minor, closed.charge_on, closed.due_on) == (
        "finalized",
        3319,
        date(2026, 11, 1),
        date(2026, 11, 15),
    )
    assert [line.days for line in closed.lines] == [21]


def test_closing_twice_changes_nothing(uow, acme):
    close_month(uow, month=OCT, now=NOV1)
    again = close_month(uow, month=OCT, now=NOV1)
    assert (again.finalized, again.already_closed) == (0, 1)
    with uow:
        assert len(uow.session.exec(select(Statement)).all()) == 1
        keys = uow.session.exec(select(Outbox.key)).all()
        (company_id,) = uow.session.exec(select(Statement.company_id)).all()
    workspace_id = acme[1].workspace_id  # companies bill by hand here: operators get one list
    assert sorted(keys) == [
        f"manual_billing:{workspace_id}:2026-10",
        f"statement_ready:{company_id}:2026-10",
    ]


def test_a_month_not_over_is_not_closed(uow, acme):
    report = close_month(uow, month=OCT, now=datetime(2026, 10, 31, 23, tzinfo=UTC))
    assert (report.finalized, report.not_over) == (0, 1)


def test_dry_run_stores_nothing(uow, acme):
    report = close_month(uow, month=OCT, now=NOV1, dry_run=True)
    assert report.finalized == 1 and report.dry_run
    with uow:
        assert uow.session.exec(select(Statement)).all() == []


def test_small_totals_carry_into_next_month(uow, acme):
    _, dan = acme
    delete_app(uow, actor=dan, app="shop", on=date(2026, 10, 11), now=OCT1)  # 1 day: 1.58
    olivia = person(uow, "olivia")
    create_plan(uow, actor=olivia, name="Tiny", amount_minor=31, currency="USD", now=OCT1)
    create_app(uow, actor=dan, name="tiny", company="Acme", plan="Tiny", now=OCT1)
    set_app_domain(
        uow, actor=dan, app="tiny", domain="t.acme.example", since=date(2026, 10, 1), now=OCT1
    )
    close_month(uow, month=OCT, now=NOV1)
    assert statement(uow, dan).total_minor == 158 + 31
    delete_app(uow, actor=dan, app="tiny", on=date(2026, 11, 30), now=NOV1)
    # November: tiny costs 0.31, below MIN_CHARGE; it carries into December
    close_month(uow, month=Month(2026, 11), now=DEC1)
    november = statement(uow, dan, month=Month(2026, 11), now=DEC1)
    assert (november.total_minor, november.status) == (31, "finalized")
    december = statement(uow, dan, month=Month(2026, 12), now=DEC1)
    assert [line.kind for line in december.lines] == ["balance"]
    assert december.total_minor == 31


def test_overage_is_billed_from_recorded_usage(uow, acme):
    _, dan = acme
    set_app_plan(uow, actor=dan, app="shop", plan="Metered", since=date(2026, 10, 1), now=OCT1)
    for day, quantity in ((12, 150), (13, 90), (14, 300)):
        record_usage(
            uow,
            actor=dan,
            app="shop",
            metric="requests",
            quantity=quantity,
            on=date(2026, 10, day),
            now=datetime(2026, 10, 20, tzinfo=UTC),
        )
    view = statement(uow, dan)
    overage = [line for line in view.lines if line.kind == "overage"]
    assert [(line.quantity, line.amount_minor) for line in overage] == [(250, 500)]


def test_usage_rules(uow, acme):
    _, dan = acme
    with pytest.raises(Invalid, match="future"):
        record_usage(
            uow,
            actor=dan,
            app="shop",
            metric="requests",
            quantity=5,
            on=date(2026, 10, 2),
            now=OCT1,
        )
    close_month(uow, month=OCT, now=NOV1)
    late = record_usage(
        uow, actor=dan, app="shop", metric="requests", quantity=5, on=date(2026, 10, 2), now=NOV1
    ).late  # a closed month: a flat plan bills no usage, so nothing to correct
    assert late is not None and (late.closed, late.corrections) == ((OCT,), ())
    with pytest.raises(Invalid, match="from October 2026 on: 2026-09-30 is before that"):
        record_usage(
            uow,
            actor=dan,
            app="shop",
            metric="requests",
            quantity=5,
            on=date(2026, 9, 30),
            now=NOV1,
        )


def test_transfer_splits_by_day(uow, acme):
    _, dan = acme
    create_company(uow, actor=dan, name="Beta", now=OCT1)
    with uow:  # the transfer use case comes later; a move on Oct 20 is an owner from Oct 21
        app_id = uow.session.exec(select(AppOwnership.app_id)).one()
        beta_id = lookups.company_by_name(uow.session, dan.workspace_id, "Beta").id
        uow.session.add(AppOwnership(app_id=app_id, company_id=beta_id, since=date(2026, 10, 21)))
        uow.commit()
    close_month(uow, month=OCT, now=NOV1)
    acme_total = statement(uow, dan).total_minor
    beta_total = show_statement(uow, actor=dan, company="Beta", month=OCT, now=NOV1).total_minor
    assert (acme_total, beta_total) == (1581, 1739)  # Oct 11-20: 10/31 x 49, Oct 21-31: 11/31


def test_mark_paid_is_for_operators_and_closed_months(uow, acme):
    olivia, dan = acme
    with pytest.raises(Invalid, match="not closed yet"):
        mark_paid(uow, actor=olivia, company="Acme", month=OCT, now=NOV1)
    close_month(uow, month=OCT, now=NOV1)
    with pytest.raises(NotAllowed):
        mark_paid(uow, actor=dan, company="Acme", month=OCT, now=NOV1)
    mark_paid(uow, actor=olivia, company="Acme", month=OCT, now=NOV1)
    assert statement(uow, dan).status == "paid"
