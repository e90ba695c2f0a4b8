"""The operator's terms every door passes to the use cases: charge days, invitation lifetime,
where links point, and how payments are taken."""

from dataclasses import dataclass, field

from billing.closing import Calendar
from bot.settings import Settings
from payments.factory import gateway_for
from payments.gateway import Gateway
from payments.manual import ManualGateway


@dataclass(frozen=True)
class Terms:
    calendar: Calendar = field(default_factory=Calendar)
    invite_ttl_hours: int = 72
    public_url: str = "http://127.0.0.1:3000"
    billing_mode: str = "manual"  # stripe when STRIPE_API_KEY is set
    gateway: Gateway = field(default_factory=ManualGateway)
    link_secret: str = ""  # signs statement download links (SLACK_SIGNING_SECRET); "": none

    @classmethod
    def of(cls, settings: Settings) -> "Terms":
        return cls(
            Calendar(settings.charge_day, settings.due_day),
            settings.invite_ttl_hours,
            settings.public_url,
            "stripe" if settings.stripe_api_key else "manual",
            gateway_for(
                settings.stripe_api_key,
                api_base=settings.stripe_api_base,
                webhook_secret=settings.stripe_webhook_secret,
            ),
            settings.slack_signing_secret or "",
        )
