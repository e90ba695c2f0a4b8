"""The shape check in front of Bolt: bodies as Slack really sends them pass (nulls included,
as for org-wide installs); bodies without what Slack always sends do not."""

import json
from urllib.parse import urlencode

import pytest

from billing.refs import record_id
from bot.slack.shape import read_body

COMMAND = {
    "token": "gIkuvaNzQIHg97ATvDxqgjtO",
    "team_id": "T0001",
    "team_domain": "example",
    "enterprise_id": "E0001",
    "enterprise_name": "Globular%20Construct%20Inc",
    "channel_id": "C2147483705",
    "channel_name": "test",
    "user_id": "U2147483697",
    "user_name": "Steve",
    "command": "/billing",
    "text": "",
    "response_url": "https://hooks.slack.com/commands/1234/5678",
    "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    "api_app_id": "A123456",
}
CLICK = {
    "type": "block_actions",
    "team": None,  # org-wide installs
    "enterprise": None,
    "is_enterprise_install": False,
    "user": {"id": "U123", "username": "dan", "team_id": "T1"},
    "api_app_id": "A1",
    "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
    "container": {"type": "view", "view_id": "V0PKB1ZFV"},
    "view": {"id": "V0PKB1ZFV", "type": "home", "app_installed_team_id": "T1"},
    "actions": [{"action_id": "statement_view", "block_id": "b", "type": "button", "value": "1"}],
}
EVENT = {
    "token": "XXYYZZ",
    "team_id": "T1",
    "api_app_id": "A1",
    "event": {
        "type": "app_mention",
        "user": "U061F7AUR",
        "text": "<@U0LAN0Z89> is it everything a river should be?",
        "ts": "1515449522.000016",
        "channel": "C0LAN2Q65",
        "event_ts": "1515449522000016",
    },
    "type": "event_callback",
    "event_id": "Ev0LAN670R",
    "event_time": 1515449522000016,
    "authorizations": [
        {
            "enterprise_id": None,
            "team_id": "T1",
            "user_id": "U0LAN0Z89",
            "is_bot": True,
            "is_enterprise_install": False,
        }
    ],
}


FORM = "application/x-www-form-urlencoded"


def form(fields: dict) -> tuple[bytes, str]:
    return urlencode(fields).encode(), FORM


def payload(body: dict) -> tuple[bytes, str]:
    return form({"payload": json.dumps(body)})


def as_json(body: object) -> tuple[bytes, str]:
    return json.dumps(body).encode(), "application/json"


def well_formed(sent: tuple[bytes, str]) -> bool:
    return read_body(*sent) is not None


def test_what_slack_sends_passes():
    assert well_formed(form(COMMAND))
    assert well_formed(form({**COMMAND, "text": "companies"}))
    assert well_formed(payload(CLICK))
    assert well_formed(payload({**CLICK, "team": {"id": "T1", "domain": "x"}}))
    assert well_formed(as_json(EVENT))
    assert well_formed(as_json({"type": "url_verification", "challenge": "3eZbrw1a"}))
    assert well_formed((b"ssl_check=1&token=x", FORM))


@pytest.mark.parametrize(
    "body",
    [
        form({k: v for k, v in COMMAND.items() if k != "user_id"}),
        form({**COMMAND, "response_url": "javascript:alert(1)"}),
        form({**COMMAND, "team_id": "T1\u00e9"}),
        payload({**CLICK, "actions": []}),
        payload({**CLICK, "user": "U123"}),
        payload({**CLICK, "actions": [{"action_id": "x", "value": 12}]}),
        payload({"user": None, "api_app_id": "A1", "view": None}),  # Bolt reads a view's type
        as_json({**EVENT, "event": None}),
        as_json({**EVENT, "event": {**EVENT["event"], "channel": True}}),
        as_json({"type": "url_verification", "challenge": None}),
        as_json([EVENT]),
        (b"[" * 100_000, "application/json"),
        (b"\xff\xfe", FORM),
        (b"", FORM),
    ],
)
def test_what_slack_never_sends_is_refused(body):
    assert not well_formed(body)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("2147483647", 2**31 - 1), ("2147483648", None), ("0", None), ("", None)]
    + [(v, None) for v in ("-1", "0x10", "1_000", " 1", "²", "١٢", "9" * 30, None, 12)],
)
def test_a_record_id_is_plain_digits_within_the_database_range(value, expected):
    assert record_id(value) == expected


def test_every_real_body_in_the_corpus_passes():
    from tests.corpus.slack_bodies import BODIES
    from tests.e2e.test_real_bodies import sent

    for body in BODIES:
        text, content_type = sent(body)
        assert read_body(text.encode(), content_type) is not None, body.source
