"""The e-mail that carries a statement's PDF to the company's invoice e-mail."""

from billing.money import Money
from bot.render.notice_words import day
from bot.render.statement_pdf import payment_words
from commands.statement_document import StatementDocument


def document_subject(document: StatementDocument) -> str:
    return f"Statement {document.number} from {document.agency}: {document.month.label()}"


def document_file_name(document: StatementDocument) -> str:
    return f"statement-{document.number}.pdf"


def document_mail(document: StatementDocument) -> str:
    total = Money(document.total_minor, document.currency)
    due = f", due by {day(document.due_on)}" if document.due_on else ""
    return "\n".join(
        [
            "Hello,",
            "",
            f"attached is statement {document.number} of {document.company} for "
            f"{document.month.label()} from {document.agency}: {total}{due}.",
            payment_words(document),
            "",
            f"Please quote {document.number} with any payment or question.",
            "",
            f"{document.agency} (sent by billbot)",
        ]
    )
