"""A notice's facts, as the outbox carries them, put into words and buttons when it is
delivered. A payload without a `notice` kind is a message already in words."""

from collections.abc import Callable
from datetime import date
from typing import Any

from billing.money import Money
from billing.periods import Month
from bot.render import notice_words as words
from bot.render.buttons import pay_button, pdf_button, transfer_buttons, view_button
from bot.render.statement_mail import document_mail, document_subject
from commands.statement_document import StatementDocument
from storage.notices import text_subject

Words = tuple[str, list[dict[str, str]]]  # text, buttons


def render_notice(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload with its `text`, `buttons` and e-mail `subject`."""
    kind = payload.get("notice")
    if kind is None:
        return payload
    facts = _Facts(payload)
    text, buttons = _WORDS[kind](facts)
    subject = text_subject(text)
    if kind == "statement_ready":
        subject = f"{facts.company}: statement {facts.raw.get('number', '')} for " + (
            facts.month.label()
        )
    if kind == "statement_document":
        subject = document_subject(StatementDocument.of_facts(payload["document"]))
    return {**payload, "text": text, "buttons": buttons, "subject": subject}


class _Facts:
    """Typed reads of a notice's JSON facts."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.raw = payload

    def __getattr__(self, name: str) -> Any:
        return self.raw[name]

    def day(self, name: str) -> date:
        return date.fromisoformat(self.raw[name])

    @property
    def month(self) -> Month:
        return Month.parse(self.raw["period"])

    @property
    def total(self) -> Money:
        return Money(self.raw["total_minor"], self.raw["currency"])

    @property
    def card(self) -> str | None:
        """The saved card in words; None without one."""
        last4 = self.raw["card_last4"]
        return words.card_words(self.raw["card_brand"], last4) if last4 else None

    @property
    def has_card(self) -> bool:
        return self.raw["card_last4"] is not None

    @property
    def view(self) -> dict[str, str]:
        return view_button(self.company_id, self.raw["period"])


def _statement_ready(f: _Facts) -> Words:
    lines = [(text, amount) for text, amount in f.lines]
    text = words.statement_ready(
        f.company,
        f.month,
        lines,
        f.total,
        charge_on=f.day("charge_on"),
        due_on=f.day("due_on"),
        stripe=f.stripe,
        number=f.raw.get("number"),
    )
    pdf = [pdf_button(f.company_id, f.raw["period"])] if f.raw.get("number") else []
    return text, [f.view, *pdf, *pay_button(f.company_id, f.stripe, f.has_card)]


def _charge_upcoming(f: _Facts) -> Words:
    text = words.charge_upcoming(
        f.company, f.month, f.day("charge_on"), f.total, stripe=f.stripe, card=f.card
    )
    return text, [f.view, *pay_button(f.company_id, f.stripe, f.card is not None)]


def _card_expiring(f: _Facts) -> Words:
    card = words.card_words(f.card_brand, f.card_last4)
    text = words.card_expiring(f.company, card, f.day("card_expires"), f.day("charge_on"))
    return text, pay_button(f.company_id, True, True)


def _unpaid(say: Callable[[str, Month, Money, date], str]) -> Callable[[_Facts], Words]:
    def unpaid(f: _Facts) -> Words:
        text = say(f.company, f.month, f.total, f.day("due_on"))
        return text, [f.view, *pay_button(f.company_id, f.stripe, f.has_card)]

    return unpaid


def _payment_received(f: _Facts) -> Words:
    return words.payment_received(f.company, f.month, f.total, f.card), [f.view]


def _payment_failed(f: _Facts) -> Words:
    next_try = f.day("next_try") if f.next_try else None
    text = words.payment_failed(f.company, f.month, f.total, f.reason, next_try, f.day("due_on"))
    return text, [*pay_button(f.company_id, True, f.has_card), f.view]


def _manual_billing(f: _Facts) -> Words:
    listed = [(name, Money(total, currency)) for name, total, currency in f.listed]
    return words.manual_billing(f.month, listed, f.more), []


def _invitation_expired(f: _Facts) -> Words:
    return words.invitation_expired(f.invitation_id), []


def _transfer_requested(f: _Facts) -> Words:
    text = words.transfer_requested(f.requester, f.app, f.from_company, f.to_company)
    return text, transfer_buttons(f.request_id)


def _invoice_email_changed(f: _Facts) -> Words:
    return words.invoice_email_changed(f.company, f.before, f.after, f.by), []


def _statement_document(f: _Facts) -> Words:
    return document_mail(StatementDocument.of_facts(f.document)), []


_WORDS: dict[str, Callable[[_Facts], Words]] = {
    "statement_ready": _statement_ready,
    "statement_document": _statement_document,
    "invoice_email_changed": _invoice_email_changed,
    "charge_upcoming": _charge_upcoming,
    "card_expiring": _card_expiring,
    "payment_due": _unpaid(words.payment_due),
    "overdue": _unpaid(words.overdue),
    "payment_received": _payment_received,
    "payment_failed": _payment_failed,
    "manual_billing": _manual_billing,
    "invitation_expired": _invitation_expired,
    "transfer_requested": _transfer_requested,
}
