"""What a signed request from Slack must look like before Bolt and billbot read it.

Slack's bodies always carry these fields with these types; a signed body without them (a bug,
or someone holding the signing secret) is answered 400 instead of failing deep inside Bolt or
a listener. A shape is a dict of field -> type, nested shape or [item shape]; a field whose
name ends in "?" may be missing, one ending in "*" missing or null (as Slack sends `team` and
`enterprise` for org-wide installs)."""

import json
import re
from typing import Any
from urllib.parse import parse_qs

ID = re.compile(r"[A-Za-z0-9._-]{1,32}")  # team, user, channel and view ids
LONG_ID = re.compile(r"[A-Za-z0-9._-]{1,100}")  # trigger and event ids
URL = re.compile(r"https?://\S{1,2000}")


class _Pattern:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def fits(self, value: object) -> bool:
        return isinstance(value, str) and self.pattern.fullmatch(value) is not None


SLACK_ID, LONG_SLACK_ID, HTTP_URL = _Pattern(ID), _Pattern(LONG_ID), _Pattern(URL)
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


def fits(value: object, shape: Any) -> bool:
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return False
        for key, inner in shape.items():
            name = key.rstrip("?*")
            if name not in value and key[-1] in "?*":
                continue
            if value.get(name) is None:
                if key.endswith("*"):
                    continue
                return False
            if not fits(value[name], inner):
                return False
        return True
    if isinstance(shape, list):  # at least one item, each of that shape
        return isinstance(value, list) and bool(value) and all(fits(v, shape[0]) for v in value)
    if isinstance(shape, _Pattern):
        return shape.fits(value)
    return isinstance(value, shape)


def well_formed(body: bytes) -> bool:
    """A slash command, an interactive payload or an Events API body, as Slack sends them."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if text.lstrip().startswith("{"):
        return _event_body(text)
    try:
        form = {k: v[0] for k, v in parse_qs(text, strict_parsing=True).items()}
    except ValueError:
        return False
    if "payload" in form:
        return _payload(form["payload"])
    if form.get("ssl_check") == "1":  # Slack checking the certificate: Bolt answers it
        return True
    return fits(form, COMMAND)


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
        return None


def _event_body(text: str) -> bool:
    body = _json(text)
    if not isinstance(body, dict):
        return False
    if body.get("type") == "url_verification":
        return fits(body, URL_VERIFICATION)
    return fits(body, EVENT_CALLBACK)


def _payload(text: str) -> bool:
    payload = _json(text)
    kind = payload.get("type") if isinstance(payload, dict) else None
    if not fits(payload, PAYLOADS.get(kind, PAYLOAD) if isinstance(kind, str) else PAYLOAD):
        return False
    assert isinstance(payload, dict)
    if kind != "view_submission":
        return True
    return all(  # block id -> action id -> the input's state
        isinstance(fields, dict) and all(isinstance(f, dict) for f in fields.values())
        for fields in payload["view"]["state"]["values"].values()
    )
