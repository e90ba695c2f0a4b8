"""From the text of a `/billing` slash command to one typed request; pure, no I/O.

Three steps: `tokenize` splits the line (quotes, Slack escapes, key:value options),
`_collect` sorts the tokens into positionals, options and flags following the subcommand's
entry in `bot.help.ENTRIES`, and a builder turns them into a request from `bot.requests`.
Anything wrong is a `UsageError` with a one-line reason and the subcommand's usage.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TypeVar
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from billing.errors import Invalid
from billing.money import normalize_currency, parse_amount
from billing.names import clean_name
from billing.periods import Month
from billing.refs import ChannelRef, PersonRef, TeamRef, record_id
from billing.reminders import check_time, parse_days
from bot import requests as rq
from bot.help import ENTRIES, Entry, group_usage, help_text, usage_of

__all__ = ["Link", "Token", "UsageError", "help_text", "parse", "tokenize", "usage_of"]

MAX_LINE = 1000
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
GENERAL_USAGE = "/billing help [<topic>]   (lists every subcommand)\n/billing companies"


class UsageError(Exception):
    """What was wrong with the line (one line) and how the subcommand is used."""

    def __init__(self, reason: str, usage: str) -> None:
        self.reason = " ".join(reason.split())
        self.usage = usage
        super().__init__(f"{self.reason}\nUsage: {usage}")


class _Bad(Exception):
    """A reason without usage yet; `parse` adds the usage of the subcommand at hand."""

    def __init__(self, reason: str, usage: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.usage = usage


def _show(text: str) -> str:
    """The user's text in quotes, on one line and short enough for a reply."""
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= 40 else flat[:40] + '…'}”"


# ---------------------------------------------------------------- tokens

_DOUBLE = '"“”„'  # any of them closes any of them
_SINGLE_OPEN, _SINGLE_CLOSE = "'‘", "'’‘"  # closes only before a space or the end
_KEY = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):")
_SCHEMES = {"http", "https", "mailto"}  # `https://x.y` is a value, not an option
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
        return _show(self.value)

    @property
    def typed(self) -> str:
        return f"{self.key}:{self.value}" if self.key is not None else self.value


def _unescape(text: str) -> str:
    """Slack sends a typed &, < and > as HTML entities."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def tokenize(line: str) -> list[Token]:
    """Split at whitespace; quotes group words; `<...>` is a Slack escape; `key:` an option."""
    tokens: list[Token] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i].isspace():
            i += 1
        if i >= n:
            return tokens
        key = None
        match = _KEY.match(line, i)
        if match and match[1].lower() not in _SCHEMES:
            key, i = match[1].lower(), match.end()
        token, i = _read_value(line, i, key)
        tokens.append(token)


def _read_value(line: str, i: int, key: str | None) -> tuple[Token, int]:
    n = len(line)
    if i < n and (line[i] in _DOUBLE or line[i] in _SINGLE_OPEN):
        end = _closing_quote(line, i)
        _space_after(line, end + 1)
        text = " ".join(line[i + 1 : end].split())
        return Token(_unescape(text), key, quoted=True), end + 1
    if i < n and line[i] == "<" and (end := line.find(">", i)) != -1:
        _space_after(line, end + 1)
        body = line[i + 1 : end]
        return Token(body, key, escape=True, ref=_escape_ref(body)), end + 1
    start = i
    while i < n and not line[i].isspace():
        i += 1
    return Token(_unescape(line[start:i]), key), i


def _closing_quote(line: str, start: int) -> int:
    if line[start] in _DOUBLE:
        found = [j for j in range(start + 1, len(line)) if line[j] in _DOUBLE][:1]
    else:
        found = [
            j
            for j in range(start + 1, len(line))
            if line[j] in _SINGLE_CLOSE and (j + 1 == len(line) or line[j + 1].isspace())
        ][:1]
    if not found:
        raise _Bad(f"Unclosed quote in {_show(line[start:])}: add the closing quote.")
    return found[0]


def _space_after(line: str, i: int) -> None:
    if i < len(line) and not line[i].isspace():
        raise _Bad(f"Put a space before {_show(line[i:].split()[0])}.")


def _escape_ref(body: str) -> PersonRef | ChannelRef | Link | None:
    target, _, label = body.partition("|")
    name = _unescape(label).strip().lstrip("@#") or None
    if target.startswith("@") and _USER_ID.fullmatch(target[1:]):
        return PersonRef(user_id=target[1:], name=name)
    if target.startswith("#") and _CHANNEL_ID.fullmatch(target[1:]):
        return ChannelRef(channel_id=target[1:], name=name)
    if _URL.fullmatch(target):
        return Link(target, _unescape(label).strip() or None)
    return None  # `<!here>`, `<!subteam^S1|@devs>` and the like: nothing we use


# ---------------------------------------------------------------- specs from the table


@dataclass(frozen=True)
class _Slot:
    label: str  # "<app>"
    required: bool
    keys: tuple[str, ...] = ()  # `team:<x>` may fill `<@user|team:<team>>`


@dataclass(frozen=True)
class _Option:
    key: str
    label: str  # "company:<company>"
    required: bool


@dataclass(frozen=True)
class _Spec:
    slots: tuple[_Slot, ...]
    options: dict[str, _Option]
    flags: frozenset[str]
    together: tuple[tuple[str, ...], ...]  # options given all or none


def _items(text: str) -> list[str]:
    """Split a usage text at spaces outside <...> and [...]."""
    items: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text + " "):
        depth += (ch in "<[") - (ch in ">]")
        if ch == " " and depth == 0:
            items += [text[start:i]] if i > start else []
            start = i + 1
    return items


def _spec(args: str) -> _Spec:
    slots: list[_Slot] = []
    options: dict[str, _Option] = {}
    flags: set[str] = set()
    together: list[tuple[str, ...]] = []
    for item in _items(args):
        optional = item.startswith("[")
        inner = item[1:-1] if optional else item
        parts = _items(inner)
        keys = [m[1] for m in map(_KEY.match, parts) if m]
        if len(keys) == len(parts):
            options |= {k: _Option(k, p, not optional) for k, p in zip(keys, parts, strict=True)}
            together += [tuple(keys)] if len(keys) > 1 else []
        elif optional and re.fullmatch(r"[a-z]+(\|[a-z]+)*", inner):
            flags |= set(inner.split("|"))
        else:
            slots.append(_Slot(inner, not optional, tuple(re.findall(r"([a-z]+):<", inner))))
    return _Spec(tuple(slots), options, frozenset(flags), tuple(together))


# ---------------------------------------------------------------- arguments


@dataclass
class _Args:
    positional: list[Token] = field(default_factory=list)
    options: dict[str, Token] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def req(self, index: int) -> Token:
        return self.positional[index]

    def pos(self, index: int) -> Token | None:
        return self.positional[index] if index < len(self.positional) else None


def _collect(name: str, spec: _Spec, tokens: list[Token]) -> _Args:
    args = _Args()
    needed = sum(slot.required for slot in spec.slots)
    slot_keys = {key for slot in spec.slots for key in slot.keys}
    for tok in tokens:
        if tok.key is not None and not tok.text and not tok.escape:
            raise _Bad(f"{tok.key}: needs a value after the colon.")
        if tok.key is not None and tok.key not in slot_keys:
            if tok.key not in spec.options:
                raise _Bad(
                    f"Unknown option “{tok.key}:” for {name} (put a name that has a colon in"
                    " quotes)."
                )
            if tok.key in args.options:
                raise _Bad(f"The option {tok.key}: is given twice.")
            args.options[tok.key] = tok
        elif tok.plain and tok.text.lower() in spec.flags and len(args.positional) >= needed:
            if tok.text.lower() in args.flags:
                raise _Bad(f"{tok.shown} is given twice.")
            args.flags.add(tok.text.lower())
        else:
            args.positional.append(tok)
    _check_counts(name, spec, args)
    return args


def _check_counts(name: str, spec: _Spec, args: _Args) -> None:
    if len(args.positional) > len(spec.slots):
        extra = args.positional[len(spec.slots)].shown
        if not spec.slots:
            raise _Bad(f"Unexpected {extra}: {name} takes no arguments.")
        raise _Bad(f'Unexpected {extra} (put a name with spaces in quotes, like "Acme Corp").')
    for slot in spec.slots[len(args.positional) :]:
        if slot.required:
            raise _Bad(f"Missing {slot.label}.")
    for option in spec.options.values():
        if option.required and option.key not in args.options:
            raise _Bad(f"Missing {option.label}.")
    for keys in spec.together:
        missing = [k for k in keys if k not in args.options]
        if missing and len(missing) < len(keys):
            listed = ", ".join(f"{k}:" for k in keys)
            raise _Bad(f"{listed} go together: give all of them or none (missing {missing[0]}:).")


# ---------------------------------------------------------------- values

T = TypeVar("T")

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_METRIC = re.compile(r"[a-z0-9_-]{1,40}")
_COUNT = re.compile(r"[0-9]{1,19}")
_ENVIRONMENTS = {
    "production": "production",
    "prod": "production",
    "staging": "staging",
    "stage": "staging",
}
_ROLES = ("owner", "admin", "billing", "viewer")
_TEAM_ACCESS = ("unlimited", "limited")


def _opt(args: _Args, key: str, read: Callable[[Token], T]) -> T | None:
    tok = args.options.get(key)
    return None if tok is None else read(tok)


def _name(tok: Token, what: str = "name") -> str:
    if tok.escape:
        raise _Bad(f"{tok.shown} is a Slack mention or link, not a {what}.")
    try:
        return clean_name(tok.text, what)
    except Invalid as error:
        raise _Bad(error.message) from None


def _namer(what: str) -> Callable[[Token], str]:
    return lambda tok: _name(tok, what)


def _email(tok: Token) -> str:
    text = tok.text
    if tok.escape:
        url = tok.ref.url if isinstance(tok.ref, Link) else ""
        if not url.lower().startswith("mailto:"):
            raise _Bad(f"{tok.shown} is not an e-mail address.")
        text = url[len("mailto:") :].split("?")[0]
    if len(text) > 254 or not _EMAIL.fullmatch(text) or len(text.split("@")[0]) > 64:
        raise _Bad(f"{_show(text)} is not an e-mail address.")
    return text.lower()


def _person(tok: Token, *, email_ok: bool = False) -> PersonRef:
    """A Slack user (`<@U1|alice>`, `@alice`), or with `email_ok` also an e-mail address."""
    if isinstance(tok.ref, PersonRef):
        return tok.ref
    if email_ok and (isinstance(tok.ref, Link) or (not tok.escape and "@" in tok.text[1:])):
        return PersonRef(email=_email(tok))
    name = " ".join(tok.text[1:].split())
    if tok.escape or not tok.text.startswith("@") or not name:
        either = " or give an e-mail address" if email_ok else ""
        raise _Bad(f"{tok.shown} is not a Slack user: mention them, like @alice{either}.")
    if len(name) > 80 or any(ch in "@<>|" for ch in name):
        raise _Bad(f"{tok.shown} is not a Slack user name.")
    return PersonRef(name=name)


def _subject(tok: Token) -> PersonRef | TeamRef:
    return TeamRef(_name(tok, "team")) if tok.key == "team" else _person(tok)


def _domain(tok: Token) -> str:
    text = tok.ref.url if isinstance(tok.ref, Link) else tok.text
    host = text
    if "://" in text:
        try:
            parts = urlsplit(text)
            host = parts.hostname or ""
            if parts.port or parts.username or parts.path not in ("", "/") or parts.query:
                raise _Bad(f"{tok.shown} is a link; give just the domain, like shop.example.com.")
        except ValueError:
            host = ""
    host = host.lower().removesuffix(".")
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
        raise _Bad(f"{tok.shown} is not a domain name (like shop.example.com).")
    return host


def _date(tok: Token) -> date:
    if _DATE.fullmatch(tok.text) and not tok.escape:
        try:
            return date(int(tok.text[:4]), int(tok.text[5:7]), int(tok.text[8:]))
        except ValueError:
            pass
    raise _Bad(f"{tok.shown} is not a date (use YYYY-MM-DD).")


def _apps(tok: Token) -> tuple[str, ...]:
    """`app:shop,blog` (or one quoted name with spaces)."""
    names = [tok.text] if tok.quoted else [n for n in tok.text.split(",") if n.strip()]
    if not names:
        raise _Bad("app: needs at least one app name.")
    return tuple(dict.fromkeys(clean(name) for name in names))


def clean(name: str) -> str:
    try:
        return clean_name(name, "app name")
    except Invalid as error:
        raise _Bad(error.message) from None


def _token(tok: Token) -> str:
    """The last part of an invitation link; a whole pasted link works too."""
    text = tok.ref.url if isinstance(tok.ref, Link) else tok.text
    token = text.rstrip("/").rsplit("/", 1)[-1]
    if not _TOKEN.fullmatch(token):
        raise _Bad(f"{tok.shown} is not an invitation token (the last part of its link).")
    return token


def _number(tok: Token) -> int:
    number = record_id(tok.text.lstrip("#"))
    if number is None:
        raise _Bad(f"{tok.shown} is not a number like 12.")
    return number


def _month(tok: Token) -> Month:
    if tok.escape:
        raise _Bad(f"{tok.shown} is not a month (use YYYY-MM).")
    try:
        return Month.parse(tok.text)
    except Invalid as error:
        raise _Bad(error.message) from None


def _currency(tok: Token) -> str:
    try:
        return normalize_currency(tok.text)
    except Invalid as error:
        raise _Bad(error.message) from None


def _amount(tok: Token, currency: str) -> int:
    try:
        return parse_amount(tok.text, currency)
    except Invalid as error:
        raise _Bad(error.message) from None


@cache
def _zones() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def _timezone(tok: Token) -> str:
    zone = _zones().get(tok.text.lower())
    if zone is None:
        raise _Bad(f"{tok.shown} is not a time zone (use an IANA name like Europe/Berlin or UTC).")
    return zone


def _choice(choices: dict[str, str] | tuple[str, ...], what: str) -> Callable[[Token], str]:
    table = choices if isinstance(choices, dict) else {c: c for c in choices}

    def read(tok: Token) -> str:
        value = table.get(tok.text.lower())
        if value is None:
            *others, last = dict.fromkeys(table.values())
            allowed = f"{', '.join(others)} or {last}"
            raise _Bad(f"{tok.shown} is not a {what} (use {allowed}).")
        return value

    return read


def _metric(tok: Token) -> str:
    if not _METRIC.fullmatch(tok.text.lower()):
        raise _Bad(f"{tok.shown} is not a metric name (a-z, 0-9, _ and -, at most 40).")
    return tok.text.lower()


_CHANNEL_NAME = re.compile(r"#[^\s<>|@#:]{1,80}")


def _channel(tok: Token) -> ChannelRef:
    """`<#C123|billing>` as Slack sends a picked channel; a typed `#billing` only by name."""
    if isinstance(tok.ref, ChannelRef):
        return tok.ref
    if tok.plain and _CHANNEL_NAME.fullmatch(tok.text):
        return ChannelRef(name=tok.text[1:].lower())
    raise _Bad(f"{tok.shown} is not a channel: type # and pick one, like #billing.")


def _days(tok: Token) -> int:
    try:
        return parse_days(tok.text)
    except Invalid as error:
        raise _Bad(error.message) from None


def _time(tok: Token) -> str:
    try:
        return check_time(tok.text)
    except Invalid as error:
        raise _Bad(error.message) from None


def _count(tok: Token) -> int:
    if not _COUNT.fullmatch(tok.text) or int(tok.text) >= 2**63:
        raise _Bad(f"{tok.shown} is not a whole number of 0 or more.")
    return int(tok.text)


# ---------------------------------------------------------------- builders

_company, _app, _plan, _team = _namer("company"), _namer("app"), _namer("plan"), _namer("team")
_env = _choice(_ENVIRONMENTS, "environment")


def _company_set(a: _Args) -> rq.Request:
    if not a.options:
        raise _Bad("Nothing to change: give at least one of name:, email:, currency:, tz:.")
    return rq.SetCompany(
        company=_company(a.req(0)),
        name=_opt(a, "name", _company),
        email=_opt(a, "email", _email),
        currency=_opt(a, "currency", _currency),
        timezone=_opt(a, "tz", _timezone),
    )


def _plan_new(a: _Args) -> rq.Request:
    currency = _currency(a.req(2))
    return rq.NewPlan(
        name=_plan(a.req(0)),
        amount_minor=_amount(a.req(1), currency),
        currency=currency,
        environment=_opt(a, "env", _env) or "production",
        metric=_opt(a, "metric", _metric),
        unit_price_minor=_opt(a, "unit", lambda tok: _amount(tok, currency)),
        included=_opt(a, "included", _count),
    )


def _reminders(a: _Args) -> rq.Request:
    company = _company(a.req(0))
    if not a.options and not a.flags:
        return rq.ShowReminders(company)
    if {"on", "off"} <= a.flags:
        raise _Bad("Give on or off, not both.")
    return rq.SetReminders(
        company,
        on=True if "on" in a.flags else False if "off" in a.flags else None,
        days=_opt(a, "days", _days),
        time=_opt(a, "time", _time),
    )


_Builder = Callable[[_Args], rq.Request]

# fmt: off
_BUILDERS: dict[str, _Builder] = {
    "help": lambda a: rq.Help(),  # `parse` reads help topics itself, as free text
    "whoami": lambda a: rq.WhoAmI(),
    "companies": lambda a: rq.ListCompanies(),
    "company": lambda a: rq.ShowCompany(_company(a.req(0))),
    "company new": lambda a: rq.NewCompany(
        name=_company(a.req(0)), email=_opt(a, "email", _email),
        currency=_opt(a, "currency", _currency), timezone=_opt(a, "tz", _timezone),
        owner=_opt(a, "owner", _person),
    ),
    "company set": _company_set,
    "apps": lambda a: rq.ListApps(_opt_pos(a, 0, _company)),
    "app new": lambda a: rq.NewApp(
        name=_app(a.req(0)), company=_company(a.options["company"]),
        environment=_opt(a, "env", _env) or "production", plan=_opt(a, "plan", _plan),
        trial="trial" in a.flags,
    ),
    "app domain": lambda a: rq.SetAppDomain(
        _app(a.req(0)), _domain(a.req(1)), _opt(a, "since", _date)
    ),
    "app plan": lambda a: rq.SetAppPlan(_app(a.req(0)), _plan(a.req(1)), _opt(a, "since", _date)),
    "app delete": lambda a: rq.DeleteApp(_app(a.req(0)), _opt(a, "on", _date)),
    "plans": lambda a: rq.ListPlans(),
    "plan new": _plan_new,
    "teams": lambda a: rq.ListTeams(),
    "team new": lambda a: rq.NewTeam(_team(a.req(0))),
    "team add": lambda a: rq.AddTeamMember(
        _team(a.req(0)), _person(a.req(1)),
        _opt(a, "access", _choice(_TEAM_ACCESS, "team access")) or "unlimited",
    ),
    "team remove": lambda a: rq.RemoveTeamMember(_team(a.req(0)), _person(a.req(1))),
    "grant": lambda a: rq.Grant(
        _subject(a.req(0)), _company(a.options["company"]),
        _choice(_ROLES, "role")(a.options["role"]),
    ),
    "revoke": lambda a: rq.Revoke(_subject(a.req(0)), _company(a.options["company"])),
    "access": lambda a: rq.ShowAccess(_company(a.req(0))),
    "statement": lambda a: rq.ShowStatement(
        _company(a.req(0)), _opt_pos(a, 1, _month), "csv" in a.flags
    ),
    "usage": lambda a: rq.RecordUsage(
        _app(a.req(0)), _metric(a.req(1)), _count(a.req(2)), _opt(a, "on", _date)
    ),
    "mark-paid": lambda a: rq.MarkPaid(_company(a.req(0)), _month(a.req(1))),
    "pay": lambda a: rq.Pay(_company(a.req(0))),
    "channel link": lambda a: rq.LinkChannel(_company(a.req(0)), _opt_pos(a, 1, _channel)),
    "channel unlink": lambda a: rq.UnlinkChannel(_company(a.req(0))),
    "reminders": _reminders,
    "invite-client": lambda a: rq.InviteClient(
        _person(a.req(0), email_ok=True), _apps(a.options["app"]),
        _opt(a, "company", _company), _opt(a, "plan", _plan),
    ),
    "invite": lambda a: rq.Invite(
        _person(a.req(0), email_ok=True), _company(a.options["company"]),
        _choice(_ROLES, "role")(a.options["role"]),
    ),
    "accept": lambda a: rq.Accept(_token(a.req(0)), _opt(a, "email", _email)),
    "invites": lambda a: rq.ListInvites(_opt_pos(a, 0, _company)),
    "revoke-invite": lambda a: rq.RevokeInvite(_number(a.req(0))),
    "resend-invite": lambda a: rq.ResendInvite(_number(a.req(0))),
    "leave": lambda a: rq.Leave(_company(a.req(0))),
    "dismiss": lambda a: rq.Dismiss(_person(a.req(0)), _company(a.options["company"])),
    "handover": lambda a: rq.Handover(_company(a.req(0)), _person(a.options["to"])),
    "transfer": lambda a: rq.Transfer(_app(a.req(0)), _company(a.options["to"])),
    "audit": lambda a: rq.Audit(_company(a.req(0)), _opt(a, "page", _number) or 1),
}
# fmt: on


def _opt_pos(args: _Args, index: int, read: Callable[[Token], T]) -> T | None:
    tok = args.pos(index)
    return None if tok is None else read(tok)


@dataclass(frozen=True)
class _Command:
    entry: Entry
    spec: _Spec
    build: _Builder


def _commands() -> dict[str, _Command]:
    if {e.name for e in ENTRIES} != set(_BUILDERS):
        raise RuntimeError("bot.help.ENTRIES and bot.grammar._BUILDERS disagree")
    return {e.name: _Command(e, _spec(e.args), _BUILDERS[e.name]) for e in ENTRIES}


_COMMANDS = _commands()
_FIRST_WORDS = {name.split()[0] for name in _COMMANDS}


# ---------------------------------------------------------------- parse


def parse(text: str) -> rq.Request:
    """The request a `/billing` line asks for; UsageError (and nothing else) if it is wrong."""
    line = text.strip()
    if not line:
        return rq.Help()
    words = line.split(maxsplit=2)
    usage = _line_usage(words)
    try:
        _check_line(line)
        if words[0].lower() == "help":
            topic = " ".join(_unescape(line[len(words[0]) :]).split()).strip("\"'“”„‘’ ")
            return rq.Help(topic or None)
        command, rest = _select(tokenize(line))
        usage = command.entry.usage
        return command.build(_collect(command.entry.name, command.spec, rest))
    except _Bad as error:
        raise UsageError(error.reason, error.usage or usage) from None


def _check_line(line: str) -> None:
    if len(line) > MAX_LINE:
        raise _Bad(f"That line is too long ({len(line)} characters; at most {MAX_LINE}).")
    for ch in line:
        if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            raise _Bad(f"The line contains an invisible control character (U+{ord(ch):04X}).")


def _line_usage(words: list[str]) -> str:
    """Best guess at the usage to show when the line can't even be split into tokens."""
    first = words[0].lower()
    two = " ".join(w.lower() for w in words[:2])
    if two in _COMMANDS:
        return _COMMANDS[two].entry.usage
    if first in _FIRST_WORDS:
        return group_usage(first)
    return GENERAL_USAGE


def _select(tokens: list[Token]) -> tuple[_Command, list[Token]]:
    head = tokens[0]
    word = head.text.lower() if head.plain else ""
    if word not in _FIRST_WORDS:
        hint = _did_you_mean(head.typed.lower(), _FIRST_WORDS)
        raise _Bad(f"Unknown subcommand {_show(head.typed)}.{hint}")
    if len(tokens) > 1 and tokens[1].plain:
        name = f"{word} {tokens[1].text.lower()}"
        if name in _COMMANDS:
            return _COMMANDS[name], tokens[2:]
    if word in _COMMANDS:
        return _COMMANDS[word], tokens[1:]
    verbs = [name for name in _COMMANDS if name.startswith(word + " ")]
    usage = group_usage(word)
    if len(tokens) == 1:
        listed = ", ".join(name.split()[1] for name in verbs)
        raise _Bad(f"What should I do with {word}? One of: {listed}.", usage)
    name = f"{word} {tokens[1].text}"
    raise _Bad(f"Unknown subcommand {_show(name)}.{_did_you_mean(name.lower(), verbs)}", usage)


def _did_you_mean(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.7)
    return f" Did you mean “{close[0]}”?" if close else ""
