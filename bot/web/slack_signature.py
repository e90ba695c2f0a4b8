"""Slack's v0 request signature, checked on the raw bytes before anything parses them."""

import hashlib
import hmac

from starlette.datastructures import Headers

SLACK_WINDOW_SECONDS = 300  # a signed request older (or newer) than this is a replay


def signed_by_slack(secret: bytes, body: bytes, headers: Headers, now: float) -> bool:
    """Slack's v0 signature over these very bytes, made in the last five minutes."""
    timestamp = headers.get("x-slack-request-timestamp", "")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return False
    if abs(now - int(timestamp)) > SLACK_WINDOW_SECONDS:
        return False
    signed = b"v0:" + timestamp.encode() + b":" + body
    expected = b"v0=" + hmac.new(secret, signed, hashlib.sha256).hexdigest().encode()
    given = headers.get("x-slack-signature", "").encode("latin-1")  # headers arrive as latin-1
    return hmac.compare_digest(expected, given)
