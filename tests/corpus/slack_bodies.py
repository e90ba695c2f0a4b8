"""Real request bodies Slack sends, each with where it was taken from: the test data of Slack's
own SDKs (slackapi/bolt-python, slackapi/bolt-js, slackapi/python-slack-sdk) and the examples
of Slack's API reference (api.slack.com). Kept as published, ids and all.

`Body(source, kind, body)`: `kind` is the Slack type (an event's `event.type`, a payload's
`type`, "slash_command", ...); `body` is a dict (JSON, or a payload= form field holding JSON,
by kind) or, for slash commands and ssl_check, the form's fields."""

from typing import NamedTuple

BOLT_PY = "slackapi/bolt-python tests/scenario_tests/"
BOLT_JS = "slackapi/bolt-js "


class Body(NamedTuple):
    source: str
    kind: str
    body: dict
    form: str = "json"  # "json", "payload" (payload= form field) or "fields" (plain form)


BODIES: list[Body] = []


def add(source: str, kind: str, body: dict, form: str = "json") -> None:
    BODIES.append(Body(source, kind, body, form))


# slackapi/bolt-python tests/scenario_tests/test_events.py
add(
    BOLT_PY + "test_events.py valid_event_body",
    "app_mention",
    {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "client_msg_id": "9cbd4c5b-7ddf-4ede-b479-ad21fca66d63",
            "type": "app_mention",
            "text": "<@W111> Hi there!",
            "user": "W222",
            "ts": "1595926230.009600",
            "team": "T111",
            "channel": "C111",
            "event_ts": "1595926230.009600",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1595926230,
        "authed_users": ["W111"],
    },
)
add(
    BOLT_PY + "test_events.py valid_reaction_added_body",
    "reaction_added",
    {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "reaction_added",
            "user": "W111",
            "item": {"type": "message", "channel": "C111", "ts": "1599529504.000400"},
            "reaction": "heart_eyes",
            "item_user": "W111",
            "event_ts": "1599616881.000800",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authed_users": ["W111"],
    },
)
add(
    BOLT_PY + "test_events.py test_member_join_left_events",
    "member_joined_channel",
    {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "member_joined_channel",
            "user": "U999",
            "channel": "C111",
            "channel_type": "C",
            "team": "T111",
            "inviter": "U222",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authed_users": ["W111"],
    },
)
add(
    BOLT_PY + "test_events.py test_member_join_left_events",
    "member_left_channel",
    {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "member_left_channel",
            "user": "U999",
            "channel": "C111",
            "channel_type": "C",
            "team": "T111",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authed_users": ["W111"],
    },
)
add(
    BOLT_PY + "test_events.py test_uninstallation_and_revokes",
    "app_uninstalled",
    {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {"type": "app_uninstalled"},
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
    },
)
add(
    BOLT_PY + "test_events.py test_uninstallation_and_revokes",
    "tokens_revoked",
    {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "tokens_revoked",
            "tokens": {"oauth": ["UXXXXXXXX"], "bot": ["UXXXXXXXX"]},
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
    },
)

# slackapi/bolt-python tests/scenario_tests/test_events_org_apps.py (org-wide installs)
add(
    BOLT_PY + "test_events_org_apps.py test_team_access_granted",
    "team_access_granted",
    {
        "token": "verification-token",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "team_access_granted",
            "team_ids": ["T111", "T222"],
            "event_ts": "111.222",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1606805974,
    },
)
add(
    BOLT_PY + "test_events_org_apps.py test_team_access_revoked",
    "team_access_revoked",
    {
        "token": "verification-token",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "team_access_revoked",
            "team_ids": ["T111", "T222"],
            "event_ts": "1606805732.987656",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1606805732,
    },
)
add(
    BOLT_PY + "test_events_org_apps.py test_app_home_opened",
    "app_home_opened",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "app_home_opened",
            "user": "W111",
            "channel": "D111",
            "tab": "messages",
            "event_ts": "1606810927.510671",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1606810927,
        "authorizations": [
            {
                "enterprise_id": "E111",
                "team_id": None,
                "user_id": "W111",
                "is_bot": True,
                "is_enterprise_install": True,
            }
        ],
        "is_ext_shared_channel": False,
    },
)
add(
    BOLT_PY + "test_events_org_apps.py test_message",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "client_msg_id": "0186b75a-2ad4-4f36-8ccc-18608b0ac5d1",
            "type": "message",
            "text": "<@W222>",
            "user": "W111",
            "ts": "1606810819.000800",
            "team": "T111",
            "channel": "C111",
            "event_ts": "1606810819.000800",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1606810819,
        "authed_users": [],
        "authorizations": [
            {
                "enterprise_id": "E111",
                "team_id": None,
                "user_id": "W222",
                "is_bot": True,
                "is_enterprise_install": True,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)

# slackapi/bolt-python interactivity
add(
    BOLT_PY + "test_block_actions.py body",
    "block_actions",
    {
        "type": "block_actions",
        "user": {
            "id": "W111",
            "username": "primary-owner",
            "name": "primary-owner",
            "team_id": "T111",
        },
        "api_app_id": "A111",
        "token": "verification_token",
        "container": {
            "type": "message",
            "message_ts": "111.222",
            "channel_id": "C111",
            "is_ephemeral": True,
        },
        "trigger_id": "111.222.valid",
        "team": {
            "id": "T111",
            "domain": "workspace-domain",
            "enterprise_id": "E111",
            "enterprise_name": "Sandbox Org",
        },
        "channel": {"id": "C111", "name": "test-channel"},
        "response_url": "https://hooks.slack.com/actions/T111/111/random-value",
        "actions": [
            {
                "action_id": "a",
                "block_id": "b",
                "text": {"type": "plain_text", "text": "Button", "emoji": True},
                "value": "click_me_123",
                "type": "button",
                "action_ts": "1596530385.194939",
            }
        ],
    },
    "payload",
)
add(
    BOLT_PY + "test_view_submission.py body",
    "view_submission",
    {
        "type": "view_submission",
        "team": {
            "id": "T111",
            "domain": "workspace-domain",
            "enterprise_id": "E111",
            "enterprise_name": "Sandbox Org",
        },
        "user": {
            "id": "W111",
            "username": "primary-owner",
            "name": "primary-owner",
            "team_id": "T111",
        },
        "api_app_id": "A111",
        "token": "verification_token",
        "trigger_id": "111.222.valid",
        "view": {
            "id": "V111",
            "team_id": "T111",
            "type": "modal",
            "blocks": [
                {
                    "type": "input",
                    "block_id": "hspI",
                    "label": {"type": "plain_text", "text": "Label"},
                    "optional": False,
                    "element": {"type": "plain_text_input", "action_id": "maBWU"},
                }
            ],
            "private_metadata": "This is for you!",
            "callback_id": "view-id",
            "state": {"values": {"hspI": {"maBWU": {"type": "plain_text_input", "value": "test"}}}},
            "hash": "1596530361.3wRYuk3R",
            "title": {"type": "plain_text", "text": "My App"},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": {"type": "plain_text", "text": "Cancel"},
            "submit": {"type": "plain_text", "text": "Submit"},
            "previous_view_id": None,
            "root_view_id": "V111",
            "app_id": "A111",
            "external_id": "",
            "app_installed_team_id": "T111",
            "bot_id": "B111",
        },
        "response_urls": [],
    },
    "payload",
)
add(
    BOLT_PY + "test_view_submission.py response_url_payload_body",
    "view_submission",
    {
        "type": "view_submission",
        "team": {"id": "T111", "domain": "test-test-test"},
        "user": {
            "id": "U111",
            "username": "test-test-test",
            "name": "test-test-test",
            "team_id": "T111",
        },
        "api_app_id": "A111",
        "token": "verification-token",
        "trigger_id": "111.222.xxx",
        "view": {
            "id": "V111",
            "team_id": "T111",
            "type": "modal",
            "blocks": [],
            "callback_id": "view-id",
            "state": {},
            "title": {"type": "plain_text", "text": "My App"},
            "close": {"type": "plain_text", "text": "Cancel"},
            "submit": {"type": "plain_text", "text": "Submit"},
            "previous_view_id": None,
            "root_view_id": "V111",
            "app_id": "A111",
            "external_id": "",
            "app_installed_team_id": "T111",
            "bot_id": "B111",
        },
        "response_urls": [
            {
                "block_id": "b",
                "action_id": "a",
                "channel_id": "C111",
                "response_url": "http://localhost:8888/webhook",
            }
        ],
        "is_enterprise_install": False,
    },
    "payload",
)
add(
    BOLT_PY + "test_shortcut.py payload",
    "shortcut",
    {
        "type": "shortcut",
        "token": "verification_token",
        "action_ts": "111.111",
        "team": {
            "id": "T111",
            "domain": "workspace-domain",
            "enterprise_id": "E111",
            "enterprise_name": "Org Name",
        },
        "user": {"id": "W111", "username": "primary-owner", "team_id": "T111"},
        "callback_id": "test-shortcut",
        "trigger_id": "111.111.xxxxxx",
    },
    "payload",
)
_DIALOG_TEAM = {
    "id": "T111",
    "domain": "workspace-domain",
    "enterprise_id": "E111",
    "enterprise_name": "Sandbox Org",
}
add(
    BOLT_PY + "test_dialogs.py suggestion_body",
    "dialog_suggestion",
    {
        "type": "dialog_suggestion",
        "token": "verification_token",
        "action_ts": "1596603332.676855",
        "team": _DIALOG_TEAM,
        "user": {"id": "W111", "name": "primary-owner", "team_id": "T111"},
        "channel": {"id": "C111", "name": "test-channel"},
        "name": "types",
        "value": "search keyword",
        "callback_id": "dialog-callback-id",
        "state": "Limo",
    },
    "payload",
)
add(
    BOLT_PY + "test_dialogs.py submission_body",
    "dialog_submission",
    {
        "type": "dialog_submission",
        "token": "verification_token",
        "action_ts": "1596603334.328193",
        "team": _DIALOG_TEAM,
        "user": {"id": "W111", "name": "primary-owner", "team_id": "T111"},
        "channel": {"id": "C111", "name": "test-channel"},
        "submission": {"loc_origin": "Tokyo", "loc_destination": "Osaka", "types": "FE-459"},
        "callback_id": "dialog-callback-id",
        "response_url": "https://hooks.slack.com/app/T111/111/xxx",
        "state": "Limo",
    },
    "payload",
)
add(
    BOLT_PY + "test_dialogs.py cancellation_body",
    "dialog_cancellation",
    {
        "type": "dialog_cancellation",
        "token": "verification_token",
        "action_ts": "1596603453.047897",
        "team": _DIALOG_TEAM,
        "user": {"id": "W111", "name": "primary-owner", "team_id": "T111"},
        "channel": {"id": "C111", "name": "test-channel"},
        "callback_id": "dialog-callback-id",
        "response_url": "https://hooks.slack.com/app/T111/111/xxx",
        "state": "Limo",
    },
    "payload",
)
_SUGGESTION = {
    "type": "block_suggestion",
    "user": {"id": "W111", "username": "primary-owner", "name": "primary-owner", "team_id": "T111"},
    "container": {"type": "view", "view_id": "V111"},
    "api_app_id": "A111",
    "token": "verification_token",
    "action_id": "es_a",
    "block_id": "es_b",
    "value": "search word",
    "team": {
        "id": "T111",
        "domain": "workspace-domain",
        "enterprise_id": "E111",
        "enterprise_name": "Sandbox Org",
    },
    "view": {
        "id": "V111",
        "team_id": "T111",
        "type": "modal",
        "blocks": [
            {
                "type": "input",
                "block_id": "5ar+",
                "label": {"type": "plain_text", "text": "Label"},
                "optional": False,
                "element": {"type": "plain_text_input", "action_id": "i5IpR"},
            },
            {
                "type": "input",
                "block_id": "es_b",
                "label": {"type": "plain_text", "text": "Search"},
                "optional": False,
                "element": {
                    "type": "external_select",
                    "action_id": "es_a",
                    "placeholder": {"type": "plain_text", "text": "Select an item"},
                },
            },
            {
                "type": "input",
                "block_id": "mes_b",
                "label": {"type": "plain_text", "text": "Search (multi)"},
                "optional": False,
                "element": {
                    "type": "multi_external_select",
                    "action_id": "mes_a",
                    "placeholder": {"type": "plain_text", "text": "Select an item"},
                },
            },
        ],
        "private_metadata": "",
        "callback_id": "view-id",
        "state": {"values": {}},
        "hash": "111.xxx",
        "title": {"type": "plain_text", "text": "My App"},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": {"type": "plain_text", "text": "Cancel"},
        "submit": {"type": "plain_text", "text": "Submit"},
        "previous_view_id": None,
        "root_view_id": "V111",
        "app_id": "A111",
        "external_id": "",
        "app_installed_team_id": "T111",
        "bot_id": "B111",
    },
}
add(BOLT_PY + "test_block_suggestion.py body", "block_suggestion", _SUGGESTION, "payload")
add(
    BOLT_PY + "test_block_suggestion.py multi_body",
    "block_suggestion",
    {**_SUGGESTION, "block_id": "mes_b", "action_id": "mes_a"},
    "payload",
)
add(
    BOLT_PY + "test_attachment_actions.py body",
    "interactive_message",
    {
        "type": "interactive_message",
        "actions": [
            {"name": "channel_list", "type": "select", "selected_options": [{"value": "C111"}]}
        ],
        "callback_id": "pick_channel_for_fun",
        "team": {"id": "T111", "domain": "hooli-hq"},
        "channel": {"id": "C222", "name": "triage-random"},
        "user": {"id": "U111", "name": "gbelson"},
        "action_ts": "1520966872.245369",
        "message_ts": "1520965348.000538",
        "attachment_id": "1",
        "token": "verification_token",
        "is_app_unfurl": True,
        "original_message": {
            "text": "",
            "username": "Belson Bot",
            "bot_id": "B111",
            "attachments": [
                {
                    "callback_id": "pick_channel_for_fun",
                    "text": "Choose a channel",
                    "id": 1,
                    "color": "2b72cb",
                    "actions": [
                        {
                            "id": "1",
                            "name": "channel_list",
                            "text": "Public channels",
                            "type": "select",
                            "data_source": "channels",
                        }
                    ],
                    "fallback": "Choose a channel",
                }
            ],
            "type": "message",
            "subtype": "bot_message",
            "ts": "1520965348.000538",
        },
        "response_url": "https://hooks.slack.com/actions/T111/111/xxxx",
        "trigger_id": "111.222.valid",
    },
    "payload",
)
add(
    BOLT_PY + "test_view_closed.py body",
    "view_closed",
    {
        "type": "view_closed",
        "team": {
            "id": "T111",
            "domain": "workspace-domain",
            "enterprise_id": "E111",
            "enterprise_name": "Sandbox Org",
        },
        "user": {
            "id": "W111",
            "username": "primary-owner",
            "name": "primary-owner",
            "team_id": "T111",
        },
        "api_app_id": "A111",
        "token": "verification_token",
        "view": {
            "id": "V111",
            "team_id": "T111",
            "type": "modal",
            "blocks": [
                {
                    "type": "input",
                    "block_id": "hspI",
                    "label": {"type": "plain_text", "text": "Label"},
                    "optional": False,
                    "element": {"type": "plain_text_input", "action_id": "maBWU"},
                }
            ],
            "private_metadata": "This is for you!",
            "callback_id": "view-id",
            "state": {"values": {}},
            "hash": "1596530361.3wRYuk3R",
            "title": {"type": "plain_text", "text": "My App"},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": {"type": "plain_text", "text": "Cancel"},
            "submit": {"type": "plain_text", "text": "Submit"},
            "previous_view_id": None,
            "root_view_id": "V111",
            "app_id": "A111",
            "external_id": "",
            "app_installed_team_id": "T111",
            "bot_id": "B111",
        },
        "response_urls": [],
    },
    "payload",
)
add(
    BOLT_PY + "test_function_block_action.py function_action_body",
    "block_actions",
    {
        "type": "block_actions",
        "user": {
            "id": "U111",
            "username": "primary-owner",
            "name": "primary-owner",
            "team_id": "T111",
        },
        "api_app_id": "A111",
        "token": "verification_token",
        "container": {
            "type": "message",
            "message_ts": "111.222",
            "channel_id": "C111",
            "is_ephemeral": False,
        },
        "trigger_id": "111.222.valid",
        "team": {"id": "T111", "domain": "bill-at-tools"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": "C111", "name": "directmessage"},
        "state": {"values": {}},
        "response_url": "https://hooks.slack.com/actions/T111/111/random-value",
        "actions": [
            {
                "action_id": "a",
                "block_id": "b",
                "text": {"type": "plain_text", "text": "Button", "emoji": True},
                "value": "click_me_123",
                "type": "button",
                "style": "primary",
                "action_ts": "111.222.3",
            }
        ],
        "function_data": {
            "execution_id": "Fx111",
            "inputs": {},
            "function": {
                "id": "Fn111",
                "callback_id": "c",
                "title": "A Title",
                "description": "do the thing",
                "type": "app",
                "input_parameters": [],
                "output_parameters": [],
                "app_id": "A111",
                "date_created": 1661459156,
                "date_updated": 1661530445,
                "date_deleted": 0,
            },
        },
        "interactivity": {
            "interactor": {"secret": "S111", "id": "U111"},
            "interactivity_pointer": "111.222.valid",
        },
        "bot_access_token": "xwfp-valid",
    },
    "payload",
)
add(
    BOLT_PY + "test_message_changed.py event_payload",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "message",
            "subtype": "message_changed",
            "message": {
                "type": "message",
                "text": "updated message",
                "user": "U111",
                "team": "T111",
                "edited": {"user": "U111", "ts": "1665102362.000000"},
                "blocks": [
                    {
                        "type": "rich_text",
                        "block_id": "xwvU3",
                        "elements": [
                            {
                                "type": "rich_text_section",
                                "elements": [{"type": "text", "text": "updated message"}],
                            }
                        ],
                    }
                ],
            },
            "previous_message": {
                "type": "message",
                "text": "original message",
                "user": "U222",
                "team": "T111",
                "ts": "1665102338.901939",
                "blocks": [
                    {
                        "type": "rich_text",
                        "block_id": "URf",
                        "elements": [
                            {
                                "type": "rich_text_section",
                                "elements": [{"type": "text", "text": "original message"}],
                            }
                        ],
                    }
                ],
            },
            "channel": "C111",
            "hidden": True,
            "ts": "1665102362.013600",
            "event_ts": "1665102362.013600",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1665102362,
        "authorizations": [
            {
                "enterprise_id": "E111",
                "team_id": "T111",
                "user_id": "U111",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)

# slackapi/bolt-python tests/scenario_tests/test_events_shared_channels.py (Slack Connect)
_SHARED_AUTH = [
    {
        "enterprise_id": "E_INSTALLED",
        "team_id": "T_INSTALLED",
        "user_id": "W111",
        "is_bot": True,
        "is_enterprise_install": False,
    }
]
add(
    BOLT_PY + "test_events_shared_channels.py valid_event_body",
    "app_mention",
    {
        "token": "verification_token",
        "team_id": "T_INSTALLED",
        "enterprise_id": "E_INSTALLED",
        "api_app_id": "A111",
        "event": {
            "client_msg_id": "9cbd4c5b-7ddf-4ede-b479-ad21fca66d63",
            "type": "app_mention",
            "text": "<@W111> Hi there!",
            "user": "W222",
            "ts": "1595926230.009600",
            "team": "T_INSTALLED",
            "channel": "C111",
            "event_ts": "1595926230.009600",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1595926230,
        "authorizations": _SHARED_AUTH,
    },
)
add(
    BOLT_PY + "test_events_shared_channels.py valid_reaction_added_body",
    "reaction_added",
    {
        "token": "verification_token",
        "team_id": "T_SOURCE",
        "enterprise_id": "E_SOURCE",
        "api_app_id": "A111",
        "event": {
            "type": "reaction_added",
            "user": "W111",
            "item": {"type": "message", "channel": "C111", "ts": "1599529504.000400"},
            "reaction": "heart_eyes",
            "item_user": "W111",
            "event_ts": "1599616881.000800",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authorizations": _SHARED_AUTH,
    },
)
add(
    BOLT_PY + "test_events_shared_channels.py join_event_body",
    "member_joined_channel",
    {
        "token": "verification_token",
        "team_id": "T_SOURCE",
        "enterprise_id": "E_SOURCE",
        "api_app_id": "A111",
        "event": {
            "type": "member_joined_channel",
            "user": "U999",
            "channel": "C111",
            "channel_type": "C",
            "team": "T_INSTALLED",
            "inviter": "U222",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authorizations": _SHARED_AUTH,
    },
)
add(
    BOLT_PY + "test_events_shared_channels.py app_uninstalled_body",
    "app_uninstalled",
    {
        "token": "verification_token",
        "team_id": "T_INSTALLED",
        "enterprise_id": "E_INSTALLED",
        "api_app_id": "A111",
        "event": {"type": "app_uninstalled"},
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authorizations": _SHARED_AUTH,
    },
)

# slackapi/bolt-python tests/scenario_tests/test_events_token_revocations.py (org-wide installs)
add(
    BOLT_PY + "test_events_token_revocations.py test_tokens_revoked",
    "tokens_revoked",
    {
        "token": "verification-token",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {"type": "tokens_revoked", "tokens": {"oauth": ["W111"], "bot": ["W222"]}},
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1606805974,
    },
)
add(
    BOLT_PY + "test_events_token_revocations.py test_app_uninstalled",
    "app_uninstalled",
    {
        "token": "verification-token",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {"type": "app_uninstalled"},
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1606805974,
    },
)

# slackapi/bolt-python tests/scenario_tests/test_message_bot.py
_BOT_AUTH = {
    "enterprise_id": "E111",
    "team_id": "T111",
    "is_bot": True,
    "is_enterprise_install": False,
}
add(
    BOLT_PY + "test_message_bot.py user_message_event_payload",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "client_msg_id": "968c94da-c271-4f2a-8ec9-12a9985e5df4",
            "type": "message",
            "text": "Hi there! Thanks for sharing the info!",
            "user": "W111",
            "ts": "1610261659.001400",
            "team": "T111",
            "blocks": [
                {
                    "type": "rich_text",
                    "block_id": "bN8",
                    "elements": [
                        {
                            "type": "rich_text_section",
                            "elements": [
                                {"type": "text", "text": "Hi there! Thanks for sharing the info!"}
                            ],
                        }
                    ],
                }
            ],
            "channel": "C111",
            "event_ts": "1610261659.001400",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1610261659,
        "authorizations": [{**_BOT_AUTH, "user_id": "W111"}],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)
add(
    BOLT_PY + "test_message_bot.py bot_message_event_payload",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "bot_id": "B999",
            "type": "message",
            "text": "Hi there! Thanks for sharing the info!",
            "user": "UB111",
            "ts": "1610261539.000900",
            "team": "T111",
            "bot_profile": {
                "id": "B999",
                "deleted": False,
                "name": "other-app",
                "updated": 1607307935,
                "app_id": "A222",
                "icons": {
                    "image_36": "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png",
                    "image_48": "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png",
                    "image_72": "https://a.slack-edge.com/80588/img/plugins/app/service_72.png",
                },
                "team_id": "T111",
            },
            "channel": "C111",
            "event_ts": "1610261539.000900",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev222",
        "event_time": 1610261539,
        "authorizations": [{**_BOT_AUTH, "user_id": "UB111"}],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)
add(
    BOLT_PY + "test_message_bot.py classic_bot_message_event_payload",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "message",
            "subtype": "bot_message",
            "text": "Hi there! Thanks for sharing the info!",
            "ts": "1610262363.001600",
            "username": "classic-bot",
            "bot_id": "B888",
            "channel": "C111",
            "event_ts": "1610262363.001600",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev333",
        "event_time": 1610262363,
        "authorizations": [{**_BOT_AUTH, "user_id": "UB222"}],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)

# Slash commands (form fields)
add(
    BOLT_PY + "test_slash_command.py slash_command_body",
    "slash_command",
    {
        "token": "verification_token",
        "team_id": "T111",
        "team_domain": "test-domain",
        "channel_id": "C111",
        "channel_name": "random",
        "user_id": "W111",
        "user_name": "primary-owner",
        "command": "/hello-world",
        "text": "Hi",
        "enterprise_id": "E111",
        "enterprise_name": "Org Name",
        "response_url": "https://hooks.slack.com/commands/T111/111/xxxxx",
        "trigger_id": "111.111.xxx",
    },
    "fields",
)
add(
    "api.slack.com/authentication/verifying-requests-from-slack (the signing example, also in "
    "slackapi/python-slack-sdk tests/slack_sdk/signature/test_signature_verifier.py)",
    "slash_command",
    {
        "token": "xyzz0WbapA4vBCDEFasx0q6G",
        "team_id": "T1DC2JH3J",
        "team_domain": "testteamnow",
        "channel_id": "G8PSS9T3V",
        "channel_name": "foobar",
        "user_id": "U2CERLKJA",
        "user_name": "roadrunner",
        "command": "/webhook-collect",
        "text": "",
        "response_url": "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/"
        "96rGlfmibIGlgcZRskXaIFfN",
        "trigger_id": "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
    },
    "fields",
)
add(
    "api.slack.com/interactivity/slash-commands (the example of what Slack sends)",
    "slash_command",
    {
        "token": "gIkuvaNzQIHg97ATvDxqgjtO",
        "team_id": "T0001",
        "team_domain": "example",
        "enterprise_id": "E0001",
        "enterprise_name": "Globular%20Construct%20Inc",
        "channel_id": "C2147483705",
        "channel_name": "test",
        "user_id": "U2147483697",
        "user_name": "Steve",
        "command": "/weather",
        "text": "94070",
        "response_url": "https://hooks.slack.com/commands/1234/5678",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "api_app_id": "A123456",
    },
    "fields",
)

# Slack's Events API reference (docs.slack.dev/reference/events/<type>): the examples with
# their event wrapper, as published.
DOCS = "docs.slack.dev/reference/events/"
_DOCS_AUTH = [
    {
        "team_id": "T123ABC456",
        "user_id": "U123ABC456",
        "is_bot": False,
        "is_enterprise_install": False,
    }
]


def docs_event(event: dict, **envelope: object) -> dict:
    return {
        "token": "XXYYZZ",
        "team_id": "T123ABC456",
        "api_app_id": "A123ABC456",
        "event": event,
        "type": "event_callback",
        "authorizations": _DOCS_AUTH,
        "event_id": "Ev123ABC456",
        "event_time": 123456789,
        **envelope,
    }


add(
    DOCS + "channel_rename",
    "channel_rename",
    docs_event(
        {
            "type": "channel_rename",
            "channel": {"id": "C02ELGNBH", "name": "new_name", "created": 1360782804},
        }
    ),
)
add(
    DOCS + "channel_created",
    "channel_created",
    docs_event(
        {
            "type": "channel_created",
            "channel": {
                "id": "C024BE91L",
                "name": "fun",
                "created": 1360782804,
                "creator": "U024BE7LH",
            },
        }
    ),
)
add(
    DOCS + "message/channel_name",
    "message",
    docs_event(
        {
            "type": "message",
            "subtype": "channel_name",
            "ts": "1358877455.000010",
            "user": "U2147483828",
            "old_name": "random",
            "name": "watercooler",
            "text": '<@U2147483828|cal> has renamed the channek from "random" to "watercooler"',
        },
        authorizations=[{**_DOCS_AUTH[0], "user_id": "U2147483828"}],
    ),
)
add(
    DOCS + "reaction_added",
    "reaction_added",
    docs_event(
        {
            "type": "reaction_added",
            "user": "U123ABC456",
            "reaction": "thumbsup",
            "item_user": "U222222222",
            "item": {
                "type": "message",
                "channel": "C123ABC456",
                "ts": "1360782400.498405",
                "channel_type": "channel",
            },
            "event_ts": "1360782804.083113",
        }
    ),
)
add(
    DOCS + "reaction_removed",
    "reaction_removed",
    docs_event(
        {
            "type": "reaction_removed",
            "user": "U123ABC456",
            "reaction": "thumbsup",
            "item_user": "U222222222",
            "item": {
                "type": "message",
                "channel": "C123ABC456",
                "ts": "1360782400.498405",
                "channel_type": "channel",
            },
            "event_ts": "1360782804.083113",
        }
    ),
)
add(
    DOCS + "reaction_added (an item of type file)",
    "reaction_added",
    docs_event(
        {
            "type": "reaction_added",
            "user": "U123ABC456",
            "reaction": "thumbsup",
            "item_user": "U222222222",
            "item": {"type": "file", "file": "F123ABC456"},
            "event_ts": "1360782804.083113",
        }
    ),
)
add(
    DOCS + "reaction_removed (an item of type file_comment)",
    "reaction_removed",
    docs_event(
        {
            "type": "reaction_removed",
            "user": "U123ABC456",
            "reaction": "thumbsup",
            "item_user": "U222222222",
            "item": {"type": "file_comment", "file_comment": "Fc123ABC456", "file": "F123ABC456"},
            "event_ts": "1360782804.083113",
        }
    ),
)
add(
    DOCS + "user_profile_changed",
    "user_profile_changed",
    {
        "token": "XXYYZZ",
        "team_id": "T123ABC456",
        "api_app_id": "A123ABC456",
        "event": {
            "type": "user_profile_changed",
            "user": {
                "id": "U123ABC456",
                "team_id": "T123ABC456",
                "name": "sandraslacksalot",
                "profile": {
                    "avatar_hash": "gexxxyyyzzz",
                    "first_name": "Sandra",
                    "last_name": "Slacksalot",
                    "real_name": "Sandra Slacksalot",
                    "display_name": "sandraslacksalot",
                    "real_name_normalized": "Sandra Slacksalot",
                    "display_name_normalized": "sandraslacksalot",
                    "image_72": "https://example.com/img/72.png",
                },
                "updated": 1734567890,
            },
            "cache_ts": 1734567890,
            "event_ts": "1734567890.000001",
        },
        "type": "event_callback",
        "event_id": "Ev0123ABC456",
        "event_time": 1734567890,
    },
)
_SOME_USER = {  # api.slack.com/events/user_change's user (its image_* fields left out)
    "id": "U1234567",
    "team_id": "T1234567",
    "name": "some-user",
    "deleted": False,
    "color": "4bbe2e",
    "real_name": "Some User",
    "tz": "America/Los_Angeles",
    "tz_label": "Pacific Daylight Time",
    "tz_offset": -25200,
    "profile": {
        "title": "",
        "phone": "",
        "skype": "",
        "real_name": "Some User",
        "real_name_normalized": "Some User",
        "display_name": "",
        "display_name_normalized": "",
        "fields": {},
        "status_text": "riding a train",
        "status_emoji": ":mountain_railway:",
        "status_emoji_display_info": [],
        "status_expiration": 0,
        "avatar_hash": "g12345678910",
        "first_name": "Some",
        "last_name": "User",
    },
}
add(
    DOCS + "user_change",
    "user_change",
    {
        "token": "XXYYZZ",
        "team_id": "T123ABC456",
        "api_app_id": "A123ABC456",
        "event": {
            "user": _SOME_USER,
            "cache_ts": 1648596421,
            "event_ts": "1648596712.000001",
            "type": "user_change",
        },
        "type": "event_callback",
        "event_id": "Ev0123ABC456",
        "event_time": 1648596712,
    },
)
add(
    DOCS + "user_status_changed",
    "user_status_changed",
    {
        "token": "XXYYZZ",
        "team_id": "T123ABC456",
        "api_app_id": "A123ABC456",
        "event": {
            "type": "user_status_changed",
            "user": _SOME_USER,
            "cache_ts": 1648596421,
            "event_ts": "1648596712.000001",
        },
        "type": "event_callback",
        "event_id": "Ev0123ABC456",
        "event_time": 1648596712,
    },
)
add(
    DOCS + "user_huddle_changed",
    "user_huddle_changed",
    {
        "token": "XXYYZZ",
        "team_id": "T123ABC456",
        "api_app_id": "A123ABC456",
        "event": {
            "type": "user_huddle_changed",
            "user": {
                **_SOME_USER,
                "profile": {
                    **_SOME_USER["profile"],
                    "huddle_state": "in_a_huddle",
                    "huddle_state_expiration_ts": 1746217265,
                    "huddle_state_call_id": "R017QJ4PEN7",
                },
            },
            "cache_ts": 1746217265,
            "event_ts": "1746217265.000001",
        },
        "type": "event_callback",
        "event_id": "Ev0123ABC456",
        "event_time": 1746217265,
    },
)
add(
    "api.slack.com/events/emoji_changed (subtype add), in its event wrapper",
    "emoji_changed",
    docs_event(
        {
            "type": "emoji_changed",
            "subtype": "add",
            "name": "picard_facepalm",
            "value": "https://my.slack.com/emoji/picard_facepalm/db8e287430eaa459.gif",
            "event_ts": "1361482916.000004",
        }
    ),
)
add(
    "api.slack.com/events/emoji_changed (subtype remove), in its event wrapper",
    "emoji_changed",
    docs_event(
        {
            "type": "emoji_changed",
            "subtype": "remove",
            "names": ["picard_facepalm"],
            "event_ts": "1361482916.000004",
        }
    ),
)
add(
    "docs.slack.dev/reference/events/app_rate_limited (no inner event)",
    "app_rate_limited",
    {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "type": "app_rate_limited",
        "team_id": "T123456",
        "minute_rate_limited": 1518467820,
        "api_app_id": "A123456",
    },
)
add(
    "docs.slack.dev/reference/events/url_verification",
    "url_verification",
    {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        "type": "url_verification",
    },
)
add(
    "api.slack.com/events/app_home_opened (its blocks [...] as an empty list), in its wrapper",
    "app_home_opened",
    docs_event(
        {
            "type": "app_home_opened",
            "user": "U123ABC456",
            "channel": "D123ABC456",
            "event_ts": "1515449522000016",
            "tab": "home",
            "view": {
                "id": "V123ABC456",
                "team_id": "T123ABC456",
                "type": "home",
                "blocks": [],
                "private_metadata": "",
                "callback_id": "",
                "hash": "1231232323.12321312",
                "clear_on_close": False,
                "notify_on_close": False,
                "root_view_id": "V123ABC456",
                "app_id": "A123ABC456",
                "external_id": "",
                "app_installed_team_id": "T123ABC456",
                "bot_id": "B123ABC456",
            },
        }
    ),
)
add(
    "api.slack.com/events/message.im (as quoted in uhavin/slackers issue 10)",
    "message",
    {
        "token": "one-long-verification-token",
        "team_id": "T061EG9R6",
        "api_app_id": "A0PNCHHK2",
        "event": {
            "type": "message",
            "channel": "D024BE91L",
            "user": "U2147483697",
            "text": "Hello hello can you hear me?",
            "ts": "1355517523.000005",
            "event_ts": "1355517523.000005",
            "channel_type": "im",
        },
        "type": "event_callback",
        "authed_teams": ["T061EG9R6"],
        "event_id": "Ev0PV52K21",
        "event_time": 1355517523,
    },
)
add(
    "api.slack.com/events/app_home_opened, older example (as quoted in uhavin/slackers issue "
    "10; blocks and state as empty), in its wrapper",
    "app_home_opened",
    docs_event(
        {
            "type": "app_home_opened",
            "user": "U061F7AUR",
            "channel": "D0LAN2Q65",
            "event_ts": "1515449522000016",
            "tab": "home",
            "view": {
                "id": "VPASKP233",
                "team_id": "T21312902",
                "type": "home",
                "blocks": [],
                "private_metadata": "",
                "callback_id": "",
                "state": {},
                "hash": "1231232323.12321312",
                "clear_on_close": False,
                "notify_on_close": False,
                "root_view_id": "VPASKP233",
                "app_id": "A21SDS90",
                "external_id": "",
                "app_installed_team_id": "T21312902",
                "bot_id": "BSDKSAO2",
            },
        }
    ),
)
add(
    "api.slack.com/events/app_mention",
    "app_mention",
    {
        "token": "ZZZZZZWSxiZZZ2yIvs3peJ",
        "team_id": "T061EG9R6",
        "api_app_id": "A0MDYCDME",
        "event": {
            "type": "app_mention",
            "user": "U061F7AUR",
            "text": "What is the hour of the pearl, <@U0LAN0Z89>?",
            "ts": "1515449522.000016",
            "channel": "C0LAN2Q65",
            "event_ts": "1515449522000016",
        },
        "type": "event_callback",
        "event_id": "Ev0LAN670R",
        "event_time": 1515449522000016,
        "authed_users": ["U0LAN0Z89"],
    },
)
add(
    "api.slack.com/interactivity/slash-commands#ssl_check (Slack checking the certificate)",
    "ssl_check",
    {"ssl_check": "1", "token": "gIkuvaNzQIHg97ATvDxqgjtO"},
    "fields",
)
add(
    BOLT_PY + "test_message_deleted.py event_payload",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "message",
            "subtype": "message_deleted",
            "previous_message": {
                "type": "message",
                "text": "Delete this message",
                "user": "U111",
                "team": "T111",
                "ts": "1665368619.804829",
            },
            "channel": "C111",
            "hidden": True,
            "deleted_ts": "1665368619.804829",
            "event_ts": "1665368629.007100",
            "ts": "1665368629.007100",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1665368629,
        "authorizations": [{**_BOT_AUTH, "user_id": "U111"}],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)


# slackapi/bolt-python tests/scenario_tests/test_events_assistant.py (build_payload)
def assistant_event(event: dict) -> dict:
    return {
        "token": "verification_token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": event,
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authorizations": [{**_BOT_AUTH, "user_id": "W111"}],
    }


ASSISTANT = BOLT_PY + "test_events_assistant.py "
_THREAD = {
    "user_id": "W222",
    "context": {"channel_id": "C222", "team_id": "T111", "enterprise_id": "E111"},
    "channel_id": "D111",
    "thread_ts": "1726133698.626339",
}
add(
    ASSISTANT + "thread_started_event_body",
    "assistant_thread_started",
    assistant_event(
        {
            "type": "assistant_thread_started",
            "assistant_thread": _THREAD,
            "event_ts": "1726133698.665188",
        }
    ),
)
add(
    ASSISTANT + "thread_context_changed_event_body",
    "assistant_thread_context_changed",
    assistant_event(
        {
            "type": "assistant_thread_context_changed",
            "assistant_thread": {
                **_THREAD,
                "context": {**_THREAD["context"], "channel_id": "C333"},
            },
            "event_ts": "1726133698.665188",
        }
    ),
)
_USER_MESSAGE = {
    "user": "W222",
    "type": "message",
    "ts": "1726133700.887259",
    "text": "When Slack was released?",
    "team": "T111",
    "user_team": "T111",
    "source_team": "T222",
    "user_profile": {},
    "thread_ts": "1726133698.626339",
    "parent_user_id": "W222",
    "channel": "D111",
    "event_ts": "1726133700.887259",
    "channel_type": "im",
}
add(ASSISTANT + "user_message_event_body", "message", assistant_event(_USER_MESSAGE))
add(
    ASSISTANT + "user_message_event_body_with_assistant_thread",
    "message",
    assistant_event({**_USER_MESSAGE, "assistant_thread": {"XXX": "YYY"}}),
)
add(
    ASSISTANT + "channel_user_message_event_body",
    "message",
    assistant_event({**_USER_MESSAGE, "channel_type": "channel"}),
)
_CHAT = {
    "text": "New chat",
    "user": "U222",
    "type": "message",
    "edited": {},
    "thread_ts": "1726133698.626339",
    "reply_count": 2,
    "reply_users_count": 2,
    "latest_reply": "1726133700.887259",
    "reply_users": ["U222", "W111"],
    "is_locked": False,
}
add(
    ASSISTANT + "message_changed_event_body",
    "message",
    assistant_event(
        {
            "type": "message",
            "subtype": "message_changed",
            "message": {
                **_CHAT,
                "subtype": "assistant_app_thread",
                "assistant_app_thread": {
                    "title": "When Slack was released?",
                    "title_blocks": [],
                    "artifacts": [],
                },
                "ts": "1726133698.626339",
            },
            "previous_message": {**_CHAT, "subtype": "assistant_app_thread"},
            "channel": "D111",
            "hidden": True,
            "ts": "1726133701.028300",
            "event_ts": "1726133701.028300",
            "channel_type": "im",
        }
    ),
)
add(
    ASSISTANT + "channel_message_changed_event_body",
    "message",
    assistant_event(
        {
            "type": "message",
            "subtype": "message_changed",
            "message": {**_CHAT, "ts": "1726133698.626339"},
            "previous_message": _CHAT,
            "channel": "D111",
            "hidden": True,
            "ts": "1726133701.028300",
            "event_ts": "1726133701.028300",
            "channel_type": "channel",
        }
    ),
)
add(
    BOLT_PY + "test_message_thread_broadcast.py event_payload",
    "message",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "message",
            "subtype": "thread_broadcast",
            "text": "Hi there!",
            "user": "U111",
            "ts": "1633670813.007500",
            "thread_ts": "1633663824.000500",
            "root": {
                "client_msg_id": "111-222-333-444-555",
                "type": "message",
                "text": "Write in the thread :bow:",
                "user": "U111",
                "ts": "1633663824.000500",
                "team": "T111",
                "thread_ts": "1633663824.000500",
                "reply_count": 17,
                "reply_users_count": 1,
                "latest_reply": "1633670813.007500",
                "reply_users": ["U111"],
                "is_locked": False,
            },
            "client_msg_id": "111-222-333-444-666",
            "channel": "C111",
            "event_ts": "1633670813.007500",
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1610261659,
        "authorizations": [{**_BOT_AUTH, "user_id": "W111"}],
        "is_ext_shared_channel": False,
        "event_context": "1-message-T111-C111",
    },
)
_SELF = {
    "token": "verification_token",
    "team_id": "T111",
    "enterprise_id": "E111",
    "api_app_id": "A111",
    "type": "event_callback",
    "event_id": "Ev111",
    "event_time": 1599616881,
    "authed_users": ["W111"],
}
add(
    BOLT_PY + "test_events.py test_self_events (the bot's own reaction)",
    "reaction_added",
    {
        **_SELF,
        "event": {
            "type": "reaction_added",
            "user": "W23456789",
            "item": {"type": "message", "channel": "C111", "ts": "1599529504.000400"},
            "reaction": "heart_eyes",
            "item_user": "W111",
            "event_ts": "1599616881.000800",
        },
    },
)
add(
    BOLT_PY + "test_events.py test_self_member_join_left_events",
    "member_joined_channel",
    {
        **_SELF,
        "event": {
            "type": "member_joined_channel",
            "user": "W23456789",
            "channel": "C111",
            "channel_type": "C",
            "team": "T111",
            "inviter": "U222",
        },
    },
)
add(
    BOLT_PY + "test_events.py test_self_member_join_left_events",
    "member_left_channel",
    {
        **_SELF,
        "event": {
            "type": "member_left_channel",
            "user": "W23456789",
            "channel": "C111",
            "channel_type": "C",
            "team": "T111",
        },
    },
)
add(
    BOLT_PY + "test_events_shared_channels.py test_self_events",
    "reaction_added",
    {
        "token": "verification_token",
        "team_id": "T_SOURCE",
        "enterprise_id": "E_SOURCE",
        "api_app_id": "A111",
        "event": {
            "type": "reaction_added",
            "user": "W23456789",
            "item": {"type": "message", "channel": "C111", "ts": "1599529504.000400"},
            "reaction": "heart_eyes",
            "item_user": "W111",
            "event_ts": "1599616881.000800",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authorizations": _SHARED_AUTH,
    },
)
add(
    BOLT_PY + "test_events_shared_channels.py left_event_body",
    "member_left_channel",
    {
        "token": "verification_token",
        "team_id": "T_SOURCE",
        "enterprise_id": "E_SOURCE",
        "api_app_id": "A111",
        "event": {
            "type": "member_left_channel",
            "user": "U999",
            "channel": "C111",
            "channel_type": "C",
            "team": "T_INSTALLED",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1599616881,
        "authorizations": _SHARED_AUTH,
    },
)

# slackapi/bolt-js test/fixtures/messages/*.json (from its slapp days: the "body" of each)
FIXTURES = BOLT_JS + "test/fixtures/messages/"
add(
    FIXTURES + "action.json (a legacy attachment button: no type field)",
    "interactive_message",
    {
        "actions": [{"name": "answer", "value": "in"}],
        "callback_id": "in_or_out_callback",
        "team": {"id": "TXXXXXXXX", "domain": "norrischuck"},
        "channel": {"id": "DXXXXXXXX", "name": "directmessage"},
        "user": {"id": "UXXXXXXXX", "name": "brad"},
        "action_ts": "1470062914.569030",
        "message_ts": "1470062905.000002",
        "attachment_id": "1",
        "token": "XXXXXXXXXXXXXXX",
        "original_message": {
            "text": "",
            "username": "In or Out",
            "bot_id": "B1VL5FJKD",
            "attachments": [
                {
                    "callback_id": "in_or_out_callback",
                    "text": "In or Out?",
                    "id": 1,
                    "color": "47EEBC",
                    "actions": [
                        {
                            "id": "1",
                            "name": "answer",
                            "text": "In",
                            "type": "button",
                            "value": "in",
                            "style": "default",
                        },
                        {
                            "id": "2",
                            "name": "answer",
                            "text": "Out",
                            "type": "button",
                            "value": "out",
                            "style": "default",
                        },
                    ],
                    "fallback": "NO FALLBACK DEFINED",
                },
                {
                    "callback_id": "in_or_out_callback",
                    "id": 2,
                    "actions": [
                        {
                            "id": "3",
                            "name": "recycle",
                            "text": ":recycle:",
                            "type": "button",
                            "value": "",
                            "style": "primary",
                        }
                    ],
                    "fallback": "NO FALLBACK DEFINED",
                },
            ],
            "type": "message",
            "subtype": "bot_message",
            "ts": "1470062905.000002",
        },
        "response_url": "https://hooks.slack.com/actions/TXXXXXXXX/65070116791/jenjzX5R5MpDHXrCPPZIKulu",
    },
    "payload",
)
add(
    FIXTURES + "command.json (no trigger_id: commands of 2016)",
    "slash_command",
    {
        "token": "UXXXXXXXXXXXXXXX",
        "team_id": "TXXXXXXXX",
        "team_domain": "teamdomain",
        "channel_id": "DXXXXXXXX",
        "channel_name": "directmessage",
        "user_id": "UXXXXXXXX",
        "user_name": "brad",
        "command": "/joke",
        "text": "",
        "response_url": "https://hooks.slack.com/commands/TXXXXXXXX/XXXXXXXXXXX/"
        "xxxxxxxxxxxxxxxxxxxxxxxx",
    },
    "fields",
)
add(
    FIXTURES + "event.message.json (no event_id: events of 2016)",
    "message",
    {
        "token": "UXXXXXXXXXXXXXXX",
        "team_id": "TXXXXXXXX",
        "api_app_id": "AXXXXXXXX",
        "event": {
            "type": "message",
            "user": "UXXXXXXXX",
            "text": "help",
            "ts": "1469983827.000002",
            "channel": "DXXXXXXXX",
            "attachments": [
                {
                    "callback_id": "in_or_out_callback",
                    "text": "In or Out?",
                    "id": 1,
                    "color": "47EEBC",
                    "actions": [
                        {
                            "id": "1",
                            "name": "answer",
                            "text": "In",
                            "type": "button",
                            "value": "in",
                            "style": "default",
                        },
                        {
                            "id": "2",
                            "name": "answer",
                            "text": "Out",
                            "type": "button",
                            "value": "out",
                            "style": "default",
                        },
                    ],
                    "fallback": "NO FALLBACK DEFINED",
                }
            ],
            "event_ts": "1469983827.000002",
        },
        "type": "event_callback",
        "authed_users": ["UXXXXXXXX"],
    },
)
add(
    FIXTURES + "event.reaction_added.json",
    "reaction_added",
    {
        "token": "UXXXXXXXXXXXXXXX",
        "team_id": "TXXXXXXXX",
        "api_app_id": "AXXXXXXXX",
        "event": {
            "type": "reaction_added",
            "user": "UXXXXXXXX",
            "item": {"type": "message", "channel": "DXXXXXXXX", "ts": "1469983855.000006"},
            "reaction": "+1",
            "event_ts": "1469983859.686541",
        },
        "type": "event_callback",
        "authed_users": ["UXXXXXXXX"],
    },
)
add(
    FIXTURES + "event.message.bot_message.json",
    "message",
    {
        "token": "UXXXXXXXXXXXXXXX",
        "team_id": "TXXXXXXXX",
        "api_app_id": "AXXXXXXXX",
        "event": {
            "text": "Q: Why did the tomato turn red?\nA: Because it saw the salad dressing!",
            "bot_id": "BXXXXXXXX",
            "type": "message",
            "subtype": "bot_message",
            "ts": "1469983849.000004",
            "channel": "DXXXXXXXX",
            "event_ts": "1469983849.000004",
        },
        "type": "event_callback",
        "authed_users": ["UXXXXXXXX"],
    },
)
add(
    "slackapi/python-slack-events-api tests/data/reaction_added.json",
    "reaction_added",
    {
        "token": "vFO9LARnLI7GflLR8tGqHgdy",
        "team_id": "T0JFD6M53",
        "api_app_id": "A28SCUES3",
        "event": {
            "type": "reaction_added",
            "user": "U27FFLNF4",
            "item": {"type": "message", "channel": "D2AQCJCQ2", "ts": "1477958101.000004"},
            "reaction": "grinning",
            "item_user": "U299ATJ2X",
            "event_ts": "1477958240.864741",
        },
        "type": "event_callback",
        "authed_users": ["U299ATJ2X"],
    },
)

# slackapi/bolt-python tests/scenario_tests/test_workflow_steps.py (legacy workflow steps)
STEPS = BOLT_PY + "test_workflow_steps.py "
_STEP_TEAM = {
    "id": "T111",
    "domain": "subdomain",
    "enterprise_id": "E111",
    "enterprise_name": "Org Name",
}
_STEP_OUTPUTS = [
    {"name": "taskName", "type": "text", "label": "Task Name"},
    {"name": "taskDescription", "type": "text", "label": "Task Description"},
    {"name": "taskAuthorEmail", "type": "text", "label": "Task Author Email"},
]
add(
    STEPS + "edit_payload",
    "workflow_step_edit",
    {
        "type": "workflow_step_edit",
        "token": "verification-token",
        "action_ts": "1601541356.268786",
        "team": _STEP_TEAM,
        "user": {"id": "W111", "username": "primary-owner", "team_id": "T111"},
        "callback_id": "copy_review",
        "trigger_id": "111.222.xxx",
        "workflow_step": {
            "workflow_id": "12345",
            "step_id": "111-222-333-444-555",
            "inputs": {
                "taskAuthorEmail": {"value": "seratch@example.com"},
                "taskDescription": {"value": "This is the task for you!"},
                "taskName": {"value": "The important task"},
            },
            "outputs": _STEP_OUTPUTS,
        },
    },
    "payload",
)


def _task_input(block_id: str, action_id: str, label: str, placeholder: str) -> dict:
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "optional": False,
        "element": {
            "type": "plain_text_input",
            "action_id": action_id,
            "placeholder": {"type": "plain_text", "text": placeholder},
        },
    }


add(
    STEPS + "save_payload",
    "view_submission",
    {
        "type": "view_submission",
        "team": _STEP_TEAM,
        "user": {
            "id": "W111",
            "username": "primary-owner",
            "name": "primary-owner",
            "team_id": "T111",
        },
        "api_app_id": "A111",
        "token": "verification-token",
        "trigger_id": "111.222.xxx",
        "view": {
            "id": "V111",
            "team_id": "T111",
            "type": "workflow_step",
            "blocks": [
                {
                    "type": "section",
                    "block_id": "intro-section",
                    "text": {
                        "type": "plain_text",
                        "text": "Create a task in one of the listed projects. The link to the "
                        "task and other details will be available as variable data in later steps.",
                    },
                },
                _task_input("task_name_input", "task_name", "Task name", "Write a task name"),
                _task_input(
                    "task_description_input",
                    "task_description",
                    "Task description",
                    "Write a description for your task",
                ),
                _task_input("task_author_input", "task_author", "Task author", "Write a task name"),
            ],
            "private_metadata": "",
            "callback_id": "copy_review",
            "state": {
                "values": {
                    "task_name_input": {
                        "task_name": {"type": "plain_text_input", "value": "The important task"},
                    },
                    "task_description_input": {
                        "task_description": {
                            "type": "plain_text_input",
                            "value": "This is the task for you!",
                        },
                    },
                    "task_author_input": {
                        "task_author": {"type": "plain_text_input", "value": "seratch@example.com"},
                    },
                }
            },
            "hash": "111.zzz",
            "submit_disabled": False,
            "app_id": "A111",
            "external_id": "",
            "app_installed_team_id": "T111",
            "bot_id": "B111",
        },
        "response_urls": [],
        "workflow_step": {
            "workflow_step_edit_id": "111.222.zzz",
            "workflow_id": "12345",
            "step_id": "111-222-333-444-555",
        },
    },
    "payload",
)
add(
    STEPS + "execute_payload",
    "workflow_step_execute",
    {
        "token": "verification-token",
        "team_id": "T111",
        "enterprise_id": "E111",
        "api_app_id": "A111",
        "event": {
            "type": "workflow_step_execute",
            "callback_id": "copy_review",
            "workflow_step": {
                "workflow_step_execute_id": "zzz-execution",
                "workflow_id": "12345",
                "workflow_instance_id": "11111",
                "step_id": "111-222-333-444-555",
                "inputs": {
                    "taskAuthorEmail": {"value": "ksera@slack-corp.com"},
                    "taskDescription": {"value": "sdfsdf"},
                    "taskName": {"value": "a"},
                },
                "outputs": _STEP_OUTPUTS,
            },
            "event_ts": "1601541373.225894",
        },
        "type": "event_callback",
        "event_id": "Ev111",
        "event_time": 1601541373,
    },
)
add(
    "api.slack.com/events/message (the basic example), in its event wrapper",
    "message",
    docs_event(
        {
            "type": "message",
            "channel": "C123ABC456",
            "user": "U123ABC456",
            "text": "Hello world",
            "ts": "1355517523.000005",
        }
    ),
)
add(
    "api.slack.com/events/member_joined_channel, in its event wrapper",
    "member_joined_channel",
    docs_event(
        {
            "type": "member_joined_channel",
            "user": "W06GH7XHN",
            "channel": "C0698JE0H",
            "channel_type": "C",
            "team": "T024BE7LD",
            "inviter": "U123456789",
        }
    ),
)
