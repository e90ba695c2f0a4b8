"""Links to a statement's PDF that anyone holding them may open until they expire:
`/statements/<company id>-<YYYY-MM>-<expiry, unix seconds>-<HMAC-SHA256>`. The HMAC is keyed
with SLACK_SIGNING_SECRET (a secret billbot already keeps), so a changed id, month or expiry
is refused, and no link can be made without the secret."""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from billing.errors import Invalid
from billing.periods import Month

LIFETIME = timedelta(days=7)
_SHAPE = re.compile(r"^(\d{1,12})-(\d{4}-\d{2})-(\d{1,12})-([0-9a-f]{64})$")


@dataclass(frozen=True)
class LinkTarget:
    company_id: int
    month: Month


class BadLink(Exception):
    """Not a link billbot made (403)."""


class ExpiredLink(Exception):
    """A link billbot made, past its expiry (410)."""


def statement_link(
    secret: str, public_url: str, company_id: int, month: Month | str, now: datetime
) -> str:
    expires = int((now + LIFETIME).timestamp())
    body = f"{company_id}-{month}-{expires}"
    return f"{public_url.rstrip('/')}/statements/{body}-{_mac(secret, body)}"


def check_link(secret: str, token: str, now: datetime) -> LinkTarget:
    """What a link points to; BadLink when it was not made with `secret` or is malformed,
    ExpiredLink when its time is over."""
    found = _SHAPE.match(token)
    if not secret or found is None:
        raise BadLink(token)
    company_id, month, expires, mac = found.groups()
    body = f"{company_id}-{month}-{expires}"
    if not hmac.compare_digest(mac, _mac(secret, body)):
        raise BadLink(token)
    if int(expires) <= now.timestamp():
        raise ExpiredLink(token)
    try:
        return LinkTarget(int(company_id), Month.parse(month))
    except Invalid as error:
        raise BadLink(token) from error


def _mac(secret: str, body: str) -> str:
    key = hashlib.sha256(b"billbot statement link:" + secret.encode()).digest()
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
