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
