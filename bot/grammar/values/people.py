"""Readers of who and where: e-mail addresses, Slack users, teams as subjects, channels."""

import re

from billing.names import is_email
from billing.refs import ChannelRef, PersonRef, TeamRef
from bot.grammar.errors import Bad, show
from bot.grammar.tokens import Link, Token
from bot.grammar.values.names import name

_CHANNEL_NAME = re.compile(r"#[^\s<>|@#:]{1,80}")


def email(tok: Token) -> str:
    """An address, typed or as Slack's `<mailto:...>` link, lower-cased."""
    text = tok.text
    if tok.escape:
        url = tok.ref.url if isinstance(tok.ref, Link) else ""
        if not url.lower().startswith("mailto:"):
            raise Bad(f"{tok.shown} is not an e-mail address.")
        text = url[len("mailto:") :].split("?")[0]
    if not is_email(text):
        raise Bad(f"{show(text)} is not an e-mail address.")
    return text.lower()


def person(tok: Token, *, email_ok: bool = False) -> PersonRef:
    """A Slack user (`<@U1|alice>`, `@alice`), or with `email_ok` also an e-mail address."""
    if isinstance(tok.ref, PersonRef):
        return tok.ref
    if email_ok and (isinstance(tok.ref, Link) or (not tok.escape and "@" in tok.text[1:])):
        return PersonRef(email=email(tok))
    typed = " ".join(tok.text[1:].split())
    if tok.escape or not tok.text.startswith("@") or not typed:
        either = " or give an e-mail address" if email_ok else ""
        raise Bad(f"{tok.shown} is not a Slack user: mention them, like @alice{either}.")
    if len(typed) > 80 or any(ch in "@<>|" for ch in typed):
        raise Bad(f"{tok.shown} is not a Slack user name.")
    return PersonRef(name=typed)


def person_or_email(tok: Token) -> PersonRef:
    return person(tok, email_ok=True)


def subject(tok: Token) -> PersonRef | TeamRef:
    """Who gets or loses access: a person, or a team given as `team:<name>`."""
    return TeamRef(name(tok, "team")) if tok.key == "team" else person(tok)


def channel(tok: Token) -> ChannelRef:
    """`<#C123|billing>` as Slack sends a picked channel; a typed `#billing` only by name."""
    if isinstance(tok.ref, ChannelRef):
        return tok.ref
    if tok.plain and _CHANNEL_NAME.fullmatch(tok.text):
        return ChannelRef(name=tok.text[1:].lower())
    raise Bad(f"{tok.shown} is not a channel: type # and pick one, like #billing.")
