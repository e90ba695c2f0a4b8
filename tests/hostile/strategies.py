"""Hypothesis strategies for hostile input: `/billing` lines made of the real subcommand words
(bot/grammar/entries.py) mixed with random text, and Slack / Stripe request bodies, well
formed and not."""

import json
import re
import string
import time
from urllib.parse import urlencode

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from bot.grammar.entries import ENTRIES
from bot.render.buttons import ACCEPT_INVITATION as ACCEPT
from bot.render.buttons import APPROVE_TRANSFER as APPROVE
from bot.render.buttons import DECLINE_INVITATION as DECLINE
from bot.render.buttons import DECLINE_TRANSFER as REFUSE
from bot.render.buttons import PAY, VIEW_STATEMENT
from commands.handle_stripe_event import HANDLERS
from payments.gateway import KEY


def fuzz(examples: int) -> settings:
    """The same cases on every run (derandomized, no example database), however slow."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


SUBCOMMANDS = [e.name for e in ENTRIES]
WORDS = sorted({w for e in ENTRIES for w in e.name.split()})
OPTION_KEYS = sorted({k for e in ENTRIES for k in re.findall(r"([a-z]+):<?", e.args)})
FLAGS = sorted(
    {f for e in ENTRIES for inner in re.findall(r"\[([a-z|]+)\]", e.args) for f in inner.split("|")}
)
QUOTES = ['"', "“", "”", "„", "'", "‘", "’"]
ESCAPES = [
    "<@U123|x>",
    "<@U123>",
    "<@W0RK3R|bob smith>",
    "<@u123|lower>",
    "<#C123|general>",
    "<#C123>",
    "<#G0PRIV|secret>",
    "<mailto:a@b.c|a@b.c>",
    "<mailto:a@b.c>",
    "<http://x.y|x.y>",
    "<https://shop.example.com>",
    "<!here>",
    "<!channel>",
    "<!subteam^S1|@devs>",
    "<@>",
    "<#>",
    "<>",
    "<|>",
    "<@U1|<@U2|x>>",
    "<mailto:|>",
    "&lt;@U123|x&gt;",
    "&amp;",
    "&lt;",
    "&gt;",
    "<javascript:alert(1)|x>",
]
VALUES = [
    "Acme",
    "acme",
    '"Acme Corp"',
    "“Bakery Blum”",
    "shop",
    "Basic",
    "basic",
    "USD",
    "EUR",
    "JPY",
    "usd",
    "XXX",
    "49",
    "49.00",
    "1,234.50",
    "0.001",
    "-5",
    "−5",
    "1e9",
    "NaN",
    "inf",
    "9" * 19,
    "9" * 40,
    "0",
    "00",
    "2026-11-01",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "2026-11",
    "2026-00",
    "1-1",
    "Europe/Berlin",
    "europe/vienna",
    "UTC",
    "Mars/Olympus",
    "../../etc/passwd",
    "09:00",
    "24:00",
    "9:60",
    "owner",
    "admin",
    "billing",
    "viewer",
    "root",
    "production",
    "staging",
    "prod",
    "trial",
    "on",
    "off",
    "csv",
    "carla@bakery.example",
    "a@b",
    "@dan",
    "@",
    "#billing",
    "#",
    "#12",
    "12",
    "#0",
    str(2**31),
    str(2**63),
    "shop.example.com",
    "http://shop.example.com/path",
    "localhost",
    "-",
    ",",
    ",,",
    "a,b,,c",
    "2718WC6IAu8sh-JjzgCQBziDo76UTgfM",
    "x" * 64,
    "x" * 65,
    "'; DROP TABLE company;--",
    "%s%s%n",
    "{0}",
    "{}",
    "${jndi:ldap://x}",
    "\\",
    "*bold*",
    "`code`",
    "日本",
    "Ünïcødé",
    "🙂",
    "\u200b",
    "\u202e",
    "\x00",
    "\x07",
    "\ufeff",
    "\ud7ff",
    "ǅ",
    "İ",
    "ß",
    "ﬃ",
]
NOISE = st.text(max_size=30) | st.text(string.printable, max_size=30)


def _pair(a: str, b: str) -> str:
    return f"{a}:{b}"


def _quoted(open_: str, inner: str, close: str) -> str:
    return f"{open_}{inner}{close}"


def _word() -> st.SearchStrategy[str]:
    """One word of a line: a subcommand word, a flag, a value, an escape, an option, a quote."""
    option = st.builds(
        _pair,
        st.sampled_from([*OPTION_KEYS, "http", "mailto", "x", "Company", "ROLE"]),
        st.sampled_from([*VALUES, *ESCAPES, ""]) | NOISE,
    )
    quoted = st.builds(
        _quoted,
        st.sampled_from(QUOTES),
        st.sampled_from(VALUES) | NOISE,
        st.sampled_from([*QUOTES, ""]),
    )
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(FLAGS),
        st.sampled_from(VALUES),
        st.sampled_from(ESCAPES),
        option,
        quoted,
        NOISE,
    )


WORD = _word()
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000", ""])
_SUBCOMMAND = st.sampled_from(SUBCOMMANDS)
_FIRST = st.sampled_from(WORDS)
_WORDS = st.lists(WORD, max_size=10)
_LONG = st.sampled_from([999, 1000, 1001, 5000, 100_000])
_FILLER = st.sampled_from(["x", " ", "“", "<@U1|a> ", "é", "\n", "🙂"])
_PREFIX = st.sampled_from(["", " ", "/billing ", "billing ", "  "])
_RAW_LINE = st.text(max_size=300)
EXAMPLES = st.sampled_from([e.example.split(" ") for e in ENTRIES])
_EDIT = st.tuples(st.integers(0, 3), st.integers(0, 30), WORD)
_EDITS = st.lists(_EDIT, max_size=3)


def die(sides: int) -> st.SearchStrategy[int]:
    return st.integers(0, sides - 1)


@st.composite
def billing_lines(draw: st.DrawFn) -> str:
    """A `/billing` line: usually a real subcommand, then words of every kind; sometimes
    pure noise, or a very long line around and far over the 1,000-character limit."""
    kind = draw(die(10))
    if kind == 0:
        return draw(_RAW_LINE)
    if kind <= 4:  # a help example with a few words replaced, dropped or added
        words = list(draw(EXAMPLES))
        for how, where, word in draw(_EDITS):
            at = where % (len(words) + 1)
            if how == 0:
                words.insert(at, word)
            elif at < len(words) and how == 1:
                del words[at]
            elif at < len(words):
                words[at] = word
        return " ".join(words)
    head = draw(_SUBCOMMAND) if kind > 5 else draw(_FIRST)
    parts = [head]
    for word in draw(_WORDS):
        parts += [draw(SEPARATORS), word]
    line = "".join(parts)
    if draw(die(20)) == 0:  # long lines: near the limit and far over it
        size = draw(_LONG)
        line = (line + " " + draw(_FILLER) * size)[: max(size, len(line))]
    if draw(st.booleans()):
        line = draw(_PREFIX) + line
    return line


LINES = billing_lines()


def _u(text: str) -> str:
    return "U" + text


def mostly(valid: st.SearchStrategy, junk: st.SearchStrategy, odds: int = 6) -> st.SearchStrategy:
    """`valid` most of the time and `junk` one time in `odds`: Slack's ids are well formed, so
    most requests get past the shape check to the handlers."""
    return st.integers(0, odds - 1).flatmap(lambda n: junk if n == odds - 1 else valid)


USERS = mostly(
    st.sampled_from(["UDAN", "UCARLA", "UOLIVIA", "UGUESTG", "UEXTX", "W123"])
    | st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=12).map(_u),
    st.text(max_size=12),
)
TEAMS = mostly(st.sampled_from(["T1", "T1", "T1", "T2"]), st.text(max_size=10))
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)


def _containers(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(children, max_size=4) | st.dictionaries(
        st.text(max_size=10), children, max_size=4
    )


JSON = st.recursive(JSON_SCALARS, _containers, max_leaves=12)
_SHORT = st.text(max_size=8)


def mutate(draw: st.DrawFn, base: dict) -> dict:
    """`base` with some fields dropped or replaced by any JSON value (drawn with `draw`)."""
    out = dict(base)
    for key in list(out):
        choice = draw(die(12))
        if choice == 0:
            del out[key]
        elif choice == 1:
            out[key] = draw(JSON)
    if draw(die(6)) == 0:
        out[draw(_SHORT)] = draw(JSON)
    return out


ACTION_IDS = st.sampled_from(
    [
        ACCEPT,
        DECLINE,
        APPROVE,
        REFUSE,
        VIEW_STATEMENT,
        PAY,
        "statement_earlier",
        "statement_later",
        "open_invite_client",
        "new_company",
        "show_help",
    ]
) | st.text(max_size=12)
ACTION_VALUES = st.one_of(
    st.integers(-3, 40).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1:2026-11",
            "1:",
            ":2026-11",
            "1:2026-13",
            "1:../x",
            "1:2026-11 csv",
            '1:"x"',
            str(2**31),
            str(2**63),
            "9" * 30,
            "²",
            "١٢",
            "1e3",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "²:2026-11",
            "9" * 30 + ":2026-11",
        ]
    ),
    st.text(max_size=20),
)
FORM = "application/x-www-form-urlencoded"
_CHANNELS = mostly(st.sampled_from(["C1", "D1", "G1"]), st.text(max_size=8))
_COMMANDS = st.sampled_from(["/billing", "/billing", "/billing", "/other", ""])
_TRIGGER = mostly(
    st.from_regex(r"\A[0-9]{1,10}\.[0-9]{1,6}\.[0-9a-f]{1,8}\Z"),
    st.text(string.digits + ".", max_size=12),
)
_COMMAND_FIELDS = st.sets(
    st.sampled_from(
        ["team_id", "channel_id", "user_id", "user_name", "command", "text", "response_url"]
    ),
    max_size=3,
)
_FIELD_TEXT = st.text(max_size=20)
_CALLBACKS = st.sampled_from(["invite_client", "new_company"]) | st.text(max_size=8)
_EVENT_TYPES = st.sampled_from(
    ["app_mention", "message", "app_home_opened", "reaction_added"]
) | st.text(max_size=10)
_EVENT_CHANNELS = mostly(st.sampled_from(["C1", "D1"]), st.text(max_size=6))
_CHANNEL_TYPES = st.sampled_from(["im", "channel", "group"])
_OUTER_TYPES = st.sampled_from(["event_callback", "event_callback", "url_verification"])
_EVENT_IDS = st.text(string.ascii_uppercase + string.digits, max_size=10)
_CHALLENGE = st.text(max_size=20)
_BYTES = st.binary(max_size=300)
_TEXT_BODY = st.text(max_size=200)
_CONTENT_TYPES = st.sampled_from(
    [
        FORM,
        "application/json",
        "text/plain",
        "",
        "application/json; charset=utf-8",
        "multipart/form-data",
    ]
)


@st.composite
def slack_bodies(draw: st.DrawFn, respond_url: str) -> tuple[bytes, str]:
    """(raw body, content type): a slash command, a button or form, an Events API envelope,
    or junk; mostly well formed, with random or mutated fields."""
    kind = draw(die(10))
    if kind <= 3:  # a slash command with any text
        fields = {
            "token": "legacy",
            "team_id": draw(TEAMS),
            "team_domain": "agency",
            "channel_id": draw(_CHANNELS),
            "channel_name": "billing",
            "user_id": draw(USERS),
            "user_name": draw(_SHORT),
            "command": draw(_COMMANDS),
            "text": draw(LINES),
            "api_app_id": "A1",
            "response_url": respond_url,
            "trigger_id": draw(_TRIGGER),
        }
        if kind == 3:  # some fields gone or changed
            for key in sorted(draw(_COMMAND_FIELDS)):
                if draw(st.booleans()):
                    del fields[key]
                else:
                    fields[key] = draw(_FIELD_TEXT)
        return urlencode(fields).encode(), FORM
    if kind <= 5:  # block_actions / view_submission
        action = {
            "action_id": draw(ACTION_IDS),
            "block_id": "b",
            "type": "button",
            "value": draw(ACTION_VALUES),
            "action_ts": "1",
        }
        payload = {
            "type": "block_actions",
            "team": {"id": draw(TEAMS)},
            "user": {"id": draw(USERS)},
            "api_app_id": "A1",
            "trigger_id": "1.1",
            "response_url": respond_url,
            "container": {"type": "message"},
            "channel": {"id": "D1"},
            "actions": [action],
        }
        if kind == 5:
            values = {
                block: {"value": {"type": "plain_text_input", "value": draw(JSON_SCALARS)}}
                for block in ("user", "email", "apps", "company", "plan", "name", "currency")
            }
            payload = {
                "type": "view_submission",
                "team": {"id": draw(TEAMS)},
                "user": {"id": draw(USERS)},
                "api_app_id": "A1",
                "view": {
                    "id": "V1",
                    "type": "modal",
                    "callback_id": draw(_CALLBACKS),
                    "app_installed_team_id": draw(TEAMS),
                    "state": {"values": values},
                },
            }
        payload = mutate(draw, payload) if draw(die(4)) == 0 else payload
        text = json.dumps(payload)
        if draw(die(10)) == 0:  # not JSON, or cut short
            text = text[: draw(st.integers(0, len(text)))]
        return urlencode({"payload": text}).encode(), FORM
    if kind <= 7:  # Events API
        event = {
            "type": draw(_EVENT_TYPES),
            "user": draw(USERS),
            "channel": draw(_EVENT_CHANNELS),
            "channel_type": draw(_CHANNEL_TYPES),
            "text": draw(LINES),
            "ts": "1700000000.000100",
            "tab": "home",
        }
        event = mutate(draw, event) if draw(st.booleans()) else event
        outer = {
            "type": draw(_OUTER_TYPES),
            "team_id": draw(TEAMS),
            "api_app_id": "A1",
            "event": event,
            "event_id": "Ev" + draw(_EVENT_IDS),
            "event_time": int(time.time()),
            "challenge": draw(_CHALLENGE),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        outer = mutate(draw, outer) if draw(die(3)) == 0 else outer
        text = json.dumps(draw(JSON) if draw(die(6)) == 0 else outer)
        return text.encode(), "application/json"
    # any bytes, or any text, with any content type
    body = draw(_BYTES) if kind == 8 else draw(_TEXT_BODY).encode("utf-8", "surrogatepass")
    return body, draw(_CONTENT_TYPES)


STRIPE_TYPES = st.sampled_from(
    [*sorted(HANDLERS), "invoice.paid", "charge.succeeded", "customer.created"]
) | st.text(max_size=20)


_KEYS = (
    st.sampled_from(["1:2026-10", "1:2026-11", "999:2026-10", "x:y", ":", "1", "", "1:"])
    | st.builds(_pair, _SHORT, _SHORT)
    | st.sampled_from([f"{2**63}:2026-10", "9" * 30 + ":2026-10", "-1:2026-10", "²:x"])
)
_OBJECT_IDS = st.sampled_from(["pi_1", "cs_1", "seti_1", "pm_1", "cus_1"]) | st.text(max_size=12)
_OBJECTS = st.sampled_from(["payment_intent", "checkout.session", "customer", "payment_method"])
_STATUSES = st.sampled_from(["succeeded", "processing", "requires_payment_method"])
_MODES = st.sampled_from(["setup", "payment"])
_CUSTOMERS = st.sampled_from(["cus_1", None, ""]) | st.text(max_size=6)
_STRIPE_IDS = st.text(string.ascii_letters + string.digits + "_", max_size=30)


@st.composite
def stripe_bodies(draw: st.DrawFn) -> bytes:
    """A Stripe event (maybe mutated), any JSON, or any bytes."""
    kind = draw(die(10))
    if kind == 0:
        return draw(_BYTES)
    if kind == 1:
        return json.dumps(draw(JSON)).encode()
    obj = {
        "id": draw(_OBJECT_IDS),
        "object": draw(_OBJECTS),
        "status": draw(_STATUSES),
        "mode": draw(_MODES),
        "customer": draw(_CUSTOMERS),
        "metadata": {KEY: draw(_KEYS)},
    }
    event = {
        "id": "evt_" + draw(_STRIPE_IDS),
        "object": "event",
        "api_version": "2026-10-28",
        "created": int(time.time()),
        "data": {"object": mutate(draw, obj) if draw(st.booleans()) else obj},
        "livemode": False,
        "type": draw(STRIPE_TYPES),
    }
    if draw(die(4)) == 0:
        event = mutate(draw, event)
    if draw(die(4)) == 0:
        event["data"] = draw(JSON)
    return json.dumps(event).encode()
