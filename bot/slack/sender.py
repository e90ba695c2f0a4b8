"""Messages a reply brings with it (an invitation's own message), sent as soon as it is given."""

import logging
import smtplib
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.delivery.direct import Direct, send
from bot.delivery.mailer import Mailer

log = logging.getLogger("billbot.slack")


class Sender:
    """A reply's direct messages now; the outbox's messages through the delivery loop."""

    def __init__(self, mailer: Mailer | None, wake: Callable[[], None]) -> None:
        self.mailer = mailer
        self.wake = wake

    def deliver(self, directs: tuple[Direct, ...], client: WebClient) -> None:
        for direct in directs:
            try:
                send(direct, client, self.mailer)
            except (SlackApiError, smtplib.SMTPException, OSError) as error:
                log.warning("an invitation message did not go out: %s", error)
        self.wake()
