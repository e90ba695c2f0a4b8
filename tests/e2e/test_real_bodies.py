"""Every real body in tests/corpus/slack_bodies.py, signed and posted to a real `billbot serve`
as Slack posts it: a 200, or a 404 where billbot listens to nothing of that kind; never a 400
or a 500, and nothing logged as an error."""

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.corpus.slack_bodies import BODIES, Body
from tests.e2e.slack import Billbot, post, serve_env

LISTENED = {  # kinds billbot subscribes to: these must be a 200
    "app_mention",
    "message",
    "app_home_opened",
    "url_verification",
    "app_rate_limited",
    "ssl_check",
}


def sent(body: Body) -> tuple[str, str]:
    if body.form == "json":
        return json.dumps(body.body), "application/json"
    if body.form == "payload":
        return urlencode({"payload": json.dumps(body.body)}), "application/x-www-form-urlencoded"
    return urlencode(body.body), "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def billbot(standin, tmp_path_factory):
    server = Billbot(serve_env(tmp_path_factory.mktemp("serve"), standin))
    yield server
    server.stop()


def test_the_corpus_is_large_and_varied():
    assert len(BODIES) >= 80
    assert len({b.kind for b in BODIES}) >= 25
    assert all(b.source for b in BODIES)


@pytest.mark.parametrize("body", BODIES, ids=lambda b: f"{b.kind}:{b.source[-40:]}")
def test_a_real_body_is_answered(billbot, body):
    text, content_type = sent(body)
    status, answer, _ = post(f"{billbot.url}/slack/events", text, content_type)
    allowed = {200} if body.kind in LISTENED else {200, 404}
    assert status in allowed, (status, answer)
    if body.kind == "url_verification":
        assert body.body["challenge"] in answer


def test_nothing_was_logged_as_an_error(billbot, standin):
    for body in BODIES:  # once more, now that the work after each ack has had time to run
        post(f"{billbot.url}/slack/events", *sent(body))
    standin.wait_for("auth.test")
    billbot.stop()
    log = Path(billbot.log.name).read_text()
    assert "Traceback" not in log and " ERROR " not in log, log[-3000:]
