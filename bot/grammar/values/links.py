"""Readers of web things: a domain name, and an invitation token (or its whole link)."""

import re
from urllib.parse import urlsplit

from bot.grammar.errors import Bad
from bot.grammar.tokens import Link, Token

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def domain(tok: Token) -> str:
    """`shop.example.com`, also typed as a bare `https://` link; IDNs become punycode."""
    host = _host(tok)
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        host = ""
    labels = host.split(".")
    if (
        len(labels) < 2
        or len(host) > 253
        or not all(_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise Bad(f"{tok.shown} is not a domain name (like shop.example.com).")
    return host


def _host(tok: Token) -> str:
    text = tok.ref.url if isinstance(tok.ref, Link) else tok.text
    host = text
    if "://" in text:
        try:
            parts = urlsplit(text)
            host = parts.hostname or ""
            if parts.port or parts.username or parts.path not in ("", "/") or parts.query:
                raise Bad(f"{tok.shown} is a link; give just the domain, like shop.example.com.")
        except ValueError:
            host = ""
    return host.lower().removesuffix(".")


def invitation_token(tok: Token) -> str:
    """The last part of an invitation link; a whole pasted link works too."""
    text = tok.ref.url if isinstance(tok.ref, Link) else tok.text
    token = text.rstrip("/").rsplit("/", 1)[-1]
    if not _TOKEN.fullmatch(token):
        raise Bad(f"{tok.shown} is not an invitation token (the last part of its link).")
    return token
