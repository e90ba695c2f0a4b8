"""Payments through the use cases against the local Stripe (localstripe behind the front):
cards saved through Checkout, charges on the charge day, declines retried, webhooks."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import col, select

from bot.render.notices import render_notice
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.handle_stripe_event import handle_event
from commands.pay_link import pay_link
from commands.run_due import run_due
from commands.set_app_domain import set_app_domain
from payments.gateway import BadSignature
from payments.stripe_gateway import StripeGateway
from storage.tables import Company, Outbox, Statement
from tests.conftest import person

SECRET = "whsec_local"
DECLINES_LATER = "4000000000000341"


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


@pytest.fixture
def gateway(stripe):
    return StripeGateway(
        "sk_test_local", api_base=stripe.api_base, webhook_secret=SECRET, retries=0
    )


@pytest.fixture
def acme(uow):
    olivia = person(uow, "olivia", operator=True)
    create_plan(uow, actor=olivia, name="Basic", amount_minor=4900, currency="USD", now=at(10, 1))
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=at(10, 1), billing_mode="stripe")
    create_app(uow, actor=dan, name="shop", company="Acme", plan="Basic", now=at(10, 1))
    set_app_domain(
        uow, actor=dan, app="shop", domain="shop.example", since=date(2026, 10, 11), now=at(10, 1)
    )
    return dan


def save_card(uow, stripe, gateway, dan, card="4242424242424242", **expiry):
    link = pay_link(uow, gateway, actor=dan, company="Acme", public_url="http://b.example")
    assert link.kind == "setup"
    stripe.complete_checkout(link.url, card=card, **expiry)
    session = stripe.checkout_session(link.url.rsplit("/", 1)[1])  # as Stripe sends it
    event = stripe.event("checkout.session.completed", session)
    return handle_event(uow, gateway, event, now=at(10, 20))


def company(uow) -> Company:
    with uow:
        return uow.session.exec(select(Company)).one()


def statement(uow) -> Statement:
    with uow:
        return uow.session.exec(select(Statement)).one()


def causes(uow) -> list[str]:
    with uow:
        rows = uow.session.exec(select(Outbox).order_by(col(Outbox.id))).all()
        return [r.cause.split(":")[0] + ":" + r.cause.split(":", 2)[-1] for r in rows]


def intents(gateway, uow) -> list[dict]:
    customer = company(uow).stripe_customer_id
    listed = gateway._client.v1.payment_intents.list({"customer": customer, "limit": 100})
    return [i.to_dict() for i in listed.auto_paging_iter()]


def test_a_card_saved_through_checkout_is_charged_once_on_the_charge_day(
    uow, stripe, gateway, acme
):
    assert save_card(uow, stripe, gateway, acme) == "card saved"
    saved = company(uow)
    assert (saved.card_brand, saved.card_last4, saved.billing_mode) == ("visa", "4242", "stripe")
    again = pay_link(uow, gateway, actor=acme, company="Acme", public_url="http://b.example")
    assert again.kind == "portal" and again.card == "Visa ending 4242"

    for _ in range(2):
        report = run_due(uow, gateway, now=at(11, 1))
    assert statement(uow).status == "paid"
    paid = intents(gateway, uow)
    assert [(i["amount"], i["currency"], i["status"]) for i in paid] == [(3319, "usd", "succeeded")]
    assert paid[0]["metadata"]["billbot_statement"] == f"{saved.id}:2026-10"
    assert report.charges.paid == 0  # the second sweep found nothing left to charge
    assert "payment_received:2026-10" in causes(uow)


def test_a_declined_card_is_retried_after_3_and_7_days_then_past_due(uow, stripe, gateway, acme):
    save_card(uow, stripe, gateway, acme, card=DECLINES_LATER)
    run_due(uow, gateway, now=at(11, 1))
    assert statement(uow).next_charge_at == at(11, 4)
    run_due(uow, gateway, now=at(11, 3))  # not yet
    run_due(uow, gateway, now=at(11, 4))
    run_due(uow, gateway, now=at(11, 8))
    failures = [c for c in causes(uow) if c.startswith("payment_failed")]
    assert failures == [
        "payment_failed:2026-10:1",
        "payment_failed:2026-10:2",
        "payment_failed:2026-10:3",
    ]
    with uow:
        last = uow.session.exec(select(Outbox).where(col(Outbox.cause).contains("failed"))).all()[
            -1
        ]
    assert "no more automatic tries" in render_notice(last.payload)["text"]
    assert len(intents(gateway, uow)) == 3
    run_due(uow, gateway, now=at(11, 16))
    assert (statement(uow).status, company(uow).payment_status) == ("past_due", "past_due")
    assert "overdue:2026-10:0" in causes(uow)


def test_a_company_without_a_card_is_told_before_and_on_the_charge_day(uow, stripe, gateway, acme):
    run_due(uow, gateway, now=at(10, 29))
    with uow:
        upcoming = uow.session.exec(select(Outbox).where(Outbox.kind == "charge_upcoming")).first()
    assert "no card on file" in render_notice(upcoming.payload)["text"]
    run_due(uow, gateway, now=at(11, 1))
    assert "payment_failed:2026-10:1" in causes(uow)
    assert intents(gateway, uow) == []


def test_a_card_expiring_before_the_charge_is_warned_about(uow, stripe, gateway, acme):
    save_card(uow, stripe, gateway, acme, exp_month=10, exp_year=2026)
    assert company(uow).card_expires == date(2026, 10, 31)
    run_due(uow, gateway, now=at(10, 29))
    assert "card_expiring:2026-10" in causes(uow)


def test_events_repeated_or_out_of_order_end_in_the_same_state(uow, stripe, gateway, acme):
    save_card(uow, stripe, gateway, acme)
    run_due(uow, gateway, now=at(11, 1))
    intent = intents(gateway, uow)[0]
    succeeded = stripe.event("payment_intent.succeeded", intent)
    late_failure = stripe.event(
        "payment_intent.payment_failed", {**intent, "status": "requires_payment_method"}
    )
    before = causes(uow)
    assert handle_event(uow, gateway, succeeded, now=at(11, 1, 10)) == "skipped"
    assert handle_event(uow, gateway, succeeded, now=at(11, 1, 10)) == "duplicate"
    assert (
        handle_event(uow, gateway, late_failure, now=at(11, 1, 11)) == "skipped"
    )  # re-read: it succeeded
    assert statement(uow).status == "paid" and causes(uow) == before
    unknown = stripe.event("invoice.created", {"id": "in_1", "object": "invoice"})
    assert handle_event(uow, gateway, unknown, now=at(11, 2)) == "ignored"


def test_only_bodies_signed_with_our_secret_within_5_minutes_are_read(stripe, gateway):
    event = stripe.event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"})
    body, header = stripe.signed_event(event, SECRET)
    assert gateway.verify(body, header)["id"] == event["id"]
    forged_body, forged = stripe.signed_event(event, "whsec_someone_else")
    stale_body, stale = stripe.signed_event(
        event, SECRET, timestamp=int(datetime.now(UTC).timestamp()) - 301
    )
    for bad_body, bad_header in (
        (forged_body, forged),
        (stale_body, stale),
        (body.replace(b"pi_1", b"pi_2"), header),
        (body, None),
    ):
        with pytest.raises(BadSignature):
            gateway.verify(bad_body, bad_header)
