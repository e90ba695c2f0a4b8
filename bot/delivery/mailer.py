"""E-mail through the SMTP server in SMTP_URL (smtp://[user:password@]host[:port])."""

import smtplib
from email.message import EmailMessage
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from storage.outbox import Claimed

if TYPE_CHECKING:
    from bot.settings import Settings


class Mailer:
    def __init__(self, url: str, sender: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("SMTP_URL must look like smtp://host:25 or smtps://user:pw@host:465")
        self.secure = parts.scheme == "smtps"
        self.host = parts.hostname
        self.port = parts.port or (465 if self.secure else 25)
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.sender = sender

    def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, to, subject
        message.set_content(body)
        kind = smtplib.SMTP_SSL if self.secure else smtplib.SMTP
        with kind(self.host, self.port, timeout=10) as server:
            if self.user and self.password:
                server.login(self.user, self.password)
            server.send_message(message)


def mailer_for(settings: "Settings") -> Mailer | None:
    """A mailer when SMTP_URL is set; mail comes from billbot@ the host of PUBLIC_URL."""
    if not settings.smtp_url:
        return None
    host = urlsplit(settings.public_url).hostname or "localhost"
    return Mailer(settings.smtp_url, f"billbot@{host}")


def mail_notice(mailer: Mailer | None, row: Claimed) -> None:
    """An outbox row addressed to an e-mail address."""
    if mailer is None or row.email is None:
        raise OSError("no SMTP_URL configured for e-mail")
    mailer.send(row.email, row.payload.get("subject", "billbot"), row.payload.get("text", ""))
