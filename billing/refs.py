"""References to people, teams and channels as users type them (not yet resolved)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonRef:
    """`<@U123|alice>` gives user_id and name; `@alice` a name; `a@b.c` an e-mail."""

    user_id: str | None = None
    name: str | None = None
    email: str | None = None

    def label(self) -> str:
        if self.name:
            return f"@{self.name}"
        if self.user_id:
            return f"<@{self.user_id}>"
        return self.email or "someone"


@dataclass(frozen=True)
class TeamRef:
    name: str


@dataclass(frozen=True)
class ChannelRef:
    channel_id: str | None = None
    name: str | None = None


LARGEST_ID = 2**31 - 1  # record ids are 32-bit integers on PostgreSQL


def record_id(value: object) -> int | None:
    """A record id carried by a button or a payment's metadata ("12"); None for anything else
    ("", "²", "0x10", "-1", a number past what the database holds)."""
    if not (isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 11):
        return None
    number = int(value)
    return number if 0 < number <= LARGEST_ID else None
