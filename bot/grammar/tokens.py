"""The pieces of a `/billing` line: tokens, and what Slack escapes like `<@U1|bob>` stand for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from billing.refs import ChannelRef, PersonRef
from bot.grammar.errors import show

_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{2,}")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S*")


@dataclass(frozen=True)
class Link:
    """A Slack-escaped link: `<http://x.y|x.y>` or `<mailto:a@b.c|a@b.c>`."""

    url: str
    label: str | None = None


@dataclass(frozen=True)
class Token:
    text: str  # the value: a word, the inside of quotes, or the inside of <...>
    key: str | None = None  # lower-cased key of a key:value option
    quoted: bool = False
    escape: bool = False  # a Slack escape <...>
    ref: PersonRef | ChannelRef | Link | None = None  # what a recognised escape stands for

    @property
    def plain(self) -> bool:
        return self.key is None and not self.quoted and not self.escape

    @property
    def value(self) -> str:
        """The value much as typed (quotes dropped), for messages."""
        return f"<{self.text}>" if self.escape else self.text

    @property
    def shown(self) -> str:
        return show(self.value)

    @property
    def typed(self) -> str:
        return f"{self.key}:{self.value}" if self.key is not None else self.value


def unescape(text: str) -> str:
    """Slack sends a typed &, < and > as HTML entities."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def escape_ref(body: str) -> PersonRef | ChannelRef | Link | None:
    """What the inside of `<...>` stands for: a person, a channel, a link, or nothing we use."""
    target, _, label = body.partition("|")
    name = unescape(label).strip().lstrip("@#") or None
    if target.startswith("@") and _USER_ID.fullmatch(target[1:]):
        return PersonRef(user_id=target[1:], name=name)
    if target.startswith("#") and _CHANNEL_ID.fullmatch(target[1:]):
        return ChannelRef(channel_id=target[1:], name=name)
    if _URL.fullmatch(target):
        return Link(target, unescape(label).strip() or None)
    return None  # `<!here>`, `<!subteam^S1|@devs>` and the like
