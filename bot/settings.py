"""One settings object, read from the environment and validated once at start."""

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from storage.database import DEFAULT_URL

_PLACEHOLDERS = ("changeme", "change-me", "xxx", "your-", "placeholder", "todo")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    database_url: str = DEFAULT_URL
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str | None = None
    stripe_api_key: str | None = None
    stripe_api_base: str | None = None
    stripe_webhook_secret: str | None = None
    public_url: str = "http://127.0.0.1:3000"
    billbot_operators: str = ""
    invite_ttl_hours: int = Field(default=72, ge=1, le=24 * 30)
    charge_day: int = Field(default=1, ge=1, le=28)
    due_day: int = Field(default=15, ge=1, le=28)
    smtp_url: str | None = None
    delivery_concurrency: int = Field(default=32, ge=1, le=256)
    scheduler: bool = True  # run the sweeps in `billbot serve` (one replica leads)
    host: str = "127.0.0.1"
    port: int = Field(default=3000, ge=0, le=65535)

    @field_validator(
        "slack_bot_token",
        "slack_signing_secret",
        "slack_app_token",
        "slack_client_secret",
        "stripe_api_key",
        "stripe_webhook_secret",
    )
    @classmethod
    def _no_placeholders(cls, value: str | None) -> str | None:
        if value is not None and any(p in value.lower() for p in _PLACEHOLDERS):
            raise ValueError("looks like a placeholder, not a real secret")
        return value or None

    @property
    def operators(self) -> frozenset[str]:
        return frozenset(u.strip() for u in self.billbot_operators.split(",") if u.strip())

    @property
    def has_slack(self) -> bool:
        return bool(self.slack_bot_token or self.slack_client_id)
