"""(2) Hostile requests against the real app (in-process, SQLite and PostgreSQL). Each case
compares every table (`billbot export`'s JSON) before and after: forged or stale Slack and
Stripe signatures change nothing; a repeated Slack event or a re-sent signed request acts once;
a signed Stripe event acts once; bodies over MAX_BODY are refused without being read whole;
another workspace's ids and names get the answer an unknown one gets; guessed invitation
tokens all get the same 404 page."""

import gc
import json
import re
import secrets
import sqlite3
import time
import uuid
from collections.abc import Iterator

import pytest

from bot.web.guard import MAX_BODY
from tests.e2e.slack import StandIn
from tests.hostile.inprocess import (
    BOT_TOKEN,
    SLACK_SECRET,
    STRIPE_KEY,
    WEBHOOK_SECRET,
    InProcess,
    command_form,
    envelope,
    payload_form,
    slack_headers,
    stripe_headers,
)

FORM = "application/x-www-form-urlencoded"


# ------------------------------------------------------------------------------- helpers


def tag() -> str:
    return uuid.uuid4().hex[:12]


def texts(call: dict) -> str:
    args = call["args"]
    blocks = args.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    found = [b["text"]["text"] for b in blocks if isinstance(b.get("text"), dict)]
    return "\n".join(found) or str(args.get("text", ""))


def responses(standin: StandIn, path: str) -> list[dict]:
    return [c for c in standin.calls("respond") if c["path"] == path]


def reply(
    app: InProcess,
    standin: StandIn,
    text: str,
    *,
    user: str = "UDAN",
    team: str = "T1",
    name: str = "dan",
) -> str:
    """A signed /billing command; the ephemeral reply posted to its response_url."""
    path = f"/respond/{tag()}"
    answer = app.command(
        text, user_id=user, team_id=team, user_name=name, response_url=standin.url + path
    )
    assert answer.status == 200, (answer.status, answer.text)
    assert not app.pool.settle(), text
    (call,) = responses(standin, path)
    return texts(call)


def click(
    app: InProcess,
    standin: StandIn,
    action_id: str,
    value: str,
    *,
    user: str = "UDAN",
    team: str = "T1",
) -> str:
    """A signed button click; what the clicker is shown (a response or a modal)."""
    path, trigger = f"/respond/{tag()}", f"{tag()}.1"
    payload = {
        "type": "block_actions",
        "team": {"id": team},
        "user": {"id": user},
        "api_app_id": "A1",
        "trigger_id": trigger,
        "response_url": standin.url + path,
        "container": {"type": "message"},
        "channel": {"id": "D1"},
        "actions": [{"action_id": action_id, "block_id": "b", "type": "button", "value": value}],
    }
    answer = app.slack(payload_form(payload), FORM)
    assert answer.status == 200, (answer.status, answer.text)
    assert not app.pool.settle(), (action_id, value)
    shown = [texts(c) for c in responses(standin, path)]
    views = [c for c in standin.calls("views.open") if c["args"].get("trigger_id") == trigger]
    shown += [json.dumps(c["args"]["view"]) for c in views]
    assert len(shown) == 1, shown
    return shown[0]


def table(app: InProcess, name: str) -> list[dict]:
    return app.snapshot()[name]


def unchanged(app: InProcess, before: dict, what: object, *, requests_seen: bool = False) -> None:
    """Every table as it was (the rows that differ are listed if not). `requests_seen`: the
    test sent signed requests, so the record of requests seen (processed_event) may grow."""
    app.pool.settle()
    after = app.snapshot()
    changed = {}
    for name in before:
        if requests_seen and name == "processed_event":
            continue
        old, new = (
            [json.dumps(r, sort_keys=True, default=str) for r in rows]
            for rows in (before[name], after[name])
        )
        if old != new:
            changed[name] = {
                "gone": [r for r in old if r not in new],
                "new": [r for r in new if r not in old],
            }
    assert not changed, f"{what!r} changed {sorted(changed)}: {changed}"


# ------------------------------------------------------------------------------- Slack forgery


def slack_forgeries(body: bytes, content_type: str) -> Iterator[tuple[str, bytes, dict]]:
    """(why, body, headers) of requests Slack did not sign, or not now."""
    now = int(time.time())
    good = slack_headers(body, content_type)
    signature = good["x-slack-signature"]

    def but(header: str, value: str | None) -> dict:
        changed = {**good, header: value}
        return {k: v for k, v in changed.items() if v is not None}

    yield "another secret", body, slack_headers(body, content_type, secret="0" * 32)
    yield "stale (400 s)", body, slack_headers(body, content_type, timestamp=now - 400)
    yield "a day old", body, slack_headers(body, content_type, timestamp=now - 86_400)
    yield "from the future", body, slack_headers(body, content_type, timestamp=now + 400)
    yield "no signature", body, but("x-slack-signature", None)
    yield "empty signature", body, but("x-slack-signature", "")
    yield "no timestamp", body, but("x-slack-request-timestamp", None)
    yield "v1 scheme", body, but("x-slack-signature", signature.replace("v0=", "v1="))
    yield "upper-case hex", body, but("x-slack-signature", "v0=" + signature[3:].upper())
    yield "truncated", body, but("x-slack-signature", signature[:-2])
    yield "timestamp moved", body, but("x-slack-request-timestamp", str(now - 1))
    yield "tampered body", body + b"&user_id=UOLIVIA", good
    yield "timestamp not a number", body, but("x-slack-request-timestamp", f"{now}.0")


FORGED_BODIES = {
    "command: company new": (command_form("company new Forged", response_url=""), FORM),
    "command: usage": (command_form("usage api requests 500"), FORM),
    "command: grant": (
        command_form("grant <@UEVE|eve> company:Acme role:owner", user_id="UDAN"),
        FORM,
    ),
    "event: app_mention": (
        envelope(
            {"type": "app_mention", "user": "UDAN", "channel": "C1", "text": "hi", "ts": "1"},
            "EvForged",
        ),
        "application/json",
    ),
    "view: new company": (
        payload_form(
            {
                "type": "view_submission",
                "team": {"id": "T1"},
                "user": {"id": "UDAN"},
                "api_app_id": "A1",
                "view": {
                    "id": "V1",
                    "type": "modal",
                    "callback_id": "new_company",
                    "app_installed_team_id": "T1",
                    "state": {
                        "values": {
                            "name": {"value": {"type": "plain_text_input", "value": "Forged Co"}}
                        }
                    },
                },
            }
        ),
        FORM,
    ),
}


@pytest.mark.parametrize("what", sorted(FORGED_BODIES))
def test_forged_and_stale_slack_requests_change_nothing(served, standin, captured, what):
    body, content_type = FORGED_BODIES[what]
    before = served.snapshot()
    calls = len(standin.calls())
    refused = {}
    for why, forged_body, headers in slack_forgeries(body, content_type):
        answer = served.request("POST", "/slack/events", forged_body, headers)
        refused[why] = answer.status
        assert not served.pool.jobs, (why, "work started for a forged request")
        unchanged(served, before, (what, why))
    assert len(standin.calls()) == calls, "a forged request reached Slack"
    assert refused == dict.fromkeys(refused, 401), refused


def test_a_correctly_signed_request_does_act(served, standin):
    """The control for the forgery tests: the same kind of body, signed, changes things."""
    before = len(table(served, "company"))
    assert "Created company Signed" in reply(served, standin, "company new Signed")
    assert len(table(served, "company")) == before + 1


# ------------------------------------------------------------------------------- Slack replays


def test_a_repeated_event_id_is_acted_on_once(served, standin):
    event = {
        "type": "app_mention",
        "user": "UDAN",
        "channel": "C1",
        "text": "<@UBOT> when is our next payment?",
        "ts": "1700000000.000200",
    }
    body = envelope(event, "EvOnce1")
    headers = slack_headers(body, "application/json")

    def answers() -> int:
        said = standin.calls("chat.postMessage") + standin.calls("chat.postEphemeral")
        return len([c for c in said if c["args"].get("thread_ts") == event["ts"]])

    before = answers()
    assert served.request("POST", "/slack/events", body, headers).status == 200
    served.pool.settle()
    assert answers() == before + 1
    after_first = served.snapshot()
    retry = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    again = [
        ("the same bytes", body, headers),
        ("a retry", body, slack_headers(body, "application/json", extra=retry)),
        ("the id, other text", envelope({**event, "text": "who pays?"}, "EvOnce1"), None),
    ]
    for why, repeated, repeated_headers in again:
        answer = served.request(
            "POST",
            "/slack/events",
            repeated,
            repeated_headers or slack_headers(repeated, "application/json"),
        )
        assert answer.status == 200, (why, answer.status)
        unchanged(served, after_first, why)
        assert answers() == before + 1, why
    rows = [r for r in after_first["processed_event"] if r["event_id"] == "EvOnce1"]
    assert len(rows) == 1


REPLAYED = {  # the line sent twice, after what it needs
    "usage": ([], "usage api requests 500"),
    "company new": ([], "company new Replayed"),
    "app new": ([], "app new replayed-app company:Acme"),
    "app delete": ([], "app delete shop"),
    "grant": ([], "grant <@UERIN|erin> company:Acme role:viewer"),
    "invite": ([], "invite <mailto:x@replay.example|x@replay.example> company:Acme role:viewer"),
    "invite-client": (
        ["app new replay-shop company:Acme"],
        "invite-client y@r.example app:replay-shop",
    ),
    "plan new": ([], "plan new Replayed 5 USD"),
}


@pytest.mark.parametrize("what", sorted(REPLAYED))
def test_a_resent_signed_command_acts_once(served, standin, what):
    """Slack sends a command once; the same signed bytes again (within Slack's five minutes)
    can only be a replay: the second one must change nothing (its trigger_id is the same)."""
    setup, line = REPLAYED[what]
    user = "UOLIVIA" if line.startswith("plan") else "UDAN"
    for needed in setup:
        reply(served, standin, needed, user=user)
    before = served.snapshot()
    body = command_form(
        line, user_id=user, trigger_id="4242.1.f00d", response_url=f"{standin.url}/respond/{tag()}"
    )
    headers = slack_headers(body, FORM)
    assert served.request("POST", "/slack/events", body, headers).status == 200
    served.pool.settle()
    first = served.snapshot()
    assert first != before, f"/billing {line} did nothing the first time"
    assert served.request("POST", "/slack/events", body, headers).status in (200, 401, 409)
    unchanged(served, first, f"the same signed /billing {line}, sent again")


def button_payload(standin: StandIn, user: str, action_id: str, value: str) -> dict:
    return {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "trigger_id": f"{tag()}.9",
        "response_url": f"{standin.url}/respond/{tag()}",
        "container": {"type": "message"},
        "channel": {"id": "D" + user},
        "actions": [{"action_id": action_id, "block_id": "b", "type": "button", "value": value}],
    }


def test_a_resent_signed_button_click_acts_once(served, standin):
    invitation = next(i for i in table(served, "invitation") if i["kind"] == "access")
    body = payload_form(
        button_payload(standin, "UCARLA", "invitation_accept", str(invitation["id"]))
    )
    headers = slack_headers(body, FORM)
    assert served.request("POST", "/slack/events", body, headers).status == 200
    served.pool.settle()
    first = served.snapshot()
    accepted = next(i for i in first["invitation"] if i["id"] == invitation["id"])
    assert accepted["status"] != invitation["status"], "the first click did nothing"
    assert served.request("POST", "/slack/events", body, headers).status in (200, 401, 409)
    unchanged(served, first, "the same signed click, sent again")


def open_transactions(app: InProcess) -> str | None:
    """Who holds the database after all work is done: SQLite's write lock, or a PostgreSQL
    connection left idle in a transaction."""
    if app.engine.dialect.name == "sqlite":
        database = sqlite3.connect(app.engine.url.database, timeout=1)
        try:
            database.execute("BEGIN IMMEDIATE")
            database.rollback()
            return None
        except sqlite3.OperationalError as error:
            return str(error)
        finally:
            database.close()
    with app.engine.connect() as connection:
        idle = connection.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
        ).scalar()
    return f"{idle} connection(s) idle in a transaction" if idle else None


@pytest.mark.parametrize("action_id", ["invitation_decline", "invitation_accept"])
def test_answering_an_invitation_leaves_no_transaction_open(served, standin, action_id):
    """Found by the replay test: after a Decline click the decline's session is used again
    after its unit of work ended (commands/decline_invitation.py), which opens a transaction
    nobody closes: on SQLite the write lock (BEGIN IMMEDIATE) stays taken and every other
    write waits 30 s, then fails."""
    invitation = next(i for i in table(served, "invitation") if i["kind"] == "access")
    body = payload_form(button_payload(standin, "UCARLA", action_id, str(invitation["id"])))
    assert served.slack(body, FORM).status == 200
    assert not served.pool.settle()
    try:
        assert open_transactions(served) is None, f"after {action_id}: {open_transactions(served)}"
    finally:
        gc.collect()  # the leaked session's connection goes back to the pool: later tests run


# ------------------------------------------------------------------------------- Stripe


def stripe_event(event_id: str) -> bytes:
    """An event that needs no call to Stripe: a PaymentIntent for a statement we don't have."""
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": "payment_intent.succeeded",
            "created": int(time.time()),
            "data": {
                "object": {
                    "id": "pi_hostile",
                    "object": "payment_intent",
                    "status": "succeeded",
                    "metadata": {"billbot_statement": "999999:2026-10"},
                }
            },
        }
    ).encode()


def test_forged_stale_and_replayed_stripe_webhooks_change_nothing(served):
    body = stripe_event("evt_hostile_1")
    good = stripe_headers(body)
    stamp, signature = re.match(r"t=(\d+),v1=(\w+)", good["stripe-signature"]).groups()
    forged = {
        "another secret": (body, stripe_headers(body, secret="whsec_someone_else")),
        "stale (400 s)": (body, stripe_headers(body, timestamp=int(time.time()) - 400)),
        "a day old": (body, stripe_headers(body, timestamp=int(time.time()) - 86_400)),
        "tampered body": (body.replace(b"999999", b"1"), good),
        "no header": (body, {"content-type": "application/json"}),
        "empty header": (body, {**good, "stripe-signature": ""}),
        "v0 only": (body, {**good, "stripe-signature": f"t={stamp},v0={signature}"}),
        "no timestamp": (body, {**good, "stripe-signature": f"v1={signature}"}),
        "timestamp moved": (
            body,
            {**good, "stripe-signature": f"t={int(stamp) - 1},v1={signature}"},
        ),
        "upper-case hex": (body, {**good, "stripe-signature": f"t={stamp},v1={signature.upper()}"}),
    }
    before = served.snapshot()
    for why, (forged_body, headers) in forged.items():
        answer = served.stripe(forged_body, headers)
        assert (answer.status, answer.text) == (400, '{"error":"bad signature"}'), why
        unchanged(served, before, why)

    answer = served.stripe(body, good)
    assert answer.status == 200 and json.loads(answer.text)["result"] == "no such statement"
    first = served.snapshot()
    assert len(first["processed_event"]) == len(before["processed_event"]) + 1
    for why, headers in (("the same bytes", good), ("signed again later", stripe_headers(body))):
        answer = served.stripe(body, headers)
        assert json.loads(answer.text) == {"received": True, "result": "duplicate"}, why
        unchanged(served, first, why)


# ------------------------------------------------------------------------------- big bodies

PATHS = ["/slack/events", "/stripe/webhook", "/invites/" + "A" * 32]
CHUNK = 64 * 1024


def endless(total: int) -> Iterator[bytes]:
    for _ in range(total // CHUNK):
        yield b"a" * CHUNK


@pytest.mark.parametrize("path", PATHS)
def test_bodies_over_the_limit_are_refused_unread(served, path):
    before = served.snapshot()
    too_big = served.request(
        "POST", path, headers={"content-length": str(MAX_BODY + 1)}, chunks=endless(8 * 2**20)
    )
    assert (too_big.status, too_big.read) == (413, 0), (too_big.status, too_big.read)
    for length in ("abc", "-1", "1e9", " 5"):
        odd = served.request(
            "POST", path, headers={"content-length": length}, chunks=endless(CHUNK)
        )
        assert odd.status in (400, 413) and odd.read == 0, (length, odd.status, odd.read)
    unchanged(served, before, path)


@pytest.mark.parametrize("path", PATHS)
def test_a_body_without_content_length_is_not_read_past_the_limit(served, path):
    """Chunked transfer encoding has no Content-Length: the limit must hold while reading."""
    before = served.snapshot()
    sent = 8 * 2**20
    answer = served.request("POST", path, chunks=endless(sent))
    unchanged(served, before, path)
    assert answer.read <= MAX_BODY + CHUNK, (
        f"{path} read {answer.read:,} bytes of a {sent:,}-byte body without Content-Length "
        f"(limit {MAX_BODY:,}) and answered {answer.status}"
    )
    assert answer.status == 413, answer.status


# ------------------------------------------------------------------------------- workspaces


def normalized(text: str, *names: str) -> str:
    for name in names:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", "<name>", text)
    return re.sub(r"#?\b\d{2,}\b", "<n>", text)


CROSS_COMMANDS = [
    "company {c}",
    "access {c}",
    "statement {c}",
    "statement {c} 2026-10",
    "statement {c} 2026-11 csv",
    "apps {c}",
    "audit {c}",
    "invites {c}",
    "pay {c}",
    "leave {c}",
    "channel link {c}",
    "channel unlink {c}",
    "reminders {c}",
    "reminders {c} days:5 off",
    "grant <@UTOM|tom> company:{c} role:owner",
    "revoke <@UDAN|dan> company:{c}",
    "dismiss <@UDAN|dan> company:{c}",
    "handover {c} to:<@UTOM|tom>",
    "company set {c} email:evil@evil.example",
    "app new evil-app company:{c}",
    "transfer tango-site to:{c}",
    "mark-paid {c} 2026-10",
    "invite <mailto:e@evil.example|e@evil.example> company:{c} role:admin",
    "app plan {a} Basic",
    "app domain {a} evil.example",
    "app delete {a}",
    "usage {a} requests 5",
    "transfer {a} to:Tango",
    "invite-client e@evil.example app:{a}",
]
T2_PEOPLE = [("UTOM", "tom"), ("UOLIVIA", "olivia")]  # a member, and an operator's id in T2


def test_another_workspace_gets_the_answer_an_unknown_name_gets(served, standin):
    for user, name in T2_PEOPLE:  # first contact updates the person: not part of the test
        reply(served, standin, "whoami", user=user, team="T2", name=name)
    before = served.snapshot()
    different = []
    for user, name in T2_PEOPLE:
        for line in CROSS_COMMANDS:
            asked = {}
            for company, app in (("Acme", "shop"), ("Zzyzx", "nosuch")):
                said = reply(
                    served, standin, line.format(c=company, a=app), user=user, team="T2", name=name
                )
                asked[company] = normalized(said, company, app)
            if asked["Acme"] != asked["Zzyzx"]:
                different.append((name, line, asked))
    unchanged(served, before, "T2 naming T1's companies and apps", requests_seen=True)
    assert not different, different


def test_another_workspace_clicking_a_button_with_our_ids_learns_nothing(served, standin):
    for user, name in T2_PEOPLE:
        reply(served, standin, "whoami", user=user, team="T2", name=name)
    acme = next(c for c in table(served, "company") if c["name"] == "Acme")
    invitation = min(int(i) for i in served.links)
    request = table(served, "transfer_request")[0]
    buttons = [
        ("statement_view", f"{acme['id']}:2026-11", "99999:2026-11"),
        ("statement_view", str(acme["id"]), "99999"),
        ("billing_pay", str(acme["id"]), "99999"),
        ("invitation_accept", str(invitation), "99999"),
        ("invitation_decline", str(invitation), "99999"),
        ("transfer_approve", str(request["id"]), "99999"),
        ("transfer_decline", str(request["id"]), "99999"),
    ]
    before = served.snapshot()
    different = []
    for user, _ in T2_PEOPLE:
        for action_id, ours, unknown in buttons:
            shown = {
                value: re.sub(
                    r"\d+", "<n>", click(served, standin, action_id, value, user=user, team="T2")
                )
                for value in (ours, unknown)
            }
            if shown[ours] != shown[unknown]:
                different.append((user, action_id, shown))
    unchanged(served, before, "T2 clicking buttons with T1's ids", requests_seen=True)
    assert not different, different


def test_update_card_for_a_company_the_clicker_cannot_see_says_what_an_unknown_one_says(
    served, standin
):
    oliv = next(c for c in table(served, "company") if c["name"] == "Oliv")  # olivia's alone
    before = served.snapshot()
    clicked = click(served, standin, "billing_pay", str(oliv["id"]))  # dan's click
    typed = reply(served, standin, 'pay "Oliv"')
    unknown = reply(served, standin, "pay Nosuch")
    unchanged(served, before, "dan asking to pay for Oliv", requests_seen=True)
    assert "can't find a company called “Oliv”" in clicked
    assert clicked == typed == unknown.replace("Nosuch", "Oliv")


# ------------------------------------------------------------------------------- tokens


def guessed_tokens(real: str) -> list[str]:
    tokens = [secrets.token_urlsafe(24) for _ in range(150)]
    tokens += [secrets.token_urlsafe(n) for n in (1, 8, 23, 25, 48)]
    tokens += [
        real[:-1] + ("A" if real[-1] != "A" else "B"),
        real[1:] + "A",
        real.upper() if real.upper() != real else real.lower(),
        real[:16],
        real + real,
        "A" * 32,
        "0" * 32,
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%2F..%2F",
        "%00" + real,
        "ü" * 32,
        "x" * 4000,
        real + "%20",
        "'%20OR%201=1--",
    ]
    return tokens


def test_guessed_invitation_tokens_get_the_same_404_and_change_nothing(served, standin, captured):
    real = next(iter(served.links.values())).rsplit("/", 1)[1]
    ok = served.request("GET", f"/invites/{real}")
    assert ok.status == 200, "the control: the real link works"
    reply(served, standin, "whoami", user="UEVE", name="eve")  # eve's first contact
    before = served.snapshot()
    pages, replies = set(), set()
    tokens = guessed_tokens(real)
    for token in tokens:
        shown = served.request("GET", f"/invites/{token}")
        posted = served.request(
            "POST",
            f"/invites/{token}",
            b"billing_name=Evil&invoice_email=evil%40evil.example",
            {"content-type": FORM},
        )
        pages.add((shown.status, shown.text))
        pages.add((posted.status, posted.text))
        assert "Evil" not in posted.text
    for token in tokens[:20]:
        said = reply(served, standin, f"accept {token}", user="UEVE", name="eve")
        replies.add(said.replace(token, "<token>"))
    unchanged(served, before, "guessed tokens", requests_seen=True)
    assert len(pages) == 1 and next(iter(pages))[0] == 404, sorted(pages)[:3]
    assert len(replies) <= 2, replies  # "not an invitation token" or "not valid"
    logged = "\n".join(captured.lines)
    for secret in (real, *tokens[:150], BOT_TOKEN, SLACK_SECRET, STRIPE_KEY, WEBHOOK_SECRET):
        assert secret not in logged, f"{secret[:6]}… is in the log"


# ------------------------------------------------------------------------------- people


def test_someone_invited_by_e_mail_can_use_slack_later(served, standin):
    """Invited by e-mail first, the same person then types /billing in Slack, where users.info
    gives that e-mail address (the stand-in says <name>@example.com)."""
    invited = reply(
        served,
        standin,
        "invite <mailto:erin@example.com|erin@example.com> company:Acme role:viewer",
    )
    assert "Invitation #" in invited, invited
    said = reply(served, standin, "whoami", user="UERIN", name="erin")
    assert "erin" in said, said


def test_first_contact_from_many_at_once_is_answered(served, standin):
    """A new workspace's people, and one new person, sending commands at the same moment (the
    work after the acks runs in parallel): each must get a real answer."""
    paths = []
    for n in range(8):
        for user, team in ((f"UNEW{n}", "TNEW"), ("UFRESH", "T1")):
            path = f"/respond/{tag()}"
            paths.append(path)
            answer = served.command(
                "companies",
                user_id=user,
                team_id=team,
                user_name=user.lower(),
                response_url=standin.url + path,
            )
            assert answer.status == 200
    assert not served.pool.settle()
    said = [texts(c) for path in paths for c in responses(standin, path)]
    assert len(said) == len(paths)
    failed = [s for s in said if "can't reach its records" in s]
    assert not failed, f"{len(failed)} of {len(said)} first commands failed: {failed[0]}"


# ------------------------------------------------------------------------------- overload


def test_past_its_backlog_billbot_says_try_again_and_does_nothing(served, standin):
    """When more work waits for a worker than the backlog holds (here: none may wait), a
    command is acked as always, its sender is told to try again, and nothing changes."""
    before = served.snapshot()
    served.worker.max_backlog = 0
    path = f"/respond/{tag()}"
    answer = served.command("company new Overload", response_url=standin.url + path)
    assert answer.status == 200
    served.worker.apologies.submit(lambda: None).result(timeout=30)  # the apology is out
    assert [texts(c) for c in responses(standin, path)] == [
        "billbot has more to do right now than it can take on, so it did not act on that. "
        "Please try again in a minute."
    ]
    assert not served.pool.jobs
    unchanged(served, before, "a command past the backlog")
    served.worker.max_backlog = 5_000
    assert "Created company Overload" in reply(served, standin, "company new Overload")
