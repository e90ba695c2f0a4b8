"""Who a Slack user is: name, e-mail and account type from users.info, cached for a while."""

import logging
import time
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

TTL_SECONDS = 600


@dataclass(frozen=True)
class SlackPerson:
    user_id: str
    name: str
    email: str | None
    account_type: str | None  # developer (full member) | client (guest or another team);
    # None: Slack could not be asked, so billbot goes by what it has recorded


class People:
    """users.info answers, kept TTL_SECONDS: a command must not wait on Slack every time."""

    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self.ttl = ttl
        self._cache: dict[tuple[str, str], tuple[float, SlackPerson]] = {}

    def lookup(self, client: WebClient, team_id: str, user_id: str, fallback: str) -> SlackPerson:
        key = (team_id, user_id)
        hit = self._cache.get(key)
        if hit is not None and time.monotonic() - hit[0] < self.ttl:
            return hit[1]
        try:
            user = client.users_info(user=user_id).get("user") or {}
        except (SlackApiError, OSError) as error:  # Slack's API is out of reach or refuses
            log.warning("users.info failed (%s): going by billbot's own record", error)
            return hit[1] if hit is not None else SlackPerson(user_id, fallback, None, None)
        person = describe(user, team_id, fallback)
        self._cache[key] = (time.monotonic(), person)
        return person


def describe(user: dict, team_id: str, fallback: str) -> SlackPerson:
    """Guests and people of another team (Slack Connect) are clients; members are developers."""
    profile = user.get("profile") or {}
    name = profile.get("display_name") or profile.get("real_name") or user.get("name") or fallback
    external = bool(user.get("team_id")) and user.get("team_id") != team_id
    guest = user.get("is_restricted") or user.get("is_ultra_restricted") or user.get("is_stranger")
    email = (profile.get("email") or "").lower() or None
    kind = "client" if external or guest else "developer"
    return SlackPerson(user.get("id", ""), name, email, kind)
