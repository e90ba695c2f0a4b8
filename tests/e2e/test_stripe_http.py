"""Payments through a real `billbot serve` and `billbot run-due` against the local Stripe
(localstripe behind the front, tests/stripe/standin.py): a card saved through Checkout and a
signed webhook, charged once on the charge day; webhooks refused unless signed; a run-due killed
right after Stripe made the PaymentIntent charges nothing twice when it runs again. Two more
check product bugs found on the way (their assertions say what is wrong): the pay link's
mrkdwn, and a message run-due is sending taken over by the running serve."""

import json
import os
import re
import signal
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import stripe as stripe_sdk

from bot.cli.console_people import CONSOLE_TEAM, console_user_id
from tests.e2e.slack import BILLBOT, Billbot, StandIn, delete, get, serve_env
from tests.e2e.test_console import billbot
from tests.stripe.standin import StripeStandIn

API_KEY = "sk_test_e2e_local"
WEBHOOK_SECRET = "whsec_e2e_local"
OCTOBER = "2026-10-01T08:00:00+00:00"
CHARGE_DAY = "2026-11-01T09:00:00+00:00"
AFTER_LEASE = "2026-11-01T09:11:00+00:00"
WITHIN_LEASE = "2026-11-01T09:05:00+00:00"
NEXT_MORNING = "2026-11-02T09:00:00+00:00"
AMOUNT = 3319  # Basic 49 USD for Oct 11-31: 21 of 31 days

SETUP = [
    "as @olivia operator",
    "/billing plan new Basic 49 USD",
    "as @dan",
    "/billing company new Acme",
    "/billing app new shop company:Acme plan:Basic",
    "/billing app domain shop shop.acme.example since:2026-10-11",
]


# ---------------------------------------------------------------------------------- fixtures


@pytest.fixture
def env(tmp_path: Path, standin: StandIn, stripe: StripeStandIn) -> dict[str, str]:
    """One SQLite file, Slack and Stripe stand-ins; seeded in October through the console.

    The bot token names the console's team, so the Slack stand-in describes the console's
    people as members of that team (slash commands then act as the people the console made).
    The sweep scheduler is off: only `run-due --at` moves billing time (the real clock would
    close months on its own)."""
    environment = serve_env(
        tmp_path,
        standin,
        SLACK_BOT_TOKEN=f"xoxb-{CONSOLE_TEAM}-1",
        STRIPE_API_KEY=API_KEY,
        STRIPE_API_BASE=stripe.api_base,
        STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
        SCHEDULER="false",
    )
    out = billbot(environment, "console", "--at", OCTOBER, stdin="\n".join(SETUP))
    assert "Created company Acme" in out, out
    return environment


@pytest.fixture
def bot(env: dict[str, str]) -> Iterator[Billbot]:
    server = Billbot(env)
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------------------------- helpers


def database(env: dict[str, str]) -> sqlite3.Connection:
    return sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"))


def rows(env: dict[str, str], sql: str, *args: object) -> list[tuple]:
    connection = database(env)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def acme(env: dict[str, str]) -> dict:
    connection = database(env)
    connection.row_factory = sqlite3.Row
    try:
        row = connection.execute("SELECT * FROM company WHERE name = 'Acme'").fetchone()
        return dict(row)
    finally:
        connection.close()


def statement(env: dict[str, str]) -> dict:
    connection = database(env)
    connection.row_factory = sqlite3.Row
    try:
        found = connection.execute("SELECT * FROM statement WHERE period = '2026-10'").fetchall()
    finally:
        connection.close()
    assert len(found) == 1, [dict(r) for r in found]
    return dict(found[0])


def stripe_events(env: dict[str, str]) -> list[str]:
    return [r[0] for r in rows(env, "SELECT event_id FROM processed_event WHERE source='stripe'")]


def client(stripe: StripeStandIn) -> stripe_sdk.StripeClient:
    return stripe_sdk.StripeClient(
        API_KEY, base_addresses={"api": stripe.api_base}, max_network_retries=0
    )


def intents(stripe: StripeStandIn, customer_id: str) -> list[dict]:
    """Every PaymentIntent of the customer, as the front lists them (customer= filter)."""
    listed = client(stripe).v1.payment_intents.list({"customer": customer_id, "limit": 100})
    return [i.to_dict() for i in listed.auto_paging_iter()]


def creates(stripe: StripeStandIn) -> list[dict]:
    """The PaymentIntent create calls the front saw (killed or not)."""
    return [
        r for r in stripe.requests() if r["method"] == "POST" and r["path"] == "/v1/payment_intents"
    ]


def post_webhook(url: str, body: bytes, signature: str | None) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    request = urllib.request.Request(
        f"{url}/stripe/webhook", data=body, method="POST", headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def as_dan() -> dict[str, str]:
    """The console's dan, in the console's team (see the env fixture)."""
    return {"team": CONSOLE_TEAM, "user": console_user_id("dan"), "name": "dan"}


def save_card_over_http(bot: Billbot, standin: StandIn, stripe: StripeStandIn) -> dict:
    """/billing pay Acme -> Checkout link -> card entered -> checkout.session.completed, signed
    by us (localstripe never sends it). Returns the webhook's JSON answer."""
    reply = bot.reply(standin, "pay Acme", **as_dan())
    link = re.search(r"\n(http\S+/checkout/cs_\w+)", reply)
    assert link, f"no Checkout link in the reply: {reply!r}"
    url = link.group(1)
    assert url.startswith(f"{stripe.api_base}/checkout/cs_"), url
    back = stripe.complete_checkout(url)
    assert back.startswith(f"{bot.url}/cards/done"), back
    status, page = get(back)
    assert status == 200 and "Thank you" in page, (status, page[:300])

    session_id = url.rsplit("/", 1)[1]
    session = stripe.checkout_session(session_id)  # the session as the front keeps it
    assert (session.get("mode"), session.get("status")) == ("setup", "complete"), session
    event = stripe.event("checkout.session.completed", session)
    body, signature = stripe.signed_event(event, WEBHOOK_SECRET)
    status, answer = post_webhook(bot.url, body, signature)
    assert status == 200, (status, answer)
    assert event["id"] in stripe_events(bot_env(bot))
    return answer


def bot_env(bot: Billbot) -> dict[str, str]:
    return {"DATABASE_URL": bot.database_url}


def payment_received_rows(env: dict[str, str]) -> list[tuple]:
    """The payment_received messages, one row per recipient (the outbox also keeps the
    recipient-less row they were expanded from)."""
    return rows(
        env,
        "SELECT channel, status FROM outbox WHERE kind = 'payment_received' "
        "AND channel IS NOT NULL",
    )


def payment_posts(standin: StandIn) -> list[str]:
    return [
        c["args"].get("text", "")
        for c in standin.calls("chat.postMessage")
        if "received" in c["args"].get("text", "") and "payment of" in c["args"].get("text", "")
    ]


def wait_for_posts(standin: StandIn, which, count: int, timeout: float = 20.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = which(standin)
        if len(found) >= count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"expected {count} such message(s) at Slack, saw {which(standin)}")


def posted_keys(standin: StandIn) -> list[str]:
    """The outbox key each chat.postMessage carried in its message metadata."""
    keys = []
    for call in standin.calls("chat.postMessage"):
        metadata = call["args"].get("metadata") or {}
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        keys.append((metadata.get("event_payload") or {}).get("key"))
    return keys


def pause(pid: int, env: dict[str, str]) -> bool:
    """SIGSTOP a process this test started, at a moment it holds no SQLite lock (else every
    other process would wait for it): stopped, checked, and resumed briefly until then."""
    for _ in range(100):
        os.kill(pid, signal.SIGSTOP)
        while Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in "TtZ":
            time.sleep(0.001)
        connection = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"), timeout=0)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.rollback()
            return True
        except sqlite3.OperationalError:  # it is inside a write: let it finish
            os.kill(pid, signal.SIGCONT)
            time.sleep(0.005)
        finally:
            connection.close()
    return False


def outbox_state(env: dict[str, str], keys: dict[str, tuple] | None = None) -> dict[str, tuple]:
    """key -> (status, next_attempt_at) of the rows being sent, or of the given keys."""
    found = rows(env, "SELECT key, status, next_attempt_at FROM outbox WHERE channel IS NOT NULL")
    return {
        key: (status, lease)
        for key, status, lease in found
        if (status == "sending" if keys is None else key in keys)
    }


def wait_for_log(path: str, pattern: str, timeout: float = 20.0) -> re.Match:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, Path(path).read_text(errors="replace"))
        if found:
            return found
        time.sleep(0.1)
    tail = Path(path).read_text(errors="replace")[-3000:]
    raise AssertionError(f"no {pattern!r} in the serve log within {timeout} s:\n{tail}")


# ---------------------------------------------------------------------------------- tests


def test_a_card_saved_over_http_is_charged_once_and_the_webhook_changes_nothing(
    env, bot, standin, stripe
):
    started = time.monotonic()
    delete(f"{standin.url}/_calls")
    stripe.register_webhook(f"{bot.url}/stripe/webhook", WEBHOOK_SECRET)

    answer = save_card_over_http(bot, standin, stripe)
    assert answer == {"received": True, "result": "card saved"}
    company = acme(env)
    assert (company["billing_mode"], company["card_brand"], company["card_last4"]) == (
        "stripe",
        "visa",
        "4242",
    )
    assert company["card_expires"] is not None and company["stripe_customer_id"].startswith("cus_")
    customer_id = company["stripe_customer_id"]
    default = client(stripe).v1.customers.retrieve(customer_id).to_dict()["invoice_settings"]
    assert str(default["default_payment_method"]).startswith("pm_")

    # Asked again, /billing pay now offers the portal for the saved card.
    again = bot.reply(standin, "pay Acme", **as_dan())
    assert "pays with the Visa ending 4242" in again and "/portal/" in again, again

    # The running serve delivers the messages (one courier: see the last test for two).
    out = billbot(env, "run-due", "--at", CHARGE_DAY, "--no-deliver")
    assert "charges paid 1, failed 0" in out, out
    paid = statement(env)
    assert (paid["status"], paid["total_minor"], paid["currency"]) == ("paid", AMOUNT, "USD")
    found = intents(stripe, customer_id)
    assert [(i["status"], i["amount"], i["currency"]) for i in found] == [
        ("succeeded", AMOUNT, "usd")
    ], found
    assert found[0]["metadata"]["billbot_statement"] == f"{company['id']}:2026-10"
    assert paid["payment_intent_id"] == found[0]["id"]
    assert len(creates(stripe)) == 1, creates(stripe)

    # localstripe delivers payment_intent.succeeded (signed by itself) to the running serve.
    delivered = wait_for_log(
        env["BILLBOT_LOG"], r"stripe event (evt_\w+) \(payment_intent\.succeeded\): (.+)"
    )
    event_id, result = delivered.group(1), delivered.group(2).strip()
    assert event_id in stripe_events(env), (event_id, stripe_events(env))
    # Recorded by run-due first ("skipped"), or by the webhook if it came first ("paid").
    assert result in ("skipped", "paid"), result
    wait_for_posts(standin, payment_posts, 1)
    time.sleep(2.0)  # the serve's courier was woken by the webhook: give it time to (not) send
    assert statement(env)["status"] == "paid"
    assert payment_received_rows(env) == [(console_user_id("dan"), "sent")]
    received = payment_posts(standin)
    assert len(received) == 1, received
    assert "*Acme*: payment of *33.19 USD* received" in received[0] and "4242" in received[0]
    assert len(intents(stripe, customer_id)) == 1
    assert time.monotonic() - started < 60


def test_webhooks_not_signed_by_stripe_now_are_refused_and_nothing_is_stored(env, bot, stripe):
    event = stripe.event(
        "payment_intent.succeeded",
        {"id": "pi_e2e_1", "object": "payment_intent", "status": "succeeded", "metadata": {}},
    )
    body, signature = stripe.signed_event(event, WEBHOOK_SECRET)
    forged_body, forged = stripe.signed_event(event, "whsec_someone_else")
    stale_body, stale = stripe.signed_event(event, WEBHOOK_SECRET, timestamp=int(time.time()) - 301)
    tampered = body.replace(b"pi_e2e_1", b"pi_e2e_2")
    assert tampered != body
    refusals = {
        "forged signature": (forged_body, forged),
        "timestamp older than 300 s": (stale_body, stale),
        "tampered body": (tampered, signature),
        "no Stripe-Signature header": (body, None),
        "empty Stripe-Signature header": (body, ""),
    }
    for why, (bad_body, bad_signature) in refusals.items():
        status, answer = post_webhook(bot.url, bad_body, bad_signature)
        assert (status, answer) == (400, {"error": "bad signature"}), why
        assert stripe_events(env) == [], why

    assert post_webhook(bot.url, body, signature) == (200, {"received": True, "result": "not ours"})
    assert post_webhook(bot.url, body, signature) == (
        200,
        {"received": True, "result": "duplicate"},
    )
    # The same event signed again later (Stripe's retry) is still a duplicate.
    resigned_body, resigned = stripe.signed_event(event, WEBHOOK_SECRET)
    assert post_webhook(bot.url, resigned_body, resigned)[1]["result"] == "duplicate"
    assert stripe_events(env) == [event["id"]]

    unknown = stripe.event("invoice.created", {"id": "in_e2e_1", "object": "invoice"})
    unknown_body, unknown_signature = stripe.signed_event(unknown, WEBHOOK_SECRET)
    assert post_webhook(bot.url, unknown_body, unknown_signature) == (
        200,
        {"received": True, "result": "ignored"},
    )
    assert sorted(stripe_events(env)) == sorted([event["id"], unknown["id"]])


def test_a_run_due_killed_after_stripe_made_the_charge_charges_once_after_the_lease(
    env, bot, standin, stripe
):
    started = time.monotonic()
    # No webhook registered: only run-due can learn about the charge here.
    assert save_card_over_http(bot, standin, stripe)["result"] == "card saved"
    bot.stop()
    customer_id = acme(env)["stripe_customer_id"]

    process = subprocess.Popen(
        [str(BILLBOT), "run-due", "--at", CHARGE_DAY],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stripe.kill_after("/v1/payment_intents", process.pid)  # POST, exactly this path: the create
    try:
        out, err = process.communicate(timeout=45)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -9, (process.returncode, out, err[-2000:])
    killed = creates(stripe)
    assert [(r["killed"], r["status"]) for r in killed] == [(process.pid, 200)], killed
    made = intents(stripe, customer_id)
    assert [(i["status"], i["amount"]) for i in made] == [("succeeded", AMOUNT)], made
    crashed = statement(env)
    assert (crashed["status"], crashed["payment_intent_id"], crashed["charge_attempts"]) == (
        "finalized",
        None,
        0,
    )
    assert str(crashed["next_charge_at"]).startswith("2026-11-01 09:10"), crashed

    # Within the lease nothing is tried again.
    billbot(env, "run-due", "--at", WITHIN_LEASE)
    assert statement(env)["status"] == "finalized" and len(creates(stripe)) == 1

    out = billbot(env, "run-due", "--at", AFTER_LEASE)
    after = statement(env)
    made = intents(stripe, customer_id)
    charges = len(creates(stripe))
    assert (after["status"], after["payment_intent_id"]) == ("paid", made[0]["id"]), (after, out)
    assert len(made) == 1 and charges == 1, (
        f"{charges} PaymentIntent create call(s), {len(made)} PaymentIntent(s) at Stripe for "
        f"{customer_id}: {[(i['id'], i['status']) for i in made]}"
    )
    # One payment_received, held for the company's reminder time (09:00 the next day).
    assert rows(env, "SELECT count(*) FROM outbox WHERE kind = 'payment_received'") == [(1,)]
    delete(f"{standin.url}/_calls")
    billbot(env, "run-due", "--at", NEXT_MORNING)
    assert len(payment_posts(standin)) == 1, payment_posts(standin)
    assert payment_received_rows(env) == [(console_user_id("dan"), "sent")]
    assert len(creates(stripe)) == 1
    print(f"charges made: {charges} (one PaymentIntent {made[0]['id']}, {made[0]['status']})")
    assert time.monotonic() - started < 60


def test_the_pay_reply_is_a_link_slack_can_open(env, bot, standin, stripe):
    """The Checkout link reaches Slack as a bare URL on its own line, which Slack links;
    escaped markup (`&lt;url|label&gt;`) would show as text with nothing to click."""
    reply = bot.reply(standin, "pay Acme", **as_dan())
    assert "&lt;http" not in reply
    assert re.search(r"\nhttp://127\.0\.0\.1:\d+/checkout/cs_\w+", reply), reply
