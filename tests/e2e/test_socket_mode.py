"""`billbot serve --socket` against Slack's side of Socket Mode played locally: the Web API
stand-in answers apps.connections.open with a loopback WebSocket (tests/e2e/slack_socket_peer.py),
which says hello, sends a slash command, a click and an event, checks each ack (Slack's limit is
3 s), then tells billbot to disconnect; billbot connects again and goes on answering."""

import json
import time
import urllib.request

import pytest

from tests.e2e.slack import Billbot, serve_env
from tests.e2e.slack_socket_peer import SlackPeer

RESPOND = "/respond/socket"


def command(standin, text: str) -> dict:
    return {
        "token": "legacy",
        "team_id": "T1",
        "team_domain": "agency",
        "channel_id": "C1",
        "channel_name": "billing",
        "user_id": "UDAN",
        "user_name": "dan",
        "command": "/billing",
        "text": text,
        "api_app_id": "A1",
        "is_enterprise_install": "false",
        "response_url": f"{standin.url}{RESPOND}",
        "trigger_id": f"{time.time_ns()}.1.socket",
    }


def replies(standin) -> list[str]:
    found = [c for c in standin.calls("respond") if c["path"] == RESPOND]
    return ["\n".join(b["text"]["text"] for b in c["args"]["blocks"] if "text" in b) for c in found]


def wait_reply(standin, count: int) -> str:
    deadline = time.monotonic() + 15
    while len(replies(standin)) < count:
        assert time.monotonic() < deadline, replies(standin)
        time.sleep(0.05)
    return replies(standin)[count - 1]


@pytest.fixture
def peer(standin):
    with SlackPeer() as slack:
        request = urllib.request.Request(
            f"{standin.url}/_socket",
            data=json.dumps({"url": slack.url}).encode(),
            headers={"content-type": "application/json"},
            method="POST",
        )
        urllib.request.urlopen(request, timeout=10).close()
        yield slack


def test_socket_mode_answers_each_envelope_and_survives_a_reconnect(standin, peer, tmp_path):
    env = serve_env(tmp_path, standin, SLACK_APP_TOKEN="xapp-1-A1-local")
    bot = Billbot(env, "--socket")
    try:
        peer.wait_connections(1)
        assert standin.calls("apps.connections.open")

        ack, seconds = peer.envelope("slash_commands", command(standin, 'company new "Socket Co"'))
        assert ack == {"envelope_id": ack["envelope_id"]} and seconds < 3
        assert "Created company Socket Co" in wait_reply(standin, 1)

        click = {
            "type": "block_actions",
            "team": {"id": "T1", "domain": "agency"},
            "user": {"id": "UDAN", "username": "dan", "team_id": "T1"},
            "api_app_id": "A1",
            "trigger_id": f"{time.time_ns()}.2.socket",
            "container": {"type": "view", "view_id": "VHOME"},
            "view": {"id": "VHOME", "type": "home", "app_installed_team_id": "T1"},
            "actions": [
                {"action_id": "show_help", "block_id": "b", "type": "button", "action_ts": "1"}
            ],
        }
        ack, seconds = peer.envelope("interactive", click)
        assert ack["envelope_id"] and seconds < 3
        opened = standin.wait_for("views.open")[-1]["args"]
        assert "Billing help" in json.dumps(opened)

        event = {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "event": {"type": "app_home_opened", "user": "UDAN", "channel": "D1", "tab": "home"},
            "type": "event_callback",
            "event_id": "EvSocket1",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        ack, seconds = peer.envelope("events_api", event, retry_attempt=0, retry_reason="")
        assert ack["envelope_id"] and seconds < 3
        published = standin.wait_for("views.publish")[-1]["args"]
        assert "Socket Co" in json.dumps(published)

        peer.send({"type": "disconnect", "reason": "refresh_requested", "debug_info": {}})
        peer.wait_connections(2)
        assert len(standin.calls("apps.connections.open")) >= 2

        ack, seconds = peer.envelope("slash_commands", command(standin, "companies"))
        assert seconds < 3
        assert "Socket Co: owner, 0 apps" in wait_reply(standin, 2)

        junk, _ = peer.envelope("slash_commands", {"command": "/billing"})  # not Slack's shape
        assert junk["envelope_id"]
    finally:
        bot.stop()
