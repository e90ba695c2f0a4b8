"""A finalized statement as a PDF document (fpdf2: pure Python, so no system libraries; DejaVu
Sans from matplotlib's own fonts, so any name in any script prints)."""

from datetime import UTC, datetime, time
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from billing.money import Money
from billing.statement import min_charge_minor
from bot.render.notice_words import day
from commands.statement_document import StatementDocument

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
GREY = (110, 110, 110)
INK = (20, 20, 20)


def statement_pdf(document: StatementDocument) -> bytes:
    """One A4 page (more when the lines need them)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_title(f"Statement {document.number}")
    pdf.set_author(document.agency)
    pdf.set_creator("billbot")
    pdf.set_creation_date(_created(document))
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    _heading(pdf, document)
    _parties(pdf, document)
    _lines(pdf, document)
    _payment(pdf, document)
    return bytes(pdf.output())


def payment_words(document: StatementDocument) -> str:
    """How the statement is (or was) paid, in one sentence."""
    card = _card(document)
    if document.status == "paid":
        on = f" on {day(document.paid_on)}" if document.paid_on else ""
        return f"Paid{on} by {card}." if document.by_card and card else f"Paid{on}."
    small = document.total_minor < min_charge_minor(document.currency)
    if document.status == "carried" or (document.status == "finalized" and small):
        below = "A credit" if document.total_minor < 0 else "Below the minimum charge"
        return f"{below}: carried to next month's statement, nothing to pay now."
    if document.status == "void":
        return "Void: nothing to pay."
    due = f" by {day(document.due_on)}" if document.due_on else ""
    if document.status == "past_due":
        return f"Past due: it was to be paid{due}."
    if document.by_card and card:
        when = f" on {day(document.charge_on)}" if document.charge_on else ""
        return f"To be charged to {card}{when}. Nothing to do."
    if document.by_card:
        return f"To be charged to the card on file. Please add a card{due}."
    return f"Billed by hand: please pay this statement as invoiced{due}."


def _card(document: StatementDocument) -> str | None:
    if not document.card_last4:
        return None
    brand = (document.card_brand or "card").replace("_", " ").title()
    return f"the {brand} card ending {document.card_last4}"


def _created(document: StatementDocument) -> datetime:
    on = document.charge_on or document.month.last_day
    return datetime.combine(on, time(0, 0), tzinfo=UTC)


def _heading(pdf: FPDF, document: StatementDocument) -> None:
    pdf.set_text_color(*INK)
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 8, document.agency, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 22)
    pdf.cell(0, 11, "Statement", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 11)
    pdf.set_text_color(*GREY)
    pdf.cell(0, 6, f"No. {document.number}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)


def _parties(pdf: FPDF, document: StatementDocument) -> None:
    rows = [
        ("Billed to", document.company),
        ("Invoice e-mail", document.invoice_email or "none on file"),
        ("Statement number", document.number),
        ("Period", f"{document.month.label()} ({_span(document)})"),
        ("Charge date", day(document.charge_on) if document.charge_on else "-"),
        ("Due date", day(document.due_on) if document.due_on else "-"),
    ]
    for label, value in rows:
        pdf.set_font("DejaVu", "", 10)
        pdf.set_text_color(*GREY)
        pdf.cell(45, 6.5, label)
        pdf.set_text_color(*INK)
        pdf.multi_cell(0, 6.5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)


def _span(document: StatementDocument) -> str:
    month = document.month
    return f"{day(month.first_day)} to {day(month.last_day)}"


def _lines(pdf: FPDF, document: StatementDocument) -> None:
    pdf.set_font("DejaVu", "", 10)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(200, 200, 200)
    with pdf.table(
        col_widths=(130, 44),
        text_align=("LEFT", "RIGHT"),
        line_height=6.5,
        borders_layout="HORIZONTAL_LINES",
        headings_style=FontFace(emphasis="BOLD", fill_color=(240, 240, 240)),
        padding=1.5,
    ) as table:
        table.row(("Description", f"Amount ({document.currency})"))
        if not document.lines:
            table.row(("Nothing billed this month.", _amount(0, document.currency)))
        for text, amount in document.lines:
            table.row((text, _amount(amount, document.currency)))
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(130, 8, "Total")
    total = str(Money(document.total_minor, document.currency))
    pdf.cell(44, 8, total, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)


def _amount(amount_minor: int, currency: str) -> str:
    return str(Money(amount_minor, currency).as_decimal())


def _payment(pdf: FPDF, document: StatementDocument) -> None:
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 6, "Payment", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 6, payment_words(document), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_text_color(*GREY)
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(
        0,
        4.5,
        f"Quote statement number {document.number} with any payment or question. "
        f"Issued by {document.agency} with billbot.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
