"""Where a company's statements are e-mailed."""

from bot.render.answers.said import Said
from commands.questions.answers import InvoiceEmail


def invoice_email(result: InvoiceEmail, audience: str) -> Said:
    head = f"*Invoice e-mail of {result.company}*: "
    change = f'`/billing company set "{result.company}" email:<address>` changes it'
    if result.email is None:
        return Said(
            head + "none yet, so statements are posted in Slack only. An owner, admin or "
            f"billing person can set one: {change.replace('changes it', '')}."
        )
    return Said(
        head + f"each statement is e-mailed with its PDF to {result.email}. Owners, admins "
        f"and billing people may change it ({change})."
    )
