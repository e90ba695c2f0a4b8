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


# The one e-mail rule, for `/billing` lines, forms and use cases alike: dot-separated atoms,
# then a domain of DNS labels ending in a letters-only top-level domain.
EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
MAX_EMAIL, MAX_LOCAL_PART = 254, 64


def is_email(text: str) -> bool:
    return (
        len(text) <= MAX_EMAIL
        and EMAIL.fullmatch(text) is not None
        and len(text.split("@")[0]) <= MAX_LOCAL_PART
    )


def check_email(raw: str) -> str:
    """The address, trimmed and lower-cased; Invalid when it is not one."""
    email = raw.strip().lower()
    if not is_email(email):
        raise Invalid(f"“{raw.strip()[:60]}” is not an e-mail address.")
    return email
