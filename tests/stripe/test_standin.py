"""The Stripe stand-in, driven with stripe-python's StripeClient as billbot will drive it.

These tests also pin down what localstripe really does (see standin.py's docstring).
"""

import json
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from stripe import (
    APIConnectionError,
    APIError,
    CardError,
    InvalidRequestError,
    SignatureVerificationError,
    StripeClient,
    Webhook,
)
from stripe.checkout import Session
from stripe.params import PaymentIntentCreateParams
from stripe.params.checkout import SessionCreateParams

from tests.stripe.standin import StripeStandIn

KEY = "sk_test_x"
SECRET = "whsec_test_standin"
SUCCESS = "https://billbot.test/cards/saved?session={CHECKOUT_SESSION_ID}"


def client_for(base: str) -> StripeClient:
    return StripeClient(KEY, base_addresses={"api": base}, max_network_retries=0)


@pytest.fixture
def client(stripe: StripeStandIn) -> StripeClient:
    return client_for(stripe.api_base)


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def setup_session(client: StripeClient, customer: str | None = None) -> Session:
    """A setup-mode Checkout Session as billbot creates one (typed params: mypy checks names)."""
    params: SessionCreateParams = {
        "mode": "setup",
        "currency": "eur",
        "success_url": SUCCESS,
        "cancel_url": "https://billbot.test/cards/cancelled",
        "allowed_payment_method_types": ["card"],
        "metadata": {"company": "C1"},
    }
    if customer:
        params["customer"] = customer
    return client.v1.checkout.sessions.create(params)


def url_of(session: Session) -> str:
    assert session.url is not None
    return session.url


def customer_with_card(
    client: StripeClient, stripe: StripeStandIn, card: str = "4242424242424242"
) -> tuple[str, str]:
    """Customer -> setup checkout -> browser -> attach + default, as billbot will do it."""
    customer = client.v1.customers.create({"name": "Acme", "email": "billing@acme.test"})
    session = setup_session(client, customer.id)
    stripe.complete_checkout(url_of(session), card=card)
    done = client.v1.checkout.sessions.retrieve(session.id)
    assert isinstance(done.setup_intent, str)
    setup_intent = client.v1.setup_intents.retrieve(done.setup_intent)
    payment_method = str(setup_intent.payment_method)
    client.v1.payment_methods.attach(payment_method, {"customer": customer.id})
    client.v1.customers.update(
        customer.id, {"invoice_settings": {"default_payment_method": payment_method}}
    )
    return customer.id, payment_method


def charge(client: StripeClient, customer: str, payment_method: str, month: str = "2026-11"):
    return client.v1.payment_intents.create(
        {
            "amount": 12300,
            "currency": "eur",
            "customer": customer,
            "payment_method": payment_method,
            "off_session": True,
            "confirm": True,
            "metadata": {"company": "C1", "month": month},
        }
    )


class Receiver:
    """A webhook endpoint that keeps what it receives, with the signature checked."""

    def __init__(self, secret: str) -> None:
        self.events: list[dict] = []
        self.rejected = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    event = Webhook.construct_event(
                        body, self.headers.get("Stripe-Signature", ""), secret
                    )
                    receiver.events.append(event.to_dict())
                    self.send_response(200)
                except (SignatureVerificationError, ValueError):
                    receiver.rejected += 1
                    self.send_response(400)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/stripe/webhook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def types(self) -> list[str]:
        return sorted(e["type"] for e in self.events)

    def settle(self, quiet: float = 2.5, timeout: float = 15) -> list[str]:
        """Wait until no new event came for `quiet` seconds (deliveries come ~1 s late)."""
        deadline = time.monotonic() + timeout
        seen, since = -1, time.monotonic()
        while time.monotonic() < deadline:
            if len(self.events) != seen:
                seen, since = len(self.events), time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
            time.sleep(0.05)
        return self.types()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(stripe: StripeStandIn) -> Iterator[Receiver]:
    receiver = Receiver(SECRET)
    stripe.register_webhook(receiver.url, SECRET)
    yield receiver
    receiver.close()


def test_setup_checkout_saves_a_card_that_billbot_attaches(
    client: StripeClient, stripe: StripeStandIn
) -> None:
    customer = client.v1.customers.create({"name": "Acme", "email": "billing@acme.test"})
    session = setup_session(client, customer.id)
    assert session.id.startswith("cs_test_")
    assert session.object == "checkout.session"
    assert session.url == f"{stripe.api_base}/checkout/{session.id}"
    assert (session.status, session.setup_intent, session.mode) == ("open", None, "setup")
    assert session.customer == customer.id
    assert session.metadata is not None
    assert session.metadata.to_dict() == {"company": "C1"}
    status, page = get(url_of(session))
    assert status == 200
    assert 'name="card"' in page
    assert "4242424242424242" in page

    location = stripe.complete_checkout(url_of(session))

    assert location == SUCCESS.replace("{CHECKOUT_SESSION_ID}", session.id)
    done = client.v1.checkout.sessions.retrieve(session.id)
    assert done.status == "complete"
    assert isinstance(done.setup_intent, str)
    assert done.setup_intent.startswith("seti_")
    assert done.customer_details and done.customer_details.email == "billing@acme.test"
    assert stripe.checkout_session(session.id) == done.to_dict()
    setup_intent = client.v1.setup_intents.retrieve(done.setup_intent)
    assert (setup_intent.status, setup_intent.customer) == ("succeeded", customer.id)
    assert setup_intent.usage == "off_session"
    payment_method = client.v1.payment_methods.retrieve(str(setup_intent.payment_method))
    assert payment_method.type == "card"
    assert payment_method.card is not None
    assert payment_method.card.last4 == "4242"
    assert payment_method.card.exp_month == 12
    assert payment_method.card.exp_year == time.gmtime().tm_year + 3
    assert payment_method.customer is None  # not attached: billbot must attach it itself

    attached = client.v1.payment_methods.attach(payment_method.id, {"customer": customer.id})
    assert attached.customer == customer.id
    updated = client.v1.customers.update(
        customer.id, {"invoice_settings": {"default_payment_method": payment_method.id}}
    )
    assert updated.invoice_settings is not None
    assert updated.invoice_settings.default_payment_method == payment_method.id
    cards = client.v1.payment_methods.list({"customer": customer.id, "type": "card"})
    assert [pm.id for pm in cards.data] == [payment_method.id]

    expanded = client.v1.checkout.sessions.retrieve(
        session.id, {"expand": ["setup_intent.payment_method"]}
    )
    assert expanded.to_dict()["setup_intent"]["payment_method"]["card"]["last4"] == "4242"
    with pytest.raises(InvalidRequestError):
        client.v1.checkout.sessions.retrieve("cs_test_missing")


def test_checkout_with_a_card_expiring_soon(client: StripeClient, stripe: StripeStandIn) -> None:
    customer = client.v1.customers.create({"name": "Acme"})
    session = setup_session(client, customer.id)
    stripe.complete_checkout(url_of(session), "5555555555554444", exp_month=1, exp_year=2027)
    done = client.v1.checkout.sessions.retrieve(session.id, {"expand": ["setup_intent"]})
    setup_intent = done.to_dict()["setup_intent"]
    payment_method = client.v1.payment_methods.retrieve(setup_intent["payment_method"])
    assert payment_method.card is not None
    card = payment_method.card
    assert (card.last4, card.exp_month, card.exp_year) == ("4444", 1, 2027)


def test_a_card_declined_at_checkout_leaves_the_session_open(
    client: StripeClient, stripe: StripeStandIn
) -> None:
    customer = client.v1.customers.create({"name": "Acme"})
    session = setup_session(client, customer.id)
    with pytest.raises(RuntimeError, match="402"):
        stripe.complete_checkout(url_of(session), card="4000000000009995")
    assert client.v1.checkout.sessions.retrieve(session.id).status == "open"
    stripe.complete_checkout(url_of(session))  # another card then works
    assert client.v1.checkout.sessions.retrieve(session.id).status == "complete"
    with pytest.raises(RuntimeError, match="400"):
        stripe.complete_checkout(url_of(session))  # a completed session is no longer payable


def test_checkout_session_parameters_are_checked(client: StripeClient) -> None:
    with pytest.raises(InvalidRequestError, match="No such customer"):
        client.v1.checkout.sessions.create(
            {"mode": "setup", "customer": "cus_nobody", "currency": "eur", "success_url": SUCCESS}
        )
    with pytest.raises(InvalidRequestError, match="currency"):
        client.v1.checkout.sessions.create({"mode": "setup", "success_url": SUCCESS})
    with pytest.raises(InvalidRequestError, match="unknown parameter"):
        client.v1.checkout.sessions.create(
            {"mode": "setup", "currency": "eur", "success_url": SUCCESS, "colour": "red"}  # type: ignore[arg-type]
        )
    session = setup_session(client)
    assert session.allowed_payment_method_types == ["card"]
    assert session.payment_method_types == ["card"]
    assert client.v1.checkout.sessions.expire(session.id).status == "expired"


def test_payment_method_types_is_gone_in_the_api_version_stripe_python_pins(
    client: StripeClient, stripe: StripeStandIn
) -> None:
    """stripe-python 16.1 sends Stripe-Version 2026-10-28.endive; 2026-09-30 removed it."""
    old_session: Any = {  # no longer in stripe-python's SessionCreateParams
        "mode": "setup",
        "currency": "eur",
        "success_url": SUCCESS,
        "payment_method_types": ["card"],
    }
    with pytest.raises(InvalidRequestError) as refused:
        client.v1.checkout.sessions.create(old_session)
    assert refused.value.code == "payment_method_types_no_longer_supported"
    customer, card = customer_with_card(client, stripe)
    params: PaymentIntentCreateParams = {
        "amount": 100,
        "currency": "eur",
        "customer": customer,
        "payment_method": card,
    }
    old_intent: Any = {**params, "payment_method_types": ["card"]}
    with pytest.raises(InvalidRequestError) as refused:
        client.v1.payment_intents.create(old_intent)
    assert refused.value.code == "payment_method_types_no_longer_supported"
    params["allowed_payment_method_types"] = ["card"]
    params["confirm"] = True
    allowed = client.v1.payment_intents.create(params)
    assert allowed.status == "succeeded"


def test_checkout_completed_event_is_signed_like_stripe(
    client: StripeClient, stripe: StripeStandIn
) -> None:
    customer = client.v1.customers.create({"name": "Acme"})
    created = setup_session(client, customer.id)
    stripe.complete_checkout(url_of(created))
    event = stripe.event("checkout.session.completed", stripe.checkout_session(created.id))
    body, header = stripe.signed_event(event, SECRET)

    parsed = Webhook.construct_event(body, header, SECRET)
    assert parsed.type == "checkout.session.completed"
    assert parsed.data.object["setup_intent"].startswith("seti_")
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(body.replace(b"complete", b"c0mplete"), header, SECRET)
    old_body, old_header = stripe.signed_event(event, SECRET, int(time.time()) - 301)
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(old_body, old_header, SECRET)


def test_off_session_payment_succeeds(client: StripeClient, stripe: StripeStandIn) -> None:
    customer, payment_method = customer_with_card(client, stripe)

    intent = charge(client, customer, payment_method)

    assert intent.id.startswith("pi_")
    assert intent.status == "succeeded"
    assert intent.metadata.to_dict() == {"company": "C1", "month": "2026-11"}
    assert (intent.amount, intent.currency, intent.customer) == (12300, "eur", customer)
    # localstripe inlines the Charge where Stripe gives its id:
    assert intent.to_dict()["latest_charge"]["status"] == "succeeded"
    updated = client.v1.payment_intents.update(intent.id, {"metadata": {"invoice": "INV-1"}})
    assert updated.metadata.to_dict() == {"company": "C1", "month": "2026-11", "invoice": "INV-1"}


def test_a_declined_off_session_payment(client: StripeClient, stripe: StripeStandIn) -> None:
    customer, payment_method = customer_with_card(client, stripe, card="4000000000000341")
    attached = client.v1.payment_methods.retrieve(payment_method)
    assert attached.customer == customer  # 0341 attaches fine, every charge fails

    with pytest.raises(CardError) as declined:
        charge(client, customer, payment_method)

    error = declined.value
    assert (error.http_status, error.code) == (402, "card_declined")
    assert error.user_message == "Your card was declined."
    assert error.error is not None
    assert error.error.type == "card_error"  # added by the front
    assert error.error.decline_code == "generic_decline"  # added by the front
    assert str(error.error.charge).startswith("ch_")
    intent = error.error.payment_intent  # added by the front, as Stripe does
    assert intent is not None
    assert intent.status == "requires_payment_method"
    assert intent.last_payment_error is not None
    assert intent.last_payment_error.code == "card_declined"
    assert intent.metadata["month"] == "2026-11"

    # localstripe itself: the same 402, but less said
    with pytest.raises(CardError) as raw:
        charge(client_for(stripe.localstripe_url), customer, payment_method)
    assert raw.value.code == "card_declined"
    assert raw.value.error is not None
    assert raw.value.error.type == "invalid_request_error"
    assert raw.value.error.payment_intent is None
    assert raw.value.error.decline_code is None

    # the failed PaymentIntents stay; found again by customer + metadata
    found = [
        pi
        for pi in client.v1.payment_intents.list({"customer": customer}).auto_paging_iter()
        if pi.metadata.to_dict().get("month") == "2026-11"
    ]
    assert [pi.status for pi in found] == ["requires_payment_method"] * 2
    assert found[1].id == intent.id  # newest first


def test_retrying_an_existing_payment_intent(client: StripeClient, stripe: StripeStandIn) -> None:
    customer, payment_method = customer_with_card(client, stripe, card="4000000000000341")
    with pytest.raises(CardError) as declined:
        charge(client, customer, payment_method)
    assert declined.value.error is not None
    assert declined.value.error.payment_intent is not None
    failed = declined.value.error.payment_intent.id

    with pytest.raises(InvalidRequestError, match="Bad request"):
        client.v1.payment_intents.confirm(failed)
    with pytest.raises(APIError, match="Not implemented"):
        client.v1.payment_intents.confirm(failed, {"payment_method": payment_method})
    with pytest.raises(InvalidRequestError, match="Unexpected off_session"):
        client.v1.payment_intents.confirm(failed, {"off_session": True})
    assert client.v1.payment_intents.cancel(failed).status == "canceled"

    # a PaymentIntent created unconfirmed can be confirmed (without parameters)
    good_customer, good_card = customer_with_card(client, stripe)
    intent = client.v1.payment_intents.create(
        {
            "amount": 500,
            "currency": "eur",
            "customer": good_customer,
            "payment_method": good_card,
        }
    )
    assert intent.status == "requires_confirmation"
    assert client.v1.payment_intents.confirm(intent.id).status == "succeeded"


def test_listing_payment_intents(client: StripeClient, stripe: StripeStandIn) -> None:
    first, first_card = customer_with_card(client, stripe)
    second, second_card = customer_with_card(client, stripe)
    made = [charge(client, first, first_card, f"2026-0{m}").id for m in range(1, 6)]
    other = charge(client, second, second_card).id

    listed = client.v1.payment_intents.list({"customer": first, "limit": 2})
    assert [pi.id for pi in listed.data] == made[::-1][:2]
    assert listed.has_more
    every = [pi.id for pi in listed.auto_paging_iter()]
    assert every == made[::-1]
    assert other not in every
    assert [pi.id for pi in client.v1.payment_intents.list().data][:1] == [other]

    raw = client_for(stripe.localstripe_url)
    with pytest.raises(InvalidRequestError, match="Unexpected customer"):
        raw.v1.payment_intents.list({"customer": first})
    assert [pi.id for pi in raw.v1.payment_intents.list().data] == [*made, other]  # oldest first
    with pytest.raises(InvalidRequestError):
        client.v1.payment_intents.search({"query": "metadata['month']:'2026-01'"})


def test_idempotency_keys_reach_localstripe_which_ignores_them(
    client: StripeClient, stripe: StripeStandIn
) -> None:
    customer, card = customer_with_card(client, stripe)
    params: PaymentIntentCreateParams = {
        "amount": 100,
        "currency": "eur",
        "customer": customer,
        "payment_method": card,
    }
    one = client.v1.payment_intents.create(params, {"idempotency_key": "C1-2026-11"})
    two = client.v1.payment_intents.create(params, {"idempotency_key": "C1-2026-11"})
    assert one.id != two.id  # real Stripe would answer `one` again
    keys = [r["idempotency_key"] for r in stripe.requests() if r["path"] == "/v1/payment_intents"]
    assert keys == ["C1-2026-11", "C1-2026-11"]


def test_billing_portal_session(client: StripeClient, stripe: StripeStandIn) -> None:
    customer = client.v1.customers.create({"name": "Acme Ltd", "email": "billing@acme.test"})

    portal = client.v1.billing_portal.sessions.create(
        {"customer": customer.id, "return_url": "https://billbot.test/back"}
    )

    assert portal.id.startswith("bps_")
    assert portal.object == "billing_portal.session"
    assert portal.url == f"{stripe.api_base}/portal/{portal.id}"
    assert (portal.customer, portal.return_url) == (customer.id, "https://billbot.test/back")
    status, page = get(portal.url)
    assert status == 200
    assert customer.id in page
    assert "Acme Ltd" in page
    with pytest.raises(InvalidRequestError, match="No such customer"):
        client.v1.billing_portal.sessions.create({"customer": "cus_nobody"})


def test_kill_after_localstripe_answered(client: StripeClient, stripe: StripeStandIn) -> None:
    customer, card = customer_with_card(client, stripe)
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        stripe.kill_after("/v1/payment_intents", sleeper.pid, method="POST")
        client.v1.customers.retrieve(customer)  # other requests pass

        with pytest.raises(APIConnectionError):
            charge(client, customer, card, "2026-12")

        assert sleeper.wait(timeout=5) == -signal.SIGKILL
    finally:
        if sleeper.poll() is None:
            sleeper.kill()
            sleeper.wait()
    created = client.v1.payment_intents.list({"customer": customer}).data
    assert [(pi.metadata["month"], pi.status) for pi in created] == [("2026-12", "succeeded")]
    at_localstripe = client_for(stripe.localstripe_url).v1.payment_intents.list().data
    assert [pi.id for pi in at_localstripe] == [created[0].id]
    assert charge(client, customer, card).status == "succeeded"  # the rule was one-shot
    assert [r.get("killed") for r in stripe.requests() if r["path"] == "/v1/payment_intents"] == [
        sleeper.pid,
        None,
        None,
    ]


def test_a_disarmed_kill_rule_does_nothing(client: StripeClient, stripe: StripeStandIn) -> None:
    customer = client.v1.customers.create({"name": "Acme"})
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        stripe.kill_after("/v1/customers/" + customer.id, sleeper.pid, method="GET")
        stripe.disarm_kill()
        client.v1.customers.retrieve(customer.id)
        assert sleeper.poll() is None
    finally:
        sleeper.kill()
        sleeper.wait()


def test_webhook_events_localstripe_sends(
    client: StripeClient, stripe: StripeStandIn, receiver: Receiver
) -> None:
    customer, card = customer_with_card(client, stripe)  # checkout, attach, set default
    other = client.v1.customers.create({"name": "Other"})
    spare = client.v1.payment_methods.create(
        {
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 1, "exp_year": 2030, "cvc": "123"},
        }
    )
    client.v1.payment_methods.attach(spare.id, {"customer": other.id})
    intent = charge(client, customer, card)
    declined_customer, declined_card = customer_with_card(client, stripe, "4000000000000341")
    with pytest.raises(CardError):
        charge(client, declined_customer, declined_card)

    # no payment_method.attached, setup_intent.*, payment_intent.created, charge.*
    assert receiver.settle() == [
        "customer.created",
        "customer.created",
        "customer.created",
        "customer.updated",
        "customer.updated",
        "payment_intent.payment_failed",
        "payment_intent.succeeded",
    ]
    assert receiver.rejected == 0
    by_type = {e["type"]: e for e in receiver.events}
    updated = [e["data"]["object"] for e in receiver.events if e["type"] == "customer.updated"]
    assert {c["invoice_settings"]["default_payment_method"] for c in updated} == {
        card,
        declined_card,
    }
    succeeded = by_type["payment_intent.succeeded"]
    assert succeeded["data"]["object"]["id"] == intent.id
    assert succeeded["data"]["object"]["status"] == "succeeded"
    assert succeeded["data"]["object"]["metadata"] == {"company": "C1", "month": "2026-11"}
    assert succeeded["api_version"] == "2017-08-15"
    failed = by_type["payment_intent.payment_failed"]["data"]["object"]
    assert failed["customer"] == declined_customer
    assert failed["status"] == "requires_payment_method"
    assert failed["last_payment_error"]["code"] == "card_declined"


def test_reset_forgets_everything(client: StripeClient, stripe: StripeStandIn) -> None:
    receiver = Receiver(SECRET)
    try:
        stripe.register_webhook(receiver.url, SECRET)
        customer = client.v1.customers.create({"name": "Acme"})
        session = setup_session(client, customer.id)
        stripe.reset()  # before customer.created went out (~1 s)
        assert stripe.requests() == []
        with pytest.raises(InvalidRequestError):
            client.v1.customers.retrieve(customer.id)
        with pytest.raises(KeyError):
            stripe.checkout_session(session.id)
        client.v1.customers.create({"name": "After the reset"})
        assert receiver.settle() == []  # neither the pending event nor the webhook survived
    finally:
        receiver.close()


def test_localstripe_keeps_nothing_on_disk(client: StripeClient) -> None:
    pickle = Path("/tmp/localstripe.pickle")
    before = pickle.stat().st_mtime_ns if pickle.exists() else None
    client.v1.customers.create({"name": "Acme"})
    after = pickle.stat().st_mtime_ns if pickle.exists() else None
    assert before == after


def test_the_front_answers_like_stripe_without_a_key(stripe: StripeStandIn) -> None:
    for path in ("/v1/checkout/sessions", "/v1/billing_portal/sessions", "/v1/customers"):
        request = urllib.request.Request(f"{stripe.api_base}{path}", data=b"", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 401
        assert "error" in json.loads(refused.value.read())
