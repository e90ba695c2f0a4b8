"""What Slack's bodies carry, as Slack's Events API, interactivity and slash-command references
publish them: a shape is a dict of field -> type, nested shape, [item shape] or OneOf; a field
whose name ends in "?" may be missing, one ending in "*" missing or null (as Slack sends `team`
and `enterprise` for org-wide installs). Only fields that are read are named: anything else
Slack adds is let through unread."""

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


class OneOf:
    """A field Slack sends in more than one form (a user id, or a user object)."""

    def __init__(self, *shapes: Any) -> None:
        self.shapes = shapes


class NonEmpty:
    """A list with at least one item, each of that shape."""

    def __init__(self, item: Any) -> None:
        self.item = item


SLACK_ID, LONG_SLACK_ID, HTTP_URL = Pattern(ID), Pattern(LONG_ID), Pattern(URL)
ANY_DICT: dict[str, Any] = {}


def _who_and_where(depth: int) -> dict[str, Any]:
    """The fields Bolt reads to learn the team, user, channel and thread of any body (see
    slack_bolt.request.internals.build_context), at the top and inside `event`, `message`,
    `item`, ...: each may be missing or null, and is of these types when it is there."""
    shape: dict[str, Any] = {
        "type*": str,
        "team*": OneOf(str, {"id*": str, "enterprise_id*": str}),
        "team_id*": str,
        "enterprise*": OneOf(str, {"id*": str}),
        "enterprise_id*": str,
        "user*": OneOf(str, {"id*": str, "team_id*": str}),
        "user_id*": str,
        "user_team*": str,
        "channel*": OneOf(str, {"id*": str}),
        "channel_id*": str,
        "view?": {"app_installed_team_id*": str, "team_id*": str},  # Bolt reads it when there
        "authorizations*": [{"team_id*": str, "enterprise_id*": str, "user_id*": str}],
        "response_url*": HTTP_URL,
        "response_urls*": [{"response_url*": HTTP_URL}],
        "thread_ts*": str,
        "is_enterprise_install*": OneOf(bool, str),
        "is_ext_shared_channel*": bool,
        "function_execution_id*": str,
        "function_data*": {"execution_id*": str, "inputs*": ANY_DICT},
    }
    if depth:
        inner = _who_and_where(depth - 1)
        for field in ("event", "message", "previous_message", "item", "assistant_thread"):
            shape[f"{field}*"] = inner
    return shape


READ_BY_BOLT = _who_and_where(2)

COMMAND = {  # a slash command (form fields)
    "command": str,
    "user_id": SLACK_ID,
    "team_id": SLACK_ID,
    "channel_id?": SLACK_ID,
    "trigger_id?": LONG_SLACK_ID,
    "response_url": HTTP_URL,
    "text?": str,
    "user_name?": str,
}
URL_VERIFICATION = {"type": str, "challenge": str}
EVENT_CALLBACK = {"type": str, "event": {"type": str}, "event_id?": LONG_SLACK_ID}
APP_RATE_LIMITED = {"type": str, "minute_rate_limited?": int}
MESSAGE_EVENT = {  # app_mention, message, app_home_opened: what billbot's listeners read
    "type": str,
    "user*": OneOf(SLACK_ID, {"id": SLACK_ID}),
    "channel*": OneOf(SLACK_ID, {"id": SLACK_ID}),
    "channel_type*": str,
    "text*": str,
    "ts*": str,
    "thread_ts*": str,
    "bot_id*": str,
    "subtype*": str,
}
INTERACTIVE = {  # every interactive payload (payload= form field, JSON); legacy ones lack a type
    "type?": str,
    "user*": {"id": SLACK_ID, "team_id*": SLACK_ID},
    "trigger_id?": LONG_SLACK_ID,
    "container*": ANY_DICT,
}
BLOCK_ACTIONS = {
    **INTERACTIVE,
    "user": {"id": SLACK_ID, "team_id*": SLACK_ID},
    "actions": NonEmpty({"action_id": str, "value?": str}),
    "container*": {"type*": str},
    "view*": {"id": SLACK_ID, "private_metadata*": str},
}
VIEW_SUBMISSION = {
    **INTERACTIVE,
    "user": {"id": SLACK_ID, "team_id*": SLACK_ID},
    "view": {"id": SLACK_ID, "callback_id": str, "state": {"values?": ANY_DICT}},
}
VIEW_CLOSED = {**INTERACTIVE, "view": {"id": SLACK_ID, "callback_id": str}}
PAYLOADS = {
    "block_actions": BLOCK_ACTIONS,
    "view_submission": VIEW_SUBMISSION,
    "view_closed": VIEW_CLOSED,
}
