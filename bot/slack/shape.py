"""What a signed request from Slack must look like before Bolt and billbot read it.

Slack's bodies always carry the fields of bot/slack/bodies.py with those types; a signed body
without them (a bug, or someone holding the signing secret) is answered 400 instead of failing
deep inside Bolt or a listener."""

import json
from typing import Any
from urllib.parse import parse_qs

from bot.slack.bodies import COMMAND, EVENT_CALLBACK, PAYLOAD, PAYLOADS, URL_VERIFICATION, Pattern


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
    if isinstance(shape, Pattern):
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
