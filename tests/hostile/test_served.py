"""(2) Against a real `billbot serve` (uvicorn, SQLite file, the Slack stand-in, aiosmtpd): bodies
over the limit are refused before they are read whole, whatever Content-Length says; and a
realistic session (invitations by e-mail, Slack DMs and buttons, the invite page, Stripe
webhooks) leaves no secret, invitation token or e-mail body in the serve log."""

import email
import json
import mailbox
import re
import select
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from stripe import WebhookSignature

from bot.web.guard import MAX_BODY
from tests.e2e.slack import SECRET, Billbot, get, post, serve_env
from tests.hostile.inprocess import command_form

BOT_TOKEN = "xoxb-hostile-logcheck-5b1e9c0d7a"
STRIPE_KEY = "sk_test_hostile_logcheck_9f3a1c"
WEBHOOK_SECRET = "whsec_hostile_logcheck_2d7e4b"
OLD_SECRET = "0ldsecret0ldsecret0ldsecret0ld00"  # the signing secret before a rotation
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def server(standin, smtp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    env = serve_env(
        folder,
        standin,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SMTP_URL=f"smtp://127.0.0.1:{smtp[0]}",
        STRIPE_API_KEY=STRIPE_KEY,
        STRIPE_API_BASE="http://127.0.0.1:9",  # unreachable: payments fail politely
        STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )
    bot = Billbot(env)
    bot.log_path = Path(env["BILLBOT_LOG"])
    yield bot
    bot.stop()


# ------------------------------------------------------------------------------- big bodies


def raw_request(port: int, head: str, body_parts, *, timeout: float = 20) -> tuple[str, int, bool]:
    """Send `head` then the body parts on one connection, watching for an early answer.
    Returns (the status line, bytes of body sent, whether the answer came before the end)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode("latin-1"))
        sent, early = 0, False
        try:
            for part in body_parts:
                if select.select([sock], [], [], 0)[0]:
                    early = True
                    break
                sock.sendall(part)
                sent += len(part)
        except (BrokenPipeError, ConnectionResetError):
            early = True
        answer = b""
        try:
            while b"\r\n" not in answer:
                more = sock.recv(4096)
                if not more:
                    break
                answer += more
        except (ConnectionResetError, TimeoutError):
            pass
    return answer.split(b"\r\n", 1)[0].decode("latin-1"), sent, early


def head(path: str, port: int, *lines: str) -> str:
    return "\r\n".join([f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", *lines, "", ""])


PATHS = ["/slack/events", "/stripe/webhook", "/invites/" + "A" * 32]
TOTAL = 32 * 2**20  # 32 MB: far more than any socket buffer holds


def chunked(total: int, size: int = 64 * 1024):
    piece = f"{size:x}\r\n".encode() + b"a" * size + b"\r\n"
    for _ in range(total // size):
        yield piece
    yield b"0\r\n\r\n"


@pytest.mark.parametrize("path", PATHS)
def test_a_declared_huge_body_is_refused_before_it_is_sent(server, path):
    status, _, _ = raw_request(
        server.port,
        head(path, server.port, f"Content-Length: {TOTAL}", "Content-Type: application/json"),
        [],
    )
    assert status.startswith("HTTP/1.1 413"), status
    assert get(f"{server.url}/healthz")[0] == 200


@pytest.mark.parametrize("path", PATHS)
def test_a_chunked_huge_body_is_refused_before_it_is_read_whole(server, path):
    started = time.monotonic()
    status, sent, early = raw_request(
        server.port,
        head(path, server.port, "Transfer-Encoding: chunked", "Content-Type: application/json"),
        chunked(TOTAL),
    )
    assert get(f"{server.url}/healthz")[0] == 200
    assert early and status.startswith("HTTP/1.1 413"), (
        f"{path}: {sent:,} bytes sent without Content-Length (limit {MAX_BODY:,}), answered "
        f"{status!r} {'before' if early else 'after'} the end, "
        f"in {time.monotonic() - started:.1f} s"
    )


@pytest.mark.parametrize("path", PATHS)
def test_a_lying_content_length_gets_no_more_than_it_declared(server, path):
    """Content-Length says 64 bytes, 4 MB follow: the app sees 64 bytes (a bad request), the
    rest is not taken as a body, and the server carries on."""
    status, _, _ = raw_request(
        server.port,
        head(path, server.port, "Content-Length: 64", f"Content-Type: {FORM}"),
        [b"a" * 64, b"x" * (4 * 2**20)],
    )
    assert re.match(r"HTTP/1.1 (400|401|404|413) ", status), status
    assert get(f"{server.url}/healthz")[0] == 200


# ------------------------------------------------------------------------------- logs


def wait_until(check, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("timed out")


def mails(inbox: Path) -> list[email.message.Message]:
    if not inbox.exists():
        return []
    return [
        email.message_from_bytes(m.as_bytes()) for m in mailbox.Maildir(str(inbox), create=False)
    ]


def post_form(url: str, fields: dict) -> tuple[int, str]:
    request = urllib.request.Request(
        url, data=urlencode(fields).encode(), method="POST", headers={"content-type": FORM}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def stripe_post(url: str, event: dict, secret: str) -> int:
    body = json.dumps(event)
    header = WebhookSignature.generate_signature_header(body, secret)
    request = urllib.request.Request(
        f"{url}/stripe/webhook",
        data=body.encode(),
        method="POST",
        headers={"content-type": "application/json", "stripe-signature": header},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def token_of(text: str) -> str:
    return re.search(r"/invites/([\w-]+)", text)[1]


def test_a_realistic_session_leaves_no_secret_in_the_log(server, standin, smtp):
    bot, inbox = server, smtp[1]
    said = []

    def say(line: str, user: str = "UDAN", name: str = "dan") -> str:
        text = bot.reply(standin, line, user=user, name=name)
        said.append(text)
        return text

    assert "Added plan" in say("plan new Basic 49 USD", "UOLIVIA", "olivia")
    assert "Created company" in say("company new Acme email:ap@acme.example")
    for app in ("shop", "blog", "wiki"):
        assert "Created" in say(f"app new {app} company:Acme plan:Basic")
    by_mail = say('invite-client carla@client.example app:shop company:"Carla Co"')
    to_boss = say(
        "invite <mailto:boss@client.example|boss@client.example> company:Acme role:billing"
    )
    in_slack = say("invite-client <@UCLIENT|client> app:blog")
    tokens = [token_of(t) for t in (by_mail, to_boss, in_slack)]
    received = wait_until(lambda: len(mails(inbox)) >= 2 and mails(inbox))
    bodies = [m.get_payload(decode=True).decode() for m in received]
    assert any(tokens[0] in b for b in bodies) and any(tokens[1] in b for b in bodies)

    # The client completes billing on the page; the boss joins; the Slack client clicks.
    assert get(f"{bot.url}/invites/{tokens[0]}")[0] == 200
    fields = {"billing_name": "Carla Co", "invoice_email": "ap@carla.example"}
    assert post_form(f"{bot.url}/invites/{tokens[0]}", fields)[0] == 200
    assert post_form(f"{bot.url}/invites/{tokens[1]}", {})[0] == 200
    dm = wait_until(
        lambda: [c for c in standin.calls("chat.postMessage") if c["args"]["channel"] == "UCLIENT"]
    )
    assert tokens[2] in dm[-1]["args"]["text"]
    invitation = re.search(r"Invitation #(\d+)", in_slack)[1]
    status, _, _ = bot.interact(
        {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": "UCLIENT"},
            "api_app_id": "A1",
            "trigger_id": "1.1",
            "response_url": f"{standin.url}/respond/dm",
            "container": {"type": "message"},
            "channel": {"id": "DCLIENT"},
            "actions": [{"action_id": "invitation_accept", "value": invitation, "type": "button"}],
        }
    )
    assert status == 200
    wait_until(lambda: [c for c in standin.calls("respond") if c["path"] == "/respond/dm"])
    # Mistyped and guessed tokens, payments, questions, Stripe events.
    say(f"accept {tokens[0]}", "UCARLA", "carla")  # used already
    say("accept " + "B" * 32, "UEVE", "eve")
    say("pay Acme")
    say("statement Acme")
    bot.event(
        {
            "type": "app_mention",
            "user": "UDAN",
            "channel": "C1",
            "text": "<@UBOT> due?",
            "ts": "1.5",
        },
        "EvLog1",
    )
    bot.event({"type": "app_home_opened", "user": "UDAN", "tab": "home"}, "EvLog2")
    event = {
        "id": "evt_logcheck_1",
        "object": "event",
        "type": "payment_intent.succeeded",
        "data": {"object": {"id": "pi_1", "object": "payment_intent", "metadata": {}}},
    }
    assert stripe_post(bot.url, event, WEBHOOK_SECRET) == 200
    assert stripe_post(bot.url, event, "whsec_someone_else") == 400
    time.sleep(1.5)  # the delivery loop and the work after acks: let them finish and log

    log = bot.log_path.read_text(errors="replace")
    assert "stripe event evt_logcheck_1" in log, "the log is the serve log"
    secrets = {
        "the Slack bot token": BOT_TOKEN,
        "the signing secret": SECRET,
        "the Stripe key": STRIPE_KEY,
        "the webhook secret": WEBHOOK_SECRET,
        **{f"invitation token {n}": t for n, t in enumerate(tokens, 1)},
    }
    for n, body in enumerate(bodies, 1):
        for line in body.splitlines():
            if len(line.strip()) >= 25:
                secrets[f"e-mail {n}: {line.strip()[:30]}…"] = line.strip()
    found = [what for what, secret in secrets.items() if secret in log]
    assert not found, f"in the serve log: {found}"


def test_requests_refused_for_their_signature_are_not_logged_with_their_body(server, standin):
    """A signing-secret rotation: Slack already signs with the new secret while billbot still
    has the old one (or the other way round), so every real request is refused. Refused, its
    body (an invitation token typed in /billing accept, e-mail addresses) must not be logged."""
    bot = server
    offset = len(bot.log_path.read_bytes())
    token = "Zq3" + "x" * 29  # shaped like a real token
    for line in (
        f"accept {token}",
        "invite <mailto:secret.person@client.example|x> company:Acme role:billing",
    ):
        body = command_form(line, response_url=f"{standin.url}/respond/rotated").decode()
        status, _, _ = post(f"{bot.url}/slack/events", body, FORM, secret=OLD_SECRET)
        assert status == 401
    time.sleep(0.3)
    log = bot.log_path.read_bytes()[offset:].decode(errors="replace")
    leaked = [w for w in (token, "secret.person") if w in log]
    assert not leaked, f"refused requests were logged with their body: {leaked}\n{log[-1500:]}"
