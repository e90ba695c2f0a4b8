"""POST /api/usage through a real `billbot serve`: keys made and revoked in Slack, batches with
idempotency keys, a clear 4xx for bad input, and nothing half-written."""

import json
import re
import urllib.error
import urllib.request
from datetime import UTC, datetime

import pytest

from tests.e2e.slack import Billbot, serve_env

TODAY = datetime.now(UTC).date().isoformat()  # the server runs on the real clock


@pytest.fixture(scope="module")
def billbot(standin, tmp_path_factory):
    server = Billbot(serve_env(tmp_path_factory.mktemp("serve"), standin))
    yield server
    server.stop()


def send(server: Billbot, body: object, key: str | None) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"content-type": "application/json"}
    if key is not None:
        headers["authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        f"{server.url}/api/usage", data=data, method="POST", headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def event(key: str, quantity: int = 100, **more: object) -> dict:
    return {"idempotency_key": key, "app": "api", "metric": "requests",
            "quantity": quantity, "day": TODAY, **more}  # fmt: skip


def test_usage_api(billbot, standin):
    olivia = {"user": "UOLIVIA", "name": "olivia"}
    billbot.reply(standin, "plan new Api 0 USD metric:requests unit:0.0004 included:0", **olivia)
    billbot.reply(standin, "company new Acme")
    billbot.reply(standin, "app new api company:Acme plan:Api")
    billbot.reply(standin, "app domain api api.acme.example")
    assert billbot.reply(standin, "api-key new meter") == "Only operators make API keys."
    made = billbot.reply(standin, "api-key new meter", **olivia)
    key = re.search(r"bbk_[A-Za-z0-9_-]+", made)
    assert key is not None and "It is shown this once" in made
    key = key.group(0)

    assert send(billbot, {"events": [event("a")]}, None)[0] == 401
    assert send(billbot, {"events": [event("a")]}, "bbk_guessed")[0] == 401
    assert send(billbot, b"{not json", key) == (400, {"error": "The body is not JSON."})
    assert send(billbot, {"event": []}, key)[0] == 400

    # one bad event: nothing of the batch is written, and each reason is given
    status, body = send(
        billbot,
        {"events": [event("a"), event("b", app="nope"), event("c", day="2099-01-01")]},
        key,
    )
    assert status == 422
    assert body["reasons"] == [
        "event 2: there is no app called “nope”.",
        "event 3: 2099-01-01 is in the future for api.",
    ]
    status, body = send(billbot, {"events": [event("x", quantity=-1)]}, key)
    assert (status, body["reasons"]) == (
        422,
        ["event 1: the quantity must be a whole number, 0 or more."],
    )

    assert send(billbot, {"events": [event("a"), event("b", 250)]}, key) == (
        200, {"recorded": 2, "duplicates": 0},
    )  # fmt: skip
    # sent again (a retry): recorded once; the same key for other usage is refused
    assert send(billbot, {"events": [event("a"), event("b", 250), event("c", 5)]}, key) == (
        200, {"recorded": 1, "duplicates": 2},
    )  # fmt: skip
    status, body = send(billbot, {"events": [event("a", 999), event("d", 7)]}, key)
    assert status == 422
    assert body["reasons"] == ["event 1: idempotency_key “a” was used before for other usage."]

    statement = billbot.reply(standin, "statement Acme")
    assert "355 requests" in statement  # 100 + 250 + 5, never the refused batches

    assert "Revoked API key" in billbot.reply(standin, "api-key revoke meter", **olivia)
    assert send(billbot, {"events": [event("e")]}, key)[0] == 401
