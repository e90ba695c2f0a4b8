"""Reading a signed body from Slack: parsed by its content type and Slack's own fields (never by
looking for a word in the text), then checked to hold what Bolt and billbot's listeners read,
with those types (bot/slack/bodies.py). What cannot be read that way is answered 400 before
Bolt sees it and before anything is stored; anything else Slack publishes is let through."""

import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from slack_bolt import BoltContext
from slack_bolt.request.internals import build_context

from bot.slack.bodies import (
    APP_RATE_LIMITED,
    COMMAND,
    EVENT_CALLBACK,
    ID,
    INTERACTIVE,
    MESSAGE_EVENT,
    PAYLOADS,
    READ_BY_BOLT,
    URL_VERIFICATION,
    NonEmpty,
    OneOf,
    Pattern,
)

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
LISTENED_EVENTS = ("app_mention", "message", "app_home_opened")
CONTEXT_IDS = ("team_id", "user_id", "channel_id", "enterprise_id")
log = logging.getLogger("billbot.slack")


@dataclass(frozen=True)
class SlackBody:
    """`kind`: "command", "interactive", "ssl_check" (form bodies), "url_verification",
    "event_callback", "app_rate_limited" or another Events API type (JSON bodies)."""

    kind: str
    body: dict[str, Any]

    @property
    def interactive(self) -> bool:
        return self.kind == "interactive"


def fits(value: object, shape: Any) -> bool:
    if isinstance(shape, dict):
        return isinstance(value, dict) and all(
            _field_fits(value, key, inner) for key, inner in shape.items()
        )
    if isinstance(shape, list):  # each item of that shape
        return isinstance(value, list) and all(fits(v, shape[0]) for v in value)
    if isinstance(shape, NonEmpty):
        return isinstance(value, list) and bool(value) and all(fits(v, shape.item) for v in value)
    if isinstance(shape, OneOf):
        return any(fits(value, one) for one in shape.shapes)
    if isinstance(shape, Pattern):
        return shape.fits(value)
    if shape is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, shape)


def _field_fits(value: dict, key: str, shape: Any) -> bool:
    name = key.rstrip("?*")
    if name not in value:
        return key[-1] in "?*"
    if value[name] is None:
        return key.endswith("*")
    return fits(value[name], shape)


def read_body(raw: bytes, content_type: str | None) -> SlackBody | None:
    """The body as Bolt will read it, or None when it is not one Slack sends."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    media = (content_type or "").split(";")[0].strip().lower()
    if media == JSON or (media != FORM and text.lstrip().startswith("{")):
        found = _events_api(_json(text))
    else:
        found = _form(text)
    if found is None or not fits(found.body, READ_BY_BOLT) or not _ids_fit(found.body):
        return None
    return found


ENVELOPES = {"slash_commands", "interactive", "events_api"}


def read_envelope(kind: str, payload: object) -> SlackBody | None:
    """A Socket Mode envelope's payload (already JSON), held to the same shapes as over HTTP."""
    if kind not in ENVELOPES or not isinstance(payload, dict):
        return None
    if kind == "slash_commands":
        found = SlackBody("command", payload) if fits(payload, COMMAND) else None
    elif kind == "interactive":
        found = SlackBody("interactive", payload) if _interactive(payload) else None
    else:
        found = _events_api(payload)
    if found is None or not fits(found.body, READ_BY_BOLT) or not _ids_fit(found.body):
        return None
    return found


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
        return None


def _ids_fit(body: dict[str, Any]) -> bool:
    """The team, user and channel Bolt finds are ids billbot may store."""
    context = build_context(BoltContext({"logger": log}), body)
    return all(context.get(name) is None or Pattern(ID).fits(context[name]) for name in CONTEXT_IDS)


def _form(text: str) -> SlackBody | None:
    try:
        pairs = parse_qs(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    form = {key: values[0] for key, values in pairs.items()}
    if "payload" in form and "command" not in form:  # interactivity: one JSON field
        payload = _json(form["payload"])
        if not isinstance(payload, dict) or not _interactive(payload):
            return None
        return SlackBody("interactive", payload)
    if form.get("ssl_check") == "1":  # Slack checking the certificate: Bolt answers it
        return SlackBody("ssl_check", form)
    return SlackBody("command", form) if fits(form, COMMAND) else None


def _interactive(payload: dict[str, Any]) -> bool:
    kind = payload.get("type")
    if not fits(payload, PAYLOADS.get(kind, INTERACTIVE) if isinstance(kind, str) else INTERACTIVE):
        return False
    if kind != "view_submission":
        return True
    return all(  # block id -> action id -> the input's state
        isinstance(fields, dict) and all(isinstance(f, dict) for f in fields.values())
        for fields in payload["view"]["state"].get("values", {}).values()
    )


def _events_api(body: object) -> SlackBody | None:
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        return None
    kind = body["type"]
    shape = {
        "url_verification": URL_VERIFICATION,
        "event_callback": EVENT_CALLBACK,
        "app_rate_limited": APP_RATE_LIMITED,
    }.get(kind, {})
    if not fits(body, shape):
        return None
    event = body.get("event") if kind == "event_callback" else None
    if event and event["type"] in LISTENED_EVENTS and not fits(event, MESSAGE_EVENT):
        return None
    return SlackBody(kind, body)
