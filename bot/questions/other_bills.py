"""Other bills a question may mention ("the power bill went through, did ours?"): billbot
answers for its own company's bill all the same, and says so."""

import re

_OTHER = re.compile(
    r"\b(power|electric(ity)?|gas|water|phone|mobile|internet|broadband|utility|utilities|"
    r"rent|aws|netflix|spotify|insurance|credit card|amex|visa|mastercard) "
    r"(bill|bills|plan|invoice|payment|statement|card)\b|\b(rent|utilities)\b"
)


def other_bill(plain: str) -> str | None:
    """The other bill named, as written ("power bill"), or None."""
    found = _OTHER.search(plain)
    return found.group(0) if found else None
