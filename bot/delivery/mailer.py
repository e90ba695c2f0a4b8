"""E-mail through the SMTP server in SMTP_URL (smtp://[user:password@]host[:port])."""

import smtplib
from collections.abc import Sequence
from email.message import EmailMessage
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from bot.render.statement_mail import document_file_name
from bot.render.statement_pdf import statement_pdf
from commands.statement_document import StatementDocument
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

    def send(
        self,
        to: str,
        subject: str,
        body: str,
        *,
        attachments: Sequence[tuple[str, bytes]] = (),
        message_id: str | None = None,
    ) -> None:
        """`attachments`: (file name, PDF bytes); `message_id`: the same on every try, so a
        mail program shows a message that did go twice once."""
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, to, subject
        if message_id:
            message["Message-ID"] = message_id
        message.set_content(body)
        for name, content in attachments:
            message.add_attachment(content, maintype="application", subtype="pdf", filename=name)
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
    """An outbox row addressed to an e-mail address (a statement's with its PDF)."""
    if mailer is None or row.email is None:
        raise OSError("no SMTP_URL configured for e-mail")
    attachments = []
    if row.payload.get("notice") == "statement_document":
        document = StatementDocument.of_facts(row.payload["document"])
        attachments.append((document_file_name(document), statement_pdf(document)))
    domain = mailer.sender.rpartition("@")[2] or "billbot"
    mailer.send(
        row.email,
        row.payload.get("subject", "billbot"),
        row.payload.get("text", ""),
        attachments=attachments,
        message_id=f"<{quote(row.key, safe='')}@{domain}>",
    )
