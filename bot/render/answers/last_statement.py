"""The last closed statement (or the month asked about), line by line, or the running month
when none is closed yet."""

from billing.money import Money
from bot.render.answers.said import Said, buttons
from bot.render.buttons import view_button
from commands.questions.answers import LastStatement

MAX_LINES = 12  # a statement's lines shown in the answer; "View statement" shows them all


def last_statement(result: LastStatement, audience: str) -> Said:
    shown, asked = result.statement, result.asked
    if asked is not None and shown is None:
        return Said(
            f"*{asked.label()} statement of {result.company}*: there is none for that month."
        )
    if shown is None:
        up = result.upcoming
        return Said(
            f"*Last statement of {result.company}*: none closed yet. "
            f"{up.month.label()} comes to {up.amount} so far (an estimate).",
            buttons(view_button(result.company_id, up.month)),
        )
    state = "an estimate: the month is still open" if shown.status == "draft" else shown.status
    state = state.replace("_", " ")
    head = (
        f"*{asked.label()} statement of {result.company}*: {state}."
        if asked is not None
        else f"*Last statement of {result.company}*: {shown.month.label()}, {state}."
    )
    lines = [head]
    lines += [
        f"• {line.description}: {Money(line.amount_minor, shown.currency)}"
        for line in shown.lines[:MAX_LINES]
    ]
    if len(shown.lines) > MAX_LINES:
        lines.append(f"• …and {len(shown.lines) - MAX_LINES} more lines")
    lines.append(f"*Total: {shown.total}*")
    return Said("\n".join(lines), buttons(view_button(result.company_id, shown.month)))
