"""The operator's terms every door passes to the use cases: charge days, invitation lifetime,
and where links point."""

from dataclasses import dataclass, field

from bot.settings import Settings
from commands.statements import Calendar


@dataclass(frozen=True)
class Terms:
    calendar: Calendar = field(default_factory=Calendar)
    invite_ttl_hours: int = 72
    public_url: str = "http://127.0.0.1:3000"

    @classmethod
    def of(cls, settings: Settings) -> "Terms":
        return cls(
            Calendar(settings.charge_day, settings.due_day),
            settings.invite_ttl_hours,
            settings.public_url,
        )
