"""What Slack's bodies always carry, field by field: a shape is a dict of field -> type,
nested shape or [item shape]; a field whose name ends in "?" may be missing, one ending in "*"
missing or null (as Slack sends `team` and `enterprise` for org-wide installs)."""

import re
from typing import Any

ID = re.compile(r"[A-Za-z0-9._-]{1,32}")  # team, user, channel and view ids
LONG_ID = re.compile(r"[A-Za-z0-9._-]{1,100}")  # trigger and event ids
URL = re.compile(r"https?://\S{1,2000}")


class Pattern:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def fits(self, value: object) -> bool:
        return isinstance(value, str) and self.pattern.fullmatch(value) is not None


SLACK_ID, LONG_SLACK_ID, HTTP_URL = Pattern(ID), Pattern(LONG_ID), Pattern(URL)
TEAM = {"id": SLACK_ID}
ANY_DICT: dict[str, Any] = {}

COMMAND = {
    "command": str,
    "team_id": SLACK_ID,
    "user_id": SLACK_ID,
    "channel_id": SLACK_ID,
    "trigger_id": LONG_SLACK_ID,
    "response_url": HTTP_URL,
    "text?": str,
    "user_name?": str,
}
VIEW = {"app_installed_team_id?": SLACK_ID, "team_id?": SLACK_ID}
PAYLOAD = {
    "type": str,
    "user": {"id": SLACK_ID, "team_id?": SLACK_ID},
    "team*": TEAM,
    "trigger_id?": LONG_SLACK_ID,
    "enterprise*": ANY_DICT,
    "is_enterprise_install?": bool,
    "channel?": {"id": SLACK_ID},
    "view?": VIEW,
    "message?": ANY_DICT,
    "container?": ANY_DICT,
}
BLOCK_ACTIONS = {
    **PAYLOAD,
    "trigger_id": LONG_SLACK_ID,
    "actions": [{"action_id": str, "value?": str}],
    "response_url?": HTTP_URL,
    "container?": {"type?": str},
    "view?": {**VIEW, "id": SLACK_ID, "private_metadata?": str},
}
VIEW_SUBMISSION = {
    **PAYLOAD,
    "view": {**VIEW, "id": SLACK_ID, "callback_id": str, "state": {"values": ANY_DICT}},
}
PAYLOADS = {"block_actions": BLOCK_ACTIONS, "view_submission": VIEW_SUBMISSION}
EVENT = {
    "type": str,
    "user?": SLACK_ID,
    "channel?": SLACK_ID,
    "channel_type?": str,
    "text?": str,
    "ts?": str,
    "thread_ts?": str,
    "bot_id?": str,
    "subtype?": str,
}
EVENTS_API = {  # what Bolt reads of any JSON body
    "type": str,
    "team_id?": SLACK_ID,
    "event?": EVENT,
    "authorizations?": [{"team_id*": SLACK_ID, "user_id?": SLACK_ID, "enterprise_id*": str}],
    "enterprise_id*": str,
    "is_enterprise_install?": bool,
    "is_ext_shared_channel?": bool,
}
URL_VERIFICATION = {**EVENTS_API, "challenge": str}
EVENT_CALLBACK = {**EVENTS_API, "team_id": SLACK_ID, "event_id": LONG_SLACK_ID, "event": EVENT}
