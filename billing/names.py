"""Names of companies, apps, plans and teams: validated once, matched by slug."""

import re
import unicodedata

from billing.errors import Invalid

MAX_NAME = 80
_SPACES = re.compile(r"\s+")


def clean_name(raw: str, what: str = "name") -> str:
    """Trimmed, inner whitespace collapsed, any script kept; refuses empty, long or control text."""
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", raw)).strip()
    if not name:
        raise Invalid(f"The {what} can't be empty.")
    if len(name) > MAX_NAME:
        raise Invalid(f"The {what} is too long ({len(name)} characters; at most {MAX_NAME}).")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in name):
        raise Invalid(f"The {what} contains control characters.")
    return name


def slugify(name: str) -> str:
    """Case-insensitive key: `Acme Corp`, `acme corp` and `acme-corp` are the same name."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    return _SPACES.sub("-", folded)


def name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()


EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)


def is_email(text: str) -> bool:
    """The one e-mail rule (commands, forms, modals): ASCII dot-atoms, a real-looking domain."""
    return len(text) <= 254 and len(text.split("@")[0]) <= 64 and bool(EMAIL.fullmatch(text))


def check_email(raw: str) -> str:
    email = raw.strip()
    if not is_email(email):
        raise Invalid(f"“{email[:60]}” is not an e-mail address.")
    return email.lower()
