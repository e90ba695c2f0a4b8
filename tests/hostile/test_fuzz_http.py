"""(1b, 1c) Random requests to the real app of `billbot serve` (in-process): POST /slack/events
and POST /stripe/webhook, 10,000 derandomized cases each on SQLite (2,000 on PostgreSQL: the
same code, slower round trips), correctly signed and not. Never a 500, never an exception name
in an answer, never a failure in the work after an ack (read from that work's futures and from
the "billbot.slack" log), never a database error passed off as "out of reach".

Findings are collected over every case (not stopped at the first) and listed at the end,
one smallest example per kind of failure."""

import hashlib
import hmac
import time
import traceback

from hypothesis import given
from hypothesis import strategies as st

from tests.hostile.inprocess import (
    SLACK_SECRET,
    WEBHOOK_SECRET,
    Answer,
    InProcess,
    leaks,
    slack_signature,
    stripe_headers,
)
from tests.hostile.strategies import fuzz, slack_bodies, stripe_bodies

CASES = {"sqlite": 10_000, "postgresql": 2_000}  # the same code paths; PostgreSQL is slower
TRY_AGAIN = (503, '{"error":"try again later"}')  # Stripe unreachable: Stripe sends it again


def where(error: BaseException) -> str:
    """The innermost frame of billbot's own code the error passed through."""
    frames = [
        f for f in traceback.extract_tb(error.__traceback__) if "site-packages" not in f.filename
    ]
    frame = (frames or traceback.extract_tb(error.__traceback__) or [None])[-1]
    if frame is None:
        return "?"
    return f"{frame.filename.split('/work/main/')[-1]}:{frame.lineno} {frame.line}"


class Findings:
    """Failures by kind; for each kind, how often and the smallest input that caused it."""

    def __init__(self) -> None:
        self.kinds: dict[str, tuple[int, str]] = {}

    def add(self, kind: str, example: object) -> None:
        shown = repr(example)[:600]
        count, smallest = self.kinds.get(kind, (0, shown))
        self.kinds[kind] = (count + 1, min(smallest, shown, key=len))

    def report(self) -> str:
        return "\n".join(
            f"- {kind} ({count}x), e.g. {example}"
            for kind, (count, example) in sorted(self.kinds.items())
        )


def check_answer(findings: Findings, what: str, answer: Answer, example: object) -> None:
    if (answer.status, answer.text) == TRY_AGAIN and answer.error is None:
        return
    if answer.error is not None:
        findings.add(
            f"{what}: {answer.status}, {type(answer.error).__name__} at {where(answer.error)}",
            example,
        )
    elif answer.status >= 500:
        findings.add(f"{what}: {answer.status} {answer.text[:80]!r}", example)
    if leaks(answer.text):
        findings.add(f"{what}: exception text in the answer {leaks(answer.text)}", example)


def check_background(findings: Findings, app: InProcess, captured) -> None:
    for error, kwargs in app.pool.settle(timeout=300):
        body = kwargs.get("body") or kwargs.get("event") or kwargs
        findings.add(
            f"work after an ack: {type(error).__name__} at {where(error)}",
            (str(error)[:200], body),
        )
    for record in captured.records:  # the database is always there in these tests
        if "out of reach" in record.getMessage():
            findings.add(f"logged by {record.name}: {record.getMessage()}", "(a database error)")
    for record in captured.errors():
        error = record.exc_info[1] if record.exc_info else None
        kind = f"{type(error).__name__} at {where(error)}" if error else record.getMessage()
        findings.add(
            f"logged by {record.name}: {record.getMessage()[:60]}: {kind}", str(error)[:300]
        )


# ------------------------------------------------------------------------------- Slack

SLACK_SIGNINGS = st.sampled_from(
    [
        "signed",
        "signed",
        "signed",
        "signed",
        "signed",
        "wrong secret",
        "stale",
        "future",
        "no signature",
        "no timestamp",
        "garbage signature",
        "timestamp not a number",
        "huge timestamp",
        "other body",
        "retry",
    ]
)


def slack_request_headers(body: bytes, content_type: str, signing: str) -> dict[str, str]:
    now = int(time.time())
    stamp = {"stale": now - 400, "future": now + 400}.get(signing, now)
    secret = "0" * 32 if signing == "wrong secret" else SLACK_SECRET
    signed = body + b"&x=1" if signing == "other body" else body
    headers = {
        "content-type": content_type,
        "x-slack-request-timestamp": str(stamp),
        "x-slack-signature": slack_signature(secret, str(stamp), signed),
    }
    if signing == "no signature":
        del headers["x-slack-signature"]
    elif signing == "no timestamp":
        del headers["x-slack-request-timestamp"]
    elif signing == "garbage signature":
        headers["x-slack-signature"] = "v0=zz"
    elif signing == "timestamp not a number":
        headers["x-slack-request-timestamp"] = "12ab"
        headers["x-slack-signature"] = slack_signature(SLACK_SECRET, "12ab", body)
    elif signing == "huge timestamp":
        headers["x-slack-request-timestamp"] = "9" * 40
        headers["x-slack-signature"] = slack_signature(SLACK_SECRET, "9" * 40, body)
    elif signing == "retry":
        headers |= {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    if not content_type:
        del headers["content-type"]
    return headers


def test_slack_events_survive_random_requests(served, standin, captured):
    findings = Findings()
    respond = f"{standin.url}/respond/fuzz"
    statuses: dict[tuple[str, int], int] = {}
    started = time.perf_counter()
    cases = CASES[served.engine.dialect.name]

    @fuzz(cases)
    @given(body=slack_bodies(respond), signing=SLACK_SIGNINGS)
    def check(body: tuple[bytes, str], signing: str) -> None:
        raw, content_type = body
        jobs = len(served.pool.jobs)
        answer = served.request(
            "POST", "/slack/events", raw, slack_request_headers(raw, content_type, signing)
        )
        valid = signing in ("signed", "retry")
        statuses[(valid and "signed") or "forged", answer.status] = (
            statuses.get(((valid and "signed") or "forged", answer.status), 0) + 1
        )
        check_answer(findings, f"slack ({'signed' if valid else 'not signed'})", answer, body)
        if not valid and answer.status not in (401, 413):
            findings.add(f"not signed yet answered {answer.status}", (signing, body))
        if not valid and len(served.pool.jobs) != jobs:
            findings.add("not signed yet work was started", (signing, body))

    check()
    acked = time.perf_counter() - started
    check_background(findings, served, captured)
    replies = [c["args"] for c in standin.calls("respond") if c["path"] == "/respond/fuzz"]
    for reply in replies:
        if leaks(str(reply)):
            findings.add(f"exception text in a reply {leaks(str(reply))}", reply)
    print(
        f"\nslack on {served.engine.dialect.name}: {cases} cases, acked in {acked:.1f} s, "
        f"all work done in {time.perf_counter() - started:.1f} s; {len(replies)} replies; "
        f"answers {dict(sorted(statuses.items()))}"
    )
    assert not findings.kinds, "\n" + findings.report()


# ------------------------------------------------------------------------------- Stripe

STRIPE_SIGNINGS = st.sampled_from(
    [
        "signed",
        "signed",
        "signed",
        "signed",
        "wrong secret",
        "stale",
        "no signature",
        "garbage signature",
        "other body",
    ]
)


def stripe_request_headers(body: bytes, signing: str) -> dict[str, str]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:  # not UTF-8 (Stripe never sends that): signed by hand, still refused
        stamp = int(time.time())
        digest = hmac.new(
            WEBHOOK_SECRET.encode(), f"{stamp}.".encode() + body, hashlib.sha256
        ).hexdigest()
        headers = {"content-type": "application/json", "stripe-signature": f"t={stamp},v1={digest}"}
    elif signing == "wrong secret":
        headers = stripe_headers(body, secret="whsec_someone_else")
    elif signing == "stale":
        headers = stripe_headers(body, timestamp=int(time.time()) - 301)
    elif signing == "other body":
        headers = stripe_headers(body + b" ")
    else:
        headers = stripe_headers(body)
    if signing == "no signature":
        del headers["stripe-signature"]
    elif signing == "garbage signature":
        headers["stripe-signature"] = "t=abc,v1=zz,v0"
    return headers


def is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_the_stripe_webhook_survives_random_requests(served, captured):
    findings = Findings()
    statuses: dict[tuple[str, int], int] = {}
    started = time.perf_counter()
    cases = CASES[served.engine.dialect.name]
    counter = iter(range(10**9))

    @fuzz(cases)
    @given(body=stripe_bodies(), signing=STRIPE_SIGNINGS, fresh=st.integers(0, 3))
    def check(body: bytes, signing: str, fresh: int) -> None:
        if fresh:  # most events get an id of their own (the rest repeat ids, as Stripe does)
            body = body.replace(b'"id": "evt_', b'"id": "evt_%d_' % next(counter), 1)
        answer = served.request(
            "POST", "/stripe/webhook", body, stripe_request_headers(body, signing)
        )
        valid = signing == "signed" and is_utf8(body)
        key = ("signed" if valid else "forged", answer.status)
        statuses[key] = statuses.get(key, 0) + 1
        check_answer(findings, f"stripe ({'signed' if valid else 'not signed'})", answer, body)
        if not valid and (answer.status, answer.text) != (400, '{"error":"bad signature"}'):
            findings.add(f"not signed yet answered {answer.status}", (signing, body))

    check()
    check_background(findings, served, captured)
    print(
        f"\nstripe on {served.engine.dialect.name}: {cases} cases in "
        f"{time.perf_counter() - started:.1f} s; answers {dict(sorted(statuses.items()))}"
    )
    assert not findings.kinds, "\n" + findings.report()
