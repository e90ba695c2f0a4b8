"""What a date in a month whose statement is final did, said after the change it came with."""

from billing.money import format_money
from billing.statement import day_label
from commands.late_dates import BilledFrom, Corrected, LateChange


def _amount(correction: Corrected) -> str:
    credit = " (a credit)" if correction.amount.amount_minor < 0 else ""
    return f"{format_money(correction.amount)}{credit}"


def _months(late: LateChange) -> str:
    labels = [month.label() for month in late.closed]
    if len(labels) == 1:
        return f"The {labels[0]} statement is"
    return f"The statements for {', '.join(labels[:-1])} and {labels[-1]} are"


def late_words(late: LateChange | None) -> str:
    """'' for a date in an open month; else which final statements it reached and where the
    correction goes: "The November 2026 statement is final, so a correction of 6.53 USD goes
    on the December 2026 statement." """
    if late is None:
        return ""
    final = f" {_months(late)} final"
    on = f"the {late.on_statement.label()} statement"
    if not late.corrections:
        return f"{final} and already bills this: no correction is needed."
    if len(late.corrections) == 1:
        return f"{final}, so a correction of {_amount(late.corrections[0])} goes on {on}."
    each = ", ".join(f"{_amount(c)} for {c.month.label()}" for c in late.corrections)
    return f"{final}, so corrections go on {on}: {each}."


def later_words(later: BilledFrom | None) -> str:
    """'' when the month bills from the date; else from when it does, and why."""
    if later is None:
        return ""
    if later.day is None:
        if later.why == "trial":
            return " It is in trial: trial days are never billed."
        return " It is not billed until a domain is added."
    reason = "the day its domain was added" if later.why == "domain" else "the day after its trial"
    return f" The {later.month.label()} statement bills it from {day_label(later.day)}, {reason}."
