"""Whose event is it, and may Stripe's answer change: `POST /stripe/webhook` on a real
`billbot serve`. Ownership comes from billbot's own records first (no call to Stripe for a
customer that is not billbot's); a re-read Stripe refuses with 4xx is answered 200 and logged
(Stripe would send it again for three days); a 5xx, a 429 or no answer is a 503, so Stripe
sends it again. Real Stripe events (tests/corpus/stripe_events.py) all get a 200."""

import re
from pathlib import Path

import pytest

from tests.corpus.stripe_events import EVENTS
from tests.e2e.slack import Billbot
from tests.e2e.test_stripe_http import (
    WEBHOOK_SECRET,
    acme,
    as_dan,
    bot,
    env,
    post_webhook,
    stripe_events,
)
from tests.stripe.standin import StripeStandIn
from tests.stripe.status_standin import StatusStandIn

__all__ = ["bot", "env"]  # fixtures


def acme_customer(bot: Billbot, standin) -> str:
    """Acme's Stripe customer, made the way a person makes it: /billing pay Acme."""
    bot.reply(standin, "pay Acme", **as_dan())
    customer = acme({"DATABASE_URL": bot.database_url})["stripe_customer_id"]
    assert customer and customer.startswith("cus_"), customer
    return customer


def signed(stripe: StripeStandIn, kind: str, obj: dict) -> tuple[bytes, str, str]:
    event = stripe.event(kind, obj)
    body, signature = stripe.signed_event(event, WEBHOOK_SECRET)
    return body, signature, event["id"]


def v1_requests(stripe: StripeStandIn) -> list[dict]:
    return [r for r in stripe.requests() if r["path"].startswith("/v1/")]


def test_an_event_for_a_customer_billbot_does_not_know_asks_stripe_nothing(env, bot, stripe):
    before = len(v1_requests(stripe))
    for kind, obj in [
        ("customer.updated", {"id": "cus_someone_else", "object": "customer"}),
        (
            "payment_method.attached",
            {"id": "pm_1", "object": "payment_method", "customer": "cus_someone_else"},
        ),
        (
            "setup_intent.succeeded",
            {
                "id": "seti_1",
                "object": "setup_intent",
                "customer": "cus_someone_else",
                "status": "succeeded",
            },
        ),
        (
            "checkout.session.completed",
            {
                "id": "cs_1",
                "object": "checkout.session",
                "mode": "setup",
                "customer": "cus_someone_else",
            },
        ),
    ]:
        body, signature, event_id = signed(stripe, kind, obj)
        assert post_webhook(bot.url, body, signature) == (
            200,
            {"received": True, "result": "not ours"},
        ), kind
        assert event_id in stripe_events(env)
    assert len(v1_requests(stripe)) == before, "nothing was asked of Stripe"


def test_a_reread_stripe_answers_404_is_acknowledged_and_logged(env, bot, standin, stripe):
    customer = acme_customer(bot, standin)
    body, signature, event_id = signed(
        stripe,
        "setup_intent.succeeded",
        {
            "id": "seti_gone_at_stripe",
            "object": "setup_intent",
            "customer": customer,
            "status": "succeeded",
        },
    )
    status, answer = post_webhook(bot.url, body, signature)
    assert (status, answer) == (
        200,
        {"received": True, "result": "Stripe refused the re-read (HTTP 404)"},
    )
    assert event_id in stripe_events(env)
    log = Path(env["BILLBOT_LOG"]).read_text()
    assert re.search(rf"stripe event {event_id} \(setup_intent.succeeded\): Stripe refused", log)


def test_stripe_failing_or_busy_is_a_503_and_a_refusal_a_200(env, bot, standin, stripe):
    customer = acme_customer(bot, standin)
    bot.stop()
    with StatusStandIn(500) as api:
        server = Billbot({**env, "STRIPE_API_BASE": api.url})
        try:
            body, signature, event_id = signed(
                stripe, "customer.updated", {"id": customer, "object": "customer"}
            )
            for failing in (500, 429):
                api.status = failing
                asked = len(api.requests)
                status, answer = post_webhook(server.url, body, signature)
                assert (status, answer) == (503, {"error": "try again later"}), failing
                assert len(api.requests) > asked, "Stripe was asked"
                assert event_id not in stripe_events(env), "left for Stripe's retry"
            api.status = 404  # Stripe's retry, now answered for good
            status, answer = post_webhook(server.url, body, signature)
            assert (status, answer) == (
                200,
                {"received": True, "result": "Stripe refused the re-read (HTTP 404)"},
            )
            assert event_id in stripe_events(env)

            asked = len(api.requests)
            body, signature, _ = signed(
                stripe, "customer.updated", {"id": "cus_not_billbots", "object": "customer"}
            )
            assert post_webhook(server.url, body, signature)[1]["result"] == "not ours"
            assert len(api.requests) == asked
        finally:
            server.stop()


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.kind)
def test_a_real_stripe_event_is_answered_200_without_asking_stripe(env, bot, stripe, event):
    before = len(v1_requests(stripe))
    body, signature = stripe.signed_event(event.body, WEBHOOK_SECRET)
    status, answer = post_webhook(bot.url, body, signature)
    assert status == 200, (status, answer, event.source)
    assert answer["result"] in ("not ours", "ignored", "no customer"), answer
    assert len(v1_requests(stripe)) == before
