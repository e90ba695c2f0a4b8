"""What the answers to billing questions read, month by month: the next charge before and after
the month close, what is due and how late, the last statement, and who may read them."""

from datetime import UTC, date, datetime

import pytest

from billing.closing import Calendar
from billing.errors import Invalid, NotFound
from billing.periods import Month
from commands.close_month import close_month
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.link_channel import link_channel
from commands.questions.answers import PaidByHand
from commands.questions.askable import askable
from commands.questions.dues import dues
from commands.questions.last_statement import last_statement
from commands.questions.next_charge import next_charge
from commands.questions.pay import pay
from commands.questions.permissions import permissions
from commands.questions.statement_page import statement_page
from commands.set_app_domain import set_app_domain
from payments.manual import ManualGateway
from tests.conftest import person

OCT1 = datetime(2026, 10, 1, 9, tzinfo=UTC)
CAL = Calendar(charge_day=5, due_day=15)


@pytest.fixture
def acme(uow):
    olivia = person(uow, "olivia", operator=True)
    create_plan(uow, actor=olivia, name="Basic", amount_minor=3100, currency="USD", now=OCT1)
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=OCT1)
    create_app(uow, actor=dan, name="shop", company="Acme", plan="Basic", now=OCT1)
    set_app_domain(
        uow, actor=dan, app="shop", domain="shop.example", since=date(2026, 10, 1), now=OCT1
    )
    ask = askable(uow, dan, None)
    return dan, ask.companies["Acme"]


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


def test_the_next_charge_is_last_month_until_its_charge_day_then_this_month(uow, acme):
    dan, acme_id = acme
    before = next_charge(uow, dan, acme_id, channel_id=None, now=at(3), calendar=CAL)
    assert (before.month, before.charge_on, before.final) == (
        Month(2026, 10),
        date(2026, 11, 5),
        False,
    )
    assert before.amount.amount_minor == 3100  # all of October, still an estimate
    close_month(uow, month=Month(2026, 10), now=at(5), calendar=CAL)
    closed = next_charge(uow, dan, acme_id, channel_id=None, now=at(5), calendar=CAL)
    assert (closed.month, closed.final, closed.amount.amount_minor) == (Month(2026, 10), True, 3100)
    after = next_charge(uow, dan, acme_id, channel_id=None, now=at(6), calendar=CAL)
    assert (after.month, after.charge_on, after.final) == (
        Month(2026, 11),
        date(2026, 12, 5),
        False,
    )


def test_dues_count_the_days_late_after_the_due_day(uow, acme):
    dan, acme_id = acme
    close_month(uow, month=Month(2026, 10), now=at(5), calendar=CAL)
    on_time = dues(uow, dan, acme_id, channel_id=None, now=at(15), calendar=CAL)
    assert [(u.month, u.amount.amount_minor, u.days_late) for u in on_time.unpaid] == [
        (Month(2026, 10), 3100, 0)
    ]
    assert on_time.late == []
    late = dues(uow, dan, acme_id, channel_id=None, now=at(22), calendar=CAL, overdue_only=True)
    assert [(u.month, u.days_late) for u in late.late] == [(Month(2026, 10), 7)]


def test_the_last_statement_is_the_last_closed_month(uow, acme):
    dan, acme_id = acme
    none_yet = last_statement(uow, dan, acme_id, channel_id=None, now=at(3), calendar=CAL)
    assert none_yet.statement is None and none_yet.upcoming.month == Month(2026, 10)
    close_month(uow, month=Month(2026, 10), now=at(5), calendar=CAL)
    last = last_statement(uow, dan, acme_id, channel_id=None, now=at(20), calendar=CAL)
    assert last.statement is not None
    assert (last.statement.month, last.statement.status, last.statement.total_minor) == (
        Month(2026, 10),
        "finalized",
        3100,
    )


def test_the_statement_pages_from_the_first_month_to_this_one(uow, acme):
    dan, acme_id = acme
    now = at(20)
    this = statement_page(uow, dan, acme_id, None, channel_id=None, now=now, calendar=CAL)
    assert (this.statement.month, this.previous, this.next) == (
        Month(2026, 11),
        Month(2026, 10),
        None,
    )
    first = statement_page(
        uow, dan, acme_id, Month(2026, 10), channel_id=None, now=now, calendar=CAL
    )
    assert (first.previous, first.next) == (None, Month(2026, 11))
    for outside in (Month(2026, 9), Month(2026, 12)):
        with pytest.raises(Invalid):
            statement_page(uow, dan, acme_id, outside, channel_id=None, now=now, calendar=CAL)


def test_a_linked_channel_lets_anyone_read_and_nothing_else_does(uow, acme):
    dan, acme_id = acme
    stranger = person(uow, "sam")
    assert askable(uow, stranger, "C1").companies == {}
    for channel in (None, "C1"):
        with pytest.raises(NotFound) as refused:
            dues(uow, stranger, acme_id, channel_id=channel, now=at(20), calendar=CAL)
        assert "Acme" not in refused.value.message
    link_channel(uow, actor=dan, company="Acme", here="C1", now=at(20))
    ask = askable(uow, stranger, "C1")
    assert (ask.companies, ask.linked) == ({"Acme": acme_id}, acme_id)
    seen = permissions(uow, stranger, acme_id, channel_id="C1")
    assert (seen.role, seen.through_channel, seen.allowed) == (None, True, [])
    assert dues(uow, stranger, acme_id, channel_id="C1", now=at(20), calendar=CAL).company == "Acme"
    with pytest.raises(NotFound):
        dues(uow, stranger, acme_id, channel_id="C2", now=at(20), calendar=CAL)
    paying = pay(uow, ManualGateway(), stranger, acme_id, channel_id="C1", public_url="x")
    assert paying == PaidByHand("Acme", None)
