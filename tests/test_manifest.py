"""manifest.yml declares exactly what the code uses: commands, events, scopes."""

import re
from pathlib import Path

import yaml

from bot.slack.oauth import BOT_SCOPES

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text())
CODE = "\n".join(p.read_text() for p in sorted((ROOT / "bot").rglob("*.py")))

# what each Web API method and each event needs (Slack's documentation)
METHOD_SCOPES = {
    "auth.test": set(),  # the bot token, checked once at start
    "chat.postMessage": {"chat:write"},
    "chat.postEphemeral": {"chat:write"},  # answers about a company outside its channel
    "users.info": {"users:read", "users:read.email"},  # e-mail decides who a person is
    "views.open": set(),
    "views.publish": set(),
    "views.update": set(),  # the statement modal's months
    "files.upload_v2": {"files:write"},  # statement CSVs and charts
    # after a crash mid-send: was the message posted already? (public, private channels, DMs)
    "conversations.open": {"im:write"},
    "conversations.history": {"channels:history", "groups:history", "im:history"},
    "conversations.replies": {"channels:history", "groups:history", "im:history"},
}
EVENT_SCOPES = {
    "app_mention": {"app_mentions:read"},
    "message.im": {"im:history"},
    "app_home_opened": set(),
}


def used_methods() -> set[str]:
    calls = set(re.findall(r"client\.([a-z]+)_(\w+)\(", CODE))
    return {f"{family}.{name}" for family, name in calls}


def used_events() -> set[str]:
    events = set(re.findall(r'app\.event\("([a-z_]+)"\)', CODE))
    # the message listener answers direct messages only (channel_type "im")
    return {"message.im" if e == "message" else e for e in events}


def test_commands_match():
    declared = {c["command"] for c in MANIFEST["features"]["slash_commands"]}
    assert declared == set(re.findall(r'app\.command\("(/[a-z-]+)"\)', CODE)) == {"/billing"}
    assert all(c["should_escape"] for c in MANIFEST["features"]["slash_commands"])


def test_events_match():
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == used_events()


def test_every_method_used_is_known_and_scopes_are_exactly_what_is_needed():
    methods = used_methods()
    assert methods == set(METHOD_SCOPES), "a Web API method was added: list its scopes here"
    needed = {"commands"}.union(
        *(METHOD_SCOPES[m] for m in methods), *(EVENT_SCOPES[e] for e in used_events())
    )
    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == needed == set(BOT_SCOPES)


def test_request_urls_point_at_our_routes():
    settings = MANIFEST["settings"]
    assert settings["socket_mode_enabled"] is False
    assert settings["interactivity"]["request_url"].endswith("/slack/events")
    assert settings["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert MANIFEST["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
