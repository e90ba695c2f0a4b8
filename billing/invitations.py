"""Invitations and transfer requests: tokens, expiry, and the one-way life of a request."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from billing.errors import DomainError

TOKEN_BYTES = 24  # 192 bits from `secrets`
REMIND_BEFORE = timedelta(hours=24)


class InvitationUnusable(DomainError):
    """An invitation that can't be accepted any more, saying why."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """Only this is stored: a leaked database gives no working link."""
    return hashlib.sha256(token.strip().encode()).hexdigest()


def same_hash(stored: str, token: str) -> bool:
    return hmac.compare_digest(stored, token_hash(token))


@dataclass(frozen=True)
class Lifetime:
    status: str  # pending | accepted | declined | revoked | approved | moved
    expires_at: datetime

    def require_open(self, now: datetime, what: str = "invitation") -> None:
        """Pending and not expired, or a clear reason why not."""
        if self.status == "accepted":
            raise InvitationUnusable(f"This {what} was already accepted.", code=f"{what}_used")
        if self.status == "declined":
            raise InvitationUnusable(f"This {what} was declined.", code=f"{what}_declined")
        if self.status == "moved":
            raise InvitationUnusable(
                f"This {what} is closed: the app has moved since.", code=f"{what}_closed"
            )
        if self.status == "revoked":
            raise InvitationUnusable(f"This {what} was withdrawn.", code=f"{what}_revoked")
        if now >= self.expires_at:
            when = self.expires_at.strftime("%Y-%m-%d %H:%M UTC")
            raise InvitationUnusable(
                f"This {what} expired on {when}: ask for a new one.", code=f"{what}_expired"
            )


def expiry(now: datetime, ttl_hours: int) -> datetime:
    return now + timedelta(hours=ttl_hours)


def reminder_at(expires_at: datetime) -> datetime:
    """invite_expiring reaches the inviter 24 h before the end."""
    return expires_at - REMIND_BEFORE
