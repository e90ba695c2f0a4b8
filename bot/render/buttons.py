"""The buttons notices and answers carry: their action ids and values."""

from billing.periods import Month

VIEW_STATEMENT = "statement_view"  # button value: "<company id>:<YYYY-MM>"
PAY = "billing_pay"  # button value: "<company id>"


def view_button(company_id: int, month: Month | str) -> dict[str, str]:
    return {"text": "View statement", "action_id": VIEW_STATEMENT, "value": f"{company_id}:{month}"}


def pay_button(company_id: int, stripe: bool, has_card: bool = True) -> list[dict[str, str]]:
    if not stripe:
        return []
    label = "Update card" if has_card else "Add a card"
    return [{"text": label, "action_id": PAY, "value": str(company_id)}]
