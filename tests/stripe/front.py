"""The Stripe API base that billbot talks to in tests: localstripe plus what it lacks. Own process.

Usage: python front.py PORT LOCALSTRIPE_URL  (PORT 0 picks a free one; prints "PORT <n>" once
listening on 127.0.0.1)

Every request is forwarded to localstripe (method, path, query, body, headers including
Authorization and Idempotency-Key) and its answer returned unchanged, except:

- POST /v1/checkout/sessions (mode=setup, cards only), GET /v1/checkout/sessions/<id> (expand
  setup_intent, setup_intent.payment_method, customer), POST /v1/checkout/sessions/<id>/expire:
  answered here with Stripe's checkout.session shape; `url` is GET /checkout/<id> below.
- GET /checkout/<id>: the hosted page (a form: card, exp_month, exp_year, submit).
  POST /checkout/<id> with card=<number> [exp_month, exp_year, cvc]: creates the card
  PaymentMethod at localstripe, creates and confirms a SetupIntent for the session's customer
  with it (usage off_session), marks the session complete with setup_intent set and answers 303
  to success_url ({CHECKOUT_SESSION_ID} replaced). Like real Stripe's own Checkout page it shows
  a declined card (4000000000009995...) inline and leaves the session open. It does NOT attach
  the card to the customer (localstripe's SetupIntent does not) and sends NO webhook: tests
  sign checkout.session.completed themselves.
- POST /v1/billing_portal/sessions: a billing_portal.session whose url is GET /portal/<id>, a
  small page naming the customer.
- GET /v1/payment_intents: answered here from localstripe's full list, because localstripe
  rejects `customer=` (400 "Unexpected customer") and lists oldest first. Here: `customer`,
  `created` (int or gt/gte/lt/lte), `limit`, `starting_after`, `ending_before`, newest first,
  like Stripe.
- API version 2026-09-30.endive and later (stripe-python 16 sends 2026-10-28.endive) removed
  `payment_method_types` from Checkout Session create and PaymentIntent/SetupIntent
  create/update/confirm: with such a Stripe-Version header it is answered 400
  payment_method_types_no_longer_supported, as Stripe does; the replacements
  allowed_payment_method_types / excluded_payment_method_types are accepted (and not passed
  on to localstripe, which knows neither and does cards anyway).
- A 402 card_declined from localstripe gets what Stripe adds to it: type card_error, a
  decline_code, and for a charge attempt (POST /v1/payment_intents, .../confirm) the
  payment_intent and payment_method objects. Status, code, message and charge stay as they were.
- DELETE /_config/data: resets localstripe (forwarded) and everything kept here.

Test controls (no auth):
- POST /_front/kill  path=/v1/payment_intents method=POST pid=<n>: the next request with that
  method and exact path (query aside) is answered by localstripe, or by the front for what it
  implements itself (so the object exists), then <pid> gets SIGKILL, and once it is gone the
  connection is dropped without an answer. One-shot. DELETE /_front/kill disarms it,
  GET /_front/kill shows it.
- GET /_front/sessions/<id>: the checkout session as stored.
- GET /_front/requests: the /v1 requests seen (method, path, query, idempotency_key, status).
"""

import contextlib
import html
import http.client
import json
import os
import re
import secrets
import signal
import socket
import string
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

LOCK = threading.Lock()
SESSIONS: dict[str, dict] = {}
PORTALS: dict[str, dict] = {}
PRIVATE: dict[str, dict] = {}  # session id -> what the creating call gave: auth, SetupIntent data
KILL: dict = {}
REQUESTS: list[dict] = []
UPSTREAM = ("127.0.0.1", 0)
FRONT = "http://127.0.0.1:0"

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
    "trailer",
    "host",
    "content-length",
}
CHECKOUT_PARAMS = {
    "mode",
    "customer",
    "currency",
    "success_url",
    "cancel_url",
    "payment_method_types",
    "allowed_payment_method_types",
    "excluded_payment_method_types",
    "metadata",
    "client_reference_id",
    "customer_email",
    "locale",
    "setup_intent_data",
    "expires_at",
    "expand",
}
ENDIVE = "2026-09-30"  # API version that removed payment_method_types from these writes
NEW_TYPE_PARAMS = ("allowed_payment_method_types", "excluded_payment_method_types")
INTENT_WRITE = re.compile(r"^/v1/(payment_intents|setup_intents)(/[^/]+(/confirm)?)?$")
PORTAL_PARAMS = {"customer", "return_url", "locale", "configuration", "on_behalf_of", "expand"}
DECLINE_CODES = {  # by last4 of Stripe's test cards
    "0002": "generic_decline",
    "9995": "insufficient_funds",
    "9987": "lost_card",
    "9979": "stolen_card",
    "0341": "generic_decline",
}

Answer = tuple[int, list[tuple[str, str]], bytes]


def stripe_id(prefix: str, length: int = 24) -> str:
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(secrets.choice(alphabet) for _ in range(length))


def unflatten(pairs: list[tuple[str, str]]) -> dict:
    """Stripe's form encoding (a[b]=1, a[0]=x, a[]=y) back into dicts and lists."""
    root: dict = {}
    for key, value in pairs:
        parts = key.replace("]", "").split("[")
        node = root
        for depth, part in enumerate(parts):
            name = str(len(node)) if part == "" else part
            if depth == len(parts) - 1:
                node[name] = value
            else:
                node = node.setdefault(name, {})

    def lists(node: object) -> object:
        if not isinstance(node, dict):
            return node
        if node and all(k.isdigit() for k in node):
            return [lists(node[k]) for k in sorted(node, key=int)]
        return {k: lists(v) for k, v in node.items()}

    return lists(root)  # type: ignore[return-value]


def flatten(params: dict, prefix: str = "") -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        name = f"{prefix}[{key}]" if prefix else key
        if isinstance(value, dict):
            pairs += flatten(value, name)
        elif isinstance(value, list):
            pairs += flatten({str(i): v for i, v in enumerate(value)}, name)
        elif value is not None:
            pairs.append((name, str(value).lower() if isinstance(value, bool) else str(value)))
    return pairs


def json_answer(status: int, payload: object) -> Answer:
    body = (json.dumps(payload, indent=2) + "\n").encode()
    return status, [("Content-Type", "application/json")], body


def html_answer(status: int, page: str, extra: list[tuple[str, str]] | None = None) -> Answer:
    return status, [("Content-Type", "text/html; charset=utf-8"), *(extra or [])], page.encode()


def stripe_error(
    status: int, message: str, param: str | None = None, code: str | None = None
) -> Answer:
    error: dict = {"type": "invalid_request_error", "message": message}
    if param:
        error["param"] = param
    if code:
        error["code"] = code
    return json_answer(status, {"error": error})


def missing(kind: str, id_: str) -> Answer:
    return stripe_error(404, f"No such {kind}: '{id_}'", "id", "resource_missing")


def authorized(auth: str) -> bool:
    return auth.startswith("Bearer sk_") or auth.startswith("Basic ")


def upstream(method: str, path: str, body: bytes, headers: list[tuple[str, str]]) -> Answer:
    connection = http.client.HTTPConnection(*UPSTREAM, timeout=60)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", f"{UPSTREAM[0]}:{UPSTREAM[1]}")
        for name, value in headers:
            if name.lower() not in HOP_BY_HOP:
                connection.putheader(name, value)
        if body or method in ("POST", "PUT", "PATCH"):
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body or None)
        response = connection.getresponse()
        payload = response.read()
        kept = [
            (name, value)
            for name, value in response.getheaders()
            if name.lower() not in HOP_BY_HOP | {"date", "server"}
        ]
        return response.status, kept, payload
    finally:
        connection.close()


def call(method: str, path: str, auth: str, params: dict | None = None) -> tuple[int, dict]:
    """The front's own calls to localstripe, with the caller's Authorization."""
    query = urlencode(flatten(params or {}))
    headers = [("Authorization", auth)]
    if method == "POST":
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        status, _, body = upstream(method, path, query.encode(), headers)
    else:
        status, _, body = upstream(method, f"{path}?{query}" if query else path, b"", headers)
    return status, json.loads(body or b"{}")


# Checkout


def no_longer_supported(version: str) -> Answer:
    return stripe_error(
        400,
        f"payment_method_types is not supported on API version {version}:"
        " use allowed_payment_method_types or excluded_payment_method_types.",
        "payment_method_types",
        "payment_method_types_no_longer_supported",
    )


def create_checkout_session(auth: str, params: dict, version: str) -> Answer:
    if not authorized(auth):
        return stripe_error(401, "Invalid API Key provided")
    unknown = sorted(set(params) - CHECKOUT_PARAMS)
    if unknown:
        return stripe_error(400, f"Received unknown parameter: {unknown[0]}", unknown[0])
    if "payment_method_types" in params and version[:10] >= ENDIVE:
        return no_longer_supported(version)
    if params.get("mode") != "setup":
        return stripe_error(400, "The stand-in implements only mode=setup", "mode")
    if not params.get("success_url"):
        return stripe_error(400, "Missing required param: success_url.", "success_url")
    types = params.get("allowed_payment_method_types") or params.get("payment_method_types")
    if not params.get("currency") and not types:
        return stripe_error(
            400,
            "currency is required in setup mode when allowed_payment_method_types is not set.",
            "currency",
        )
    if types and "card" not in types:
        return stripe_error(
            400, "The stand-in implements only card", "allowed_payment_method_types"
        )
    customer = params.get("customer")
    if customer:
        status, _ = call("GET", f"/v1/customers/{customer}", auth)
        if status != 200:
            return stripe_error(
                400, f"No such customer: '{customer}'", "customer", "resource_missing"
            )
    session_id = stripe_id("cs_test_", 58)
    now = int(time.time())
    session = {
        "id": session_id,
        "object": "checkout.session",
        "after_expiration": None,
        "allow_promotion_codes": None,
        "amount_subtotal": None,
        "amount_total": None,
        "automatic_tax": {"enabled": False, "liability": None, "status": None},
        "billing_address_collection": None,
        "cancel_url": params.get("cancel_url"),
        "client_reference_id": params.get("client_reference_id"),
        "client_secret": None,
        "consent": None,
        "consent_collection": None,
        "created": now,
        "currency": params.get("currency"),
        "custom_fields": [],
        "custom_text": {
            "after_submit": None,
            "shipping_address": None,
            "submit": None,
            "terms_of_service_acceptance": None,
        },
        "customer": customer,
        "customer_creation": None,
        "customer_details": None,
        "customer_email": params.get("customer_email"),
        "expires_at": int(params.get("expires_at") or now + 24 * 3600),
        "invoice": None,
        "invoice_creation": None,
        "livemode": False,
        "locale": params.get("locale"),
        "metadata": params.get("metadata") or {},
        "mode": "setup",
        "payment_intent": None,
        "payment_link": None,
        "payment_method_collection": "always",
        "payment_method_options": {},
        "allowed_payment_method_types": params.get("allowed_payment_method_types"),
        "excluded_payment_method_types": params.get("excluded_payment_method_types"),
        "payment_method_types": ["card"],
        "payment_status": "no_payment_required",
        "phone_number_collection": {"enabled": False},
        "recovered_from": None,
        "setup_intent": None,
        "shipping_address_collection": None,
        "shipping_cost": None,
        "shipping_details": None,
        "shipping_options": [],
        "status": "open",
        "submit_type": None,
        "subscription": None,
        "success_url": params["success_url"],
        "total_details": None,
        "ui_mode": "hosted",
        "url": f"{FRONT}/checkout/{session_id}",
    }
    with LOCK:
        SESSIONS[session_id] = session
        setup_data = params.get("setup_intent_data") or {}
        PRIVATE[session_id] = {"auth": auth, "setup_metadata": setup_data.get("metadata")}
    return json_answer(200, session)


def retrieve_checkout_session(auth: str, session_id: str, params: dict) -> Answer:
    if not authorized(auth):
        return stripe_error(401, "Invalid API Key provided")
    with LOCK:
        session = json.loads(json.dumps(SESSIONS[session_id])) if session_id in SESSIONS else None
    if session is None:
        return missing("checkout.session", session_id)
    expand = params.get("expand") or []
    if "customer" in expand and session["customer"]:
        session["customer"] = call("GET", f"/v1/customers/{session['customer']}", auth)[1]
    inner = [e.removeprefix("setup_intent.") for e in expand if e.startswith("setup_intent.")]
    if ("setup_intent" in expand or inner) and session["setup_intent"]:
        path = f"/v1/setup_intents/{session['setup_intent']}"
        session["setup_intent"] = call("GET", path, auth, {"expand": inner} if inner else None)[1]
    return json_answer(200, session)


def expire_checkout_session(auth: str, session_id: str) -> Answer:
    if not authorized(auth):
        return stripe_error(401, "Invalid API Key provided")
    with LOCK:
        session = SESSIONS.get(session_id)
        if session is None:
            return missing("checkout.session", session_id)
        if session["status"] != "open":
            return stripe_error(
                400,
                "Only Checkout Sessions with a status in [open] can be expired."
                f" This Checkout Session has a status of {session['status']}.",
            )
        session["status"] = "expired"
        return json_answer(200, session)


def checkout_page(session: dict, error: str = "", card: str = "4242424242424242") -> str:
    year = time.gmtime().tm_year + 3
    problem = f'<p id="error" role="alert">{html.escape(error)}</p>' if error else ""
    cancel = session.get("cancel_url")
    back = f'<p><a id="cancel" href="{html.escape(cancel)}">Back</a></p>' if cancel else ""
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Checkout (test stand-in)</title></head>
<body>
<h1>Save a card</h1>
<p>Customer <span id="customer">{html.escape(session.get("customer") or "")}</span></p>
{problem}
<form method="post" action="/checkout/{session["id"]}">
<label>Card number <input id="card" name="card" value="{html.escape(card)}"></label>
<label>Month <input id="exp_month" name="exp_month" value="12" size="2"></label>
<label>Year <input id="exp_year" name="exp_year" value="{year}" size="4"></label>
<button id="submit" type="submit">Save card</button>
</form>
{back}
</body></html>
"""


def show_checkout(session_id: str) -> Answer:
    with LOCK:
        session = dict(SESSIONS.get(session_id) or {})
    if not session:
        return html_answer(404, "<!doctype html><p>No such checkout session</p>")
    if session["status"] != "open":
        page = f"<!doctype html><p id='status'>This session is {session['status']}.</p>"
        return html_answer(200, page)
    return html_answer(200, checkout_page(session))


def complete_checkout(session_id: str, form: dict) -> Answer:
    with LOCK:
        session = dict(SESSIONS.get(session_id) or {})
        private = PRIVATE.get(session_id, {})
    auth, setup_metadata = private.get("auth", ""), private.get("setup_metadata")
    if not session:
        return html_answer(404, "<!doctype html><p>No such checkout session</p>")
    if session["status"] != "open":
        page = f"<!doctype html><p id='status'>This session is {session['status']}.</p>"
        return html_answer(400, page)
    number = re.sub(r"\s", "", form.get("card") or "4242424242424242")
    card = {
        "number": number,
        "exp_month": form.get("exp_month") or "12",
        "exp_year": form.get("exp_year") or str(time.gmtime().tm_year + 3),
        "cvc": form.get("cvc") or "123",
    }
    status, pm = call("POST", "/v1/payment_methods", auth, {"type": "card", "card": card})
    if status != 200:
        message = pm.get("error", {}).get("message", "Your card number is invalid.")
        return html_answer(400, checkout_page(session, message, number))
    setup = {"usage": "off_session"}
    if session["customer"]:
        setup["customer"] = session["customer"]
    if setup_metadata:
        setup["metadata"] = setup_metadata
    status, intent = call("POST", "/v1/setup_intents", auth, setup)
    if status != 200:
        return html_answer(500, checkout_page(session, json.dumps(intent), number))
    path = f"/v1/setup_intents/{intent['id']}/confirm"
    status, confirmed = call("POST", path, auth, {"payment_method": pm["id"]})
    if status != 200:
        message = confirmed.get("error", {}).get("message", "Your card was declined.")
        return html_answer(status, checkout_page(session, message, number))
    if confirmed.get("status") != "succeeded":
        message = f"The stand-in cannot complete a SetupIntent in {confirmed.get('status')}"
        return html_answer(400, checkout_page(session, message, number))
    details: dict | None = None
    if session["customer"]:
        _, customer = call("GET", f"/v1/customers/{session['customer']}", auth)
        details = {
            "address": customer.get("address"),
            "email": customer.get("email"),
            "name": customer.get("name"),
            "phone": customer.get("phone"),
            "tax_exempt": "none",
            "tax_ids": [],
        }
    with LOCK:
        stored = SESSIONS.get(session_id)
        if stored is None or stored["status"] != "open":
            return html_answer(409, "<!doctype html><p>This session changed meanwhile.</p>")
        stored.update(status="complete", setup_intent=confirmed["id"], customer_details=details)
    location = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
    return html_answer(303, "", [("Location", location)])


# Billing portal


def create_portal_session(auth: str, params: dict) -> Answer:
    if not authorized(auth):
        return stripe_error(401, "Invalid API Key provided")
    unknown = sorted(set(params) - PORTAL_PARAMS)
    if unknown:
        return stripe_error(400, f"Received unknown parameter: {unknown[0]}", unknown[0])
    customer = params.get("customer")
    if not customer:
        return stripe_error(400, "Missing required param: customer.", "customer")
    if call("GET", f"/v1/customers/{customer}", auth)[0] != 200:
        return stripe_error(400, f"No such customer: '{customer}'", "customer", "resource_missing")
    portal_id = stripe_id("bps_")
    portal = {
        "id": portal_id,
        "object": "billing_portal.session",
        "configuration": params.get("configuration") or "bpc_standin0default000000",
        "created": int(time.time()),
        "customer": customer,
        "flow": None,
        "livemode": False,
        "locale": params.get("locale"),
        "on_behalf_of": params.get("on_behalf_of"),
        "return_url": params.get("return_url"),
        "url": f"{FRONT}/portal/{portal_id}",
    }
    with LOCK:
        PORTALS[portal_id] = portal
        PRIVATE[portal_id] = {"auth": auth}
    return json_answer(200, portal)


def show_portal(portal_id: str) -> Answer:
    with LOCK:
        portal = PORTALS.get(portal_id)
        auth = PRIVATE.get(portal_id, {}).get("auth", "")
    if portal is None:
        return html_answer(404, "<!doctype html><p>No such portal session</p>")
    _, customer = call("GET", f"/v1/customers/{portal['customer']}", auth)
    back = portal.get("return_url")
    link = f'<p><a id="return" href="{html.escape(back)}">Return</a></p>' if back else ""
    page = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Billing portal (test stand-in)</title></head>
<body><h1>Billing portal</h1>
<p>Customer <span id="customer">{html.escape(portal["customer"])}</span>
<span id="name">{html.escape(customer.get("name") or "")}</span>
<span id="email">{html.escape(customer.get("email") or "")}</span></p>
{link}</body></html>
"""
    return html_answer(200, page)


# PaymentIntents list


def list_payment_intents(auth: str, params: dict) -> Answer:
    customer = params.pop("customer", None)
    created = params.pop("created", None)
    starting_after = params.pop("starting_after", None)
    ending_before = params.pop("ending_before", None)
    params.pop("expand", None)  # localstripe already inlines latest_charge
    try:
        limit = int(params.pop("limit", 10))
        assert 1 <= limit <= 100
    except (ValueError, AssertionError):
        return stripe_error(400, "Invalid integer: limit must be between 1 and 100", "limit")
    if params:
        name = sorted(params)[0]
        return stripe_error(400, f"Received unknown parameter: {name}", name)
    everything: list[dict] = []
    cursor = None
    while True:
        page_params: dict = {"limit": 100, "starting_after": cursor}
        status, page = call("GET", "/v1/payment_intents", auth, page_params)
        if status != 200:
            return json_answer(status, page)
        everything += page["data"]
        if not page["has_more"] or not page["data"]:
            break
        cursor = page["data"][-1]["id"]
    items = sorted(reversed(everything), key=lambda pi: -pi["created"])  # newest first
    if customer:
        items = [pi for pi in items if pi.get("customer") == customer]
    if created is not None:
        bounds = created if isinstance(created, dict) else {"eq": created}
        checks = {
            "gt": lambda a, b: a > b,
            "gte": lambda a, b: a >= b,
            "lt": lambda a, b: a < b,
            "lte": lambda a, b: a <= b,
            "eq": lambda a, b: a == b,
        }
        for op, value in bounds.items():
            if op not in checks or not str(value).isdigit():
                return stripe_error(400, f"Invalid created[{op}]", "created")
            items = [pi for pi in items if checks[op](pi["created"], int(value))]
    ids = [pi["id"] for pi in items]
    if starting_after:
        if starting_after not in ids:
            return missing("payment_intent", starting_after)
        rest = items[ids.index(starting_after) + 1 :]
        page_items, has_more = rest[:limit], len(rest) > limit
    elif ending_before:
        if ending_before not in ids:
            return missing("payment_intent", ending_before)
        before = items[: ids.index(ending_before)]
        page_items, has_more = before[-limit:], len(before) > limit
    else:
        page_items, has_more = items[:limit], len(items) > limit
    listing = {"object": "list", "data": page_items, "has_more": has_more}
    listing["url"] = "/v1/payment_intents"
    return json_answer(200, listing)


def with_decline_details(auth: str, path: str, answer: Answer) -> Answer:
    """Add what Stripe puts in a card_error that localstripe leaves out."""
    status, _, body = answer
    try:
        payload = json.loads(body)
        error = payload["error"]
    except (ValueError, KeyError, TypeError):
        return answer
    if error.get("code") != "card_declined":
        return answer
    error["type"] = "card_error"
    error.setdefault("doc_url", "https://stripe.com/docs/error-codes/card-declined")
    last4 = None
    if error.get("charge"):
        _, charge = call("GET", f"/v1/charges/{error['charge']}", auth)
        if charge.get("payment_intent"):
            pi_path = f"/v1/payment_intents/{charge['payment_intent']}"
            error["payment_intent"] = call("GET", pi_path, auth)[1]
        if charge.get("payment_method"):
            pm = call("GET", f"/v1/payment_methods/{charge['payment_method']}", auth)[1]
            error["payment_method"] = pm
            last4 = (pm.get("card") or {}).get("last4")
    else:
        attach = re.match(r"^/v1/payment_methods/([^/]+)/attach$", path)
        if attach:
            pm = call("GET", f"/v1/payment_methods/{attach.group(1)}", auth)[1]
            last4 = (pm.get("card") or {}).get("last4")
    error.setdefault("decline_code", DECLINE_CODES.get(last4 or "", "generic_decline"))
    return json_answer(status, payload)


def process_is_gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError) as e:
        print(f"front: could not kill {pid}: {e}", file=sys.stderr, flush=True)
        return
    deadline = time.monotonic() + 5
    while not process_is_gone(pid) and time.monotonic() < deadline:
        time.sleep(0.01)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.dispatch("GET")

    def do_POST(self) -> None:
        self.dispatch("POST")

    def do_DELETE(self) -> None:
        self.dispatch("DELETE")

    def do_PUT(self) -> None:
        self.dispatch("PUT")

    def do_PATCH(self) -> None:
        self.dispatch("PATCH")

    def dispatch(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        with LOCK:
            armed = dict(KILL)
            if armed and armed["path"] == url.path and armed["method"] == method:
                KILL.clear()
            else:
                armed = {}
        answer = self.route(method, url.path, url.query, body)
        if url.path.startswith("/v1/"):
            with LOCK:
                REQUESTS.append(
                    {
                        "method": method,
                        "path": url.path,
                        "query": url.query,
                        "idempotency_key": self.headers.get("Idempotency-Key"),
                        "status": answer[0],
                        "killed": armed.get("pid"),
                        "at": time.time(),
                    }
                )
        if armed:
            kill(armed["pid"])
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        status, headers, payload = answer
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def params(self, query: str, body: bytes) -> dict:
        if "json" in (self.headers.get("Content-Type") or ""):
            return json.loads(body or b"{}")
        pairs = parse_qsl(query, keep_blank_values=True)
        pairs += parse_qsl(body.decode(), keep_blank_values=True)
        return unflatten(pairs)

    def route(self, method: str, path: str, query: str, body: bytes) -> Answer:
        auth = self.headers.get("Authorization") or ""
        parts = path.strip("/").split("/")
        if path == "/_front/kill":
            return self.kill_control(method, body)
        if parts[:2] == ["_front", "sessions"] and len(parts) == 3 and method == "GET":
            with LOCK:
                session = SESSIONS.get(parts[2])
            return json_answer(200, session) if session else missing("checkout.session", parts[2])
        if path == "/_front/requests" and method == "GET":
            with LOCK:
                return json_answer(200, list(REQUESTS))
        if path == "/_config/data" and method == "DELETE":
            answer = self.forward(method, body)
            with LOCK:
                for store in (SESSIONS, PORTALS, PRIVATE, KILL):
                    store.clear()
                REQUESTS.clear()
            return answer
        if parts[:3] == ["v1", "checkout", "sessions"]:
            params = self.params(query, body)
            if len(parts) == 3 and method == "POST":
                return create_checkout_session(auth, params, self.version())
            if len(parts) == 4 and method == "GET":
                return retrieve_checkout_session(auth, parts[3], params)
            if len(parts) == 5 and parts[4] == "expire" and method == "POST":
                return expire_checkout_session(auth, parts[3])
            return stripe_error(404, f"Unrecognized request URL ({method}: {path}).")
        if parts[:3] == ["v1", "billing_portal", "sessions"] and len(parts) == 3:
            if method == "POST":
                return create_portal_session(auth, self.params(query, body))
            return stripe_error(404, f"Unrecognized request URL ({method}: {path}).")
        if path == "/v1/payment_intents" and method == "GET":
            return list_payment_intents(auth, self.params(query, body))
        if parts[0] == "checkout" and len(parts) == 2:
            if method == "GET":
                return show_checkout(parts[1])
            if method == "POST":
                return complete_checkout(parts[1], self.params("", body))
        if parts[0] == "portal" and len(parts) == 2 and method == "GET":
            return show_portal(parts[1])
        if method == "POST" and INTENT_WRITE.match(path):
            pairs = parse_qsl(body.decode(), keep_blank_values=True)
            names = {name.split("[")[0] for name, _ in pairs}
            if "payment_method_types" in names and self.version()[:10] >= ENDIVE:
                return no_longer_supported(self.version())
            if names.intersection(NEW_TYPE_PARAMS):  # localstripe knows only cards, and not these
                kept = [(k, v) for k, v in pairs if k.split("[")[0] not in NEW_TYPE_PARAMS]
                body = urlencode(kept).encode()
        answer = self.forward(method, body)
        if answer[0] == 402:
            return with_decline_details(auth, path, answer)
        return answer

    def version(self) -> str:
        return self.headers.get("Stripe-Version") or ""

    def forward(self, method: str, body: bytes) -> Answer:
        return upstream(method, self.path, body, list(self.headers.items()))

    def kill_control(self, method: str, body: bytes) -> Answer:
        if method == "DELETE":
            with LOCK:
                KILL.clear()
            return json_answer(200, {"armed": None})
        if method == "GET":
            with LOCK:
                return json_answer(200, {"armed": dict(KILL) or None})
        if method != "POST":
            return stripe_error(405, "Method not allowed")
        form = dict(parse_qsl(body.decode()))
        path, pid = form.get("path", ""), form.get("pid", "")
        if not path.startswith("/") or not pid.isdigit() or int(pid) <= 0:
            return stripe_error(400, "kill needs path=/v1/..., pid=<n> and optionally method")
        rule = {"path": path, "method": form.get("method", "POST").upper(), "pid": int(pid)}
        with LOCK:
            KILL.clear()
            KILL.update(rule)
        return json_answer(200, {"armed": rule})


def main() -> None:
    global UPSTREAM, FRONT
    port = int(sys.argv[1])
    target = urlsplit(sys.argv[2])
    UPSTREAM = (target.hostname or "127.0.0.1", target.port or 80)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    FRONT = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"PORT {server.server_address[1]}", flush=True)
    os.dup2(2, 1)  # anything printed later goes to stderr, not to the pipe nobody reads
    server.serve_forever()


if __name__ == "__main__":
    main()
