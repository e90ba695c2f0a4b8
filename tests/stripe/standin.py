"""A local Stripe for tests: localstripe plus tests/stripe/front.py, two processes on 127.0.0.1.

    standin = StripeStandIn(); standin.start()
    client = stripe.StripeClient("sk_test_x", base_addresses={"api": standin.api_base},
                                 max_network_retries=0)
    ...; standin.reset(); standin.stop()

`api_base` is the front (what STRIPE_API_BASE points at); `localstripe_url` is localstripe
itself, answering unchanged. What the front adds is described in front.py: Checkout
(mode=setup) with a hosted page, Billing Portal sessions, the PaymentIntent list with
`customer=`, Stripe's card_error details, the endive payment_method_types rule, kill injection.
In pytest: the session fixture `stripe_standin`, or `stripe` (the same one, reset first).

API version: stripe-python 16.1.0 sends Stripe-Version 2026-10-28.endive. Since 2026-09-30
Stripe refuses `payment_method_types` on Checkout Session create and PaymentIntent /
SetupIntent writes (400 payment_method_types_no_longer_supported; it is not in the
TypedDicts any more): use `allowed_payment_method_types=["card"]` (Checkout setup mode needs
`currency` unless that is set). The front enforces this; localstripe alone does not.

What localstripe 1.15.10 does, as checked by test_standin.py with stripe-python 16.1.0:

PaymentIntents
- create with amount, currency, customer, payment_method, metadata, off_session=True,
  confirm=True: succeeds with status "succeeded" (capture_method "automatic_async").
  `latest_charge` is the whole Charge object (Stripe gives its id) and `charges` is there.
- metadata: accepted on create, returned, merged by update (POST /v1/payment_intents/<id>).
- list: GET /v1/payment_intents lists the whole account, oldest first; `customer=` is refused
  by localstripe (400 "Unexpected customer") and /v1/payment_intents/search is a 404. So the
  front answers the list itself: customer/created filters, newest first, Stripe's pagination.
  Finding a PaymentIntent again after a crash: list with customer=<cus> and match
  metadata client-side (works here and at Stripe, whose search lags by up to a minute).
- a decline (card 4000000000000341: attaching works, charging fails): the create answers
  HTTP 402 -> stripe.CardError, code "card_declined", message "Your card was declined.",
  error.charge set. localstripe itself says type "invalid_request_error" and gives no
  payment_intent / decline_code; through the front the error also has type "card_error",
  decline_code "generic_decline", payment_intent (status "requires_payment_method",
  last_payment_error.code "card_declined") and payment_method, as Stripe does. The failed
  PaymentIntent stays, in "requires_payment_method".
- retrying an existing PaymentIntent: POST /v1/payment_intents/<id>/confirm only works in
  "requires_confirmation" (created without confirm=True) and takes no parameters:
  on a failed one (requires_payment_method) it answers 400 "Bad request"; with payment_method=
  500 "Not implemented"; with off_session= 400 "Unexpected off_session". A retry therefore
  has to be a new PaymentIntent (cancel of the failed one works).
- idempotency keys are ignored: a repeated POST creates a second object. The front records
  each /v1 request's Idempotency-Key (GET /_front/requests) so tests can check them.

Webhooks (registered with register_webhook; about 1 s late, any order, never retried)
- customer create / update: customer.created / customer.updated (an update of
  invoice_settings.default_payment_method included).
- PaymentMethod attach, SetupIntent create/confirm: no event at all (no
  payment_method.attached, no setup_intent.succeeded).
- off-session PaymentIntent that succeeds: payment_intent.succeeded only (no
  payment_intent.created, no charge.succeeded).
- off-session PaymentIntent that is declined: payment_intent.payment_failed only.
- events carry api_version "2017-08-15" and the object as localstripe exports it.
- DELETE /_config/data (reset()) also forgets the webhooks and drops pending deliveries
  (run_localstripe.py does that), so register them again after a reset.
"""

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from stripe import WebhookSignature
from stripe import api_version as stripe_api_version

HERE = Path(__file__).resolve().parent


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _request(method: str, url: str, data: dict | None = None) -> tuple[int, dict, bytes]:
    body = urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class StripeStandIn:
    def __init__(self, log_dir: Path | None = None) -> None:
        """log_dir keeps both processes' stderr; without it, a temporary folder gone at stop()."""
        self.api_base = ""
        self.localstripe_url = ""
        self._own_log_dir = log_dir is None
        self.log_dir = log_dir or Path(tempfile.mkdtemp(prefix="stripe-standin-"))
        self._processes: list[subprocess.Popen] = []

    def __enter__(self) -> "StripeStandIn":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # processes

    def _spawn(self, name: str, *args: str) -> int:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        process = subprocess.Popen(
            [sys.executable, str(HERE / f"{name}.py"), *args],
            stdout=subprocess.PIPE,
            stderr=log,
            stdin=subprocess.DEVNULL,
            cwd=self.log_dir,
        )
        log.close()
        self._processes.append(process)
        assert process.stdout is not None
        deadline = time.monotonic() + 20
        line = b""
        while not line.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(process.stdout.fileno(), 64)
                if not chunk:
                    break
                line += chunk
        process.stdout.close()  # the child sends nothing more there
        if not line.startswith(b"PORT "):
            failure = f"{name} did not start: {self.log(name)[-2000:]}"
            self.stop()
            raise RuntimeError(failure)
        return int(line.split()[1])

    def start(self) -> "StripeStandIn":
        if self._processes:
            return self
        port = self._spawn("run_localstripe", "0")
        self.localstripe_url = f"http://127.0.0.1:{port}"
        port = self._spawn("front", "0", self.localstripe_url)
        self.api_base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                status, _, _ = _request("GET", f"{self.api_base}/_front/kill")
                status_ls, _, _ = _request("DELETE", f"{self.localstripe_url}/_config/data")
                if status == status_ls == 200:
                    return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the Stripe stand-in does not answer")
            time.sleep(0.05)

    def stop(self) -> None:
        for process in self._processes:
            process.terminate()  # SIGTERM to its pid, a no-op once it has been reaped
        for process in self._processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self._processes = []
        if self._own_log_dir:
            shutil.rmtree(self.log_dir, ignore_errors=True)

    def log(self, name: str = "front") -> str:
        """The stderr of "front" or "run_localstripe" (access logs, webhook deliveries)."""
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # state

    def reset(self) -> None:
        """Forget every object, checkout/portal session, webhook, pending event and kill rule."""
        status, _, body = _request("DELETE", f"{self.api_base}/_config/data")
        if status != 200:
            raise RuntimeError(f"reset failed: {status} {body!r}")

    def register_webhook(
        self, url: str, secret: str, webhook_id: str = "billbot", events: list[str] | None = None
    ) -> None:
        """localstripe will POST its events to url, signed with secret, like Stripe does."""
        data: dict = {"url": url, "secret": secret}
        if events:
            data["events[]"] = events
        status, _, body = _request("POST", f"{self.api_base}/_config/webhooks/{webhook_id}", data)
        if status != 200:
            raise RuntimeError(f"webhook registration failed: {status} {body!r}")

    def checkout_session(self, session_id: str) -> dict:
        status, _, body = _request("GET", f"{self.api_base}/_front/sessions/{session_id}")
        if status != 200:
            raise KeyError(session_id)
        return json.loads(body)

    def requests(self) -> list[dict]:
        """The /v1 requests the front saw: method, path, query, idempotency_key, status."""
        return json.loads(_request("GET", f"{self.api_base}/_front/requests")[2])

    # crash injection

    def kill_after(self, path: str, pid: int, method: str = "POST") -> None:
        """The next `method path` reaches localstripe, then pid gets SIGKILL, no answer."""
        data = {"path": path, "method": method, "pid": str(pid)}
        status, _, body = _request("POST", f"{self.api_base}/_front/kill", data)
        if status != 200:
            raise RuntimeError(f"kill rule refused: {status} {body!r}")

    def disarm_kill(self) -> None:
        _request("DELETE", f"{self.api_base}/_front/kill")

    # browser and webhook sides

    def complete_checkout(
        self,
        session_url: str,
        card: str = "4242424242424242",
        exp_month: int | None = None,
        exp_year: int | None = None,
    ) -> str:
        """Submit the hosted checkout form as a browser would; returns the redirect target."""
        status, _, page = _request("GET", session_url)
        if status != 200:
            raise RuntimeError(f"checkout page: {status} {page[:500]!r}")
        form = {"card": card}
        if exp_month is not None:
            form["exp_month"] = str(exp_month)
        if exp_year is not None:
            form["exp_year"] = str(exp_year)
        status, headers, page = _request("POST", session_url, form)
        if status != 303:
            raise RuntimeError(f"checkout not completed: {status} {page[:1000]!r}")
        return headers["Location"]

    @staticmethod
    def event(event_type: str, obj: dict, event_id: str | None = None) -> dict:
        """A Stripe-shaped event around obj, for the events localstripe never sends."""
        return {
            "id": event_id or f"evt_{os.urandom(12).hex()}",
            "object": "event",
            "api_version": stripe_api_version,
            "created": int(time.time()),
            "data": {"object": obj},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": event_type,
        }

    @staticmethod
    def signed_event(payload: dict, secret: str, timestamp: int | None = None) -> tuple[bytes, str]:
        """(body, Stripe-Signature header) exactly as Stripe would post them."""
        body = json.dumps(payload, indent=2)
        header = WebhookSignature.generate_signature_header(body, secret, timestamp)
        return body.encode(), header
