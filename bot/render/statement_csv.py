"""A statement as CSV: one row per line and one for the total, amounts as exact decimals."""

import csv
import io

from billing.money import Money
from commands.show_statement import StatementView


def statement_csv(result: StatementView) -> str:
    """The statement as CSV: one row per line, amounts as exact decimals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "company",
            "month",
            "number",
            "kind",
            "app",
            "description",
            "first_day",
            "last_day",
            "days",
            "quantity",
            "amount",
            "currency",
        ]
    )
    for line in result.lines:
        writer.writerow(
            [
                result.company,
                result.month,
                result.number or "",
                line.kind,
                line.app or "",
                line.description,
                line.first_day or "",
                line.last_day or "",
                line.days or "",
                line.quantity or "",
                Money(line.amount_minor, result.currency).as_decimal(),
                result.currency,
            ]
        )
    writer.writerow(
        [
            result.company,
            result.month,
            result.number or "",
            "total",
            "",
            "",
            "",
            "",
            "",
            "",
            result.total.as_decimal(),
            result.currency,
        ]
    )
    return out.getvalue().rstrip("\n")
