"""The facts behind the questions issue 19 added: the due date, amounts carried, which apps are
billed and why not, what an app costs, the invoice e-mail, the card, and what was paid."""

from datetime import UTC, date, datetime

import pytest

from billing.closing import Calendar
from billing.money import Money
from billing.periods import Month
from commands.close_month import close_month
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.mark_paid import mark_paid
from commands.questions.answers import Carried
from commands.questions.app_billing import app_costs, billed_apps
from commands.questions.askable import askable
from commands.questions.card_on_file import card_on_file
from commands.questions.due_date import due_date
from commands.questions.dues import dues
from commands.questions.invoice_email import invoice_email
from commands.questions.payments_made import payments_made
from commands.set_app_domain import set_app_domain
from tests.conftest import person

OCT1 = datetime(2026, 10, 1, 9, tzinfo=UTC)
CAL = Calendar(charge_day=5, due_day=15)


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


@pytest.fixture
def world(uow):
    olivia = person(uow, "olivia", operator=True)
    for name, minor in (("Basic", 3100), ("Tiny", 30)):
        create_plan(uow, actor=olivia, name=name, amount_minor=minor, currency="USD", now=OCT1)
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", email="ap@acme.example", now=OCT1)
    create_company(uow, actor=dan, name="Wee", now=OCT1)
    create_app(uow, actor=dan, name="shop", company="Acme", plan="Basic", now=OCT1)
    create_app(uow, actor=dan, name="blog", company="Acme", plan="Basic", now=OCT1)
    create_app(uow, actor=dan, name="stage", company="Acme", environment="staging", now=OCT1)
    create_app(uow, actor=dan, name="wee-site", company="Wee", plan="Tiny", now=OCT1)
    for app in ("shop", "wee-site"):
        domain, day = f"{app}.example", OCT1.date()
        set_app_domain(uow, actor=dan, app=app, domain=domain, since=day, now=OCT1)
    ask = askable(uow, dan, None)
    return olivia, dan, ask.companies["Acme"], ask.companies["Wee"]


def test_the_due_date_is_the_open_statements_then_the_next_ones(uow, world):
    _, dan, acme, _ = world
    before = due_date(uow, dan, acme, channel_id=None, now=at(3), calendar=CAL)
    assert before.unpaid == [] and before.next_due_on == date(2026, 11, 15)
    close_month(uow, month=Month(2026, 10), now=at(5), calendar=CAL)
    after = due_date(uow, dan, acme, channel_id=None, now=at(6), calendar=CAL)
    assert [(u.month, u.due_on) for u in after.unpaid] == [(Month(2026, 10), date(2026, 11, 15))]


def test_a_total_below_the_minimum_is_carried_and_shown_with_what_is_due(uow, world):
    _, dan, _, wee = world
    close_month(uow, month=Month(2026, 10), now=at(5), calendar=CAL)
    owed = dues(uow, dan, wee, channel_id=None, now=at(6), calendar=CAL)
    assert owed.unpaid == []
    assert owed.carried == [Carried(Month(2026, 10), Money(30, "USD"))]


def test_billed_apps_say_why_one_is_not_billed_and_what_each_costs(uow, world):
    _, dan, acme, _ = world
    billed = billed_apps(uow, dan, acme, channel_id=None, app=None, now=at(3))
    assert {a.name: a.unbilled for a in billed.apps} == {
        "blog": "no_domain",
        "shop": None,
        "stage": "staging",
    }
    one = app_costs(uow, dan, acme, channel_id=None, app="shop", now=at(3))
    assert one.asked == "shop" and [(a.plan, a.monthly) for a in one.apps] == [
        ("Basic", Money(3100, "USD"))
    ]


def test_invoice_email_card_and_payments(uow, world):
    olivia, dan, acme, wee = world
    assert invoice_email(uow, dan, acme, channel_id=None).email == "ap@acme.example"
    assert invoice_email(uow, dan, wee, channel_id=None).email is None
    card = card_on_file(uow, dan, acme, channel_id=None, now=at(3), calendar=CAL)
    assert (card.billing_mode, card.card, card.next_charge_on) == (
        "manual",
        None,
        date(2026, 11, 5),
    )
    close_month(uow, month=Month(2026, 10), now=at(5), calendar=CAL)
    assert payments_made(uow, dan, acme, channel_id=None, now=at(6)).paid == []
    mark_paid(uow, actor=olivia, company="Acme", month=Month(2026, 10), now=at(9))
    made = payments_made(uow, dan, acme, channel_id=None, now=at(10))
    assert [(p.month, p.amount, p.paid_on) for p in made.paid] == [
        (Month(2026, 10), Money(3100, "USD"), date(2026, 11, 9))
    ]
    assert made.unpaid == []
