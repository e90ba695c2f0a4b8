"""`/billing channel link|unlink` and `/billing reminders`: parsing, help and replies."""

import pytest

from billing.refs import ChannelRef, PersonRef
from bot.answer import answer
from bot.grammar import UsageError, help_text, parse, usage_of
from bot.grammar.entries import ENTRIES
from bot.render.blocks import reply_blocks
from commands.create_company import create_company
from commands.grant_access import grant_access
from commands.link_channel import LinkChannel
from commands.set_reminders import SetReminders
from commands.show_reminders import ShowReminders
from commands.unlink_channel import UnlinkChannel
from tests.conftest import NOW, person

VALID: list[tuple[str, object]] = [
    ("channel link Acme", LinkChannel("Acme")),
    ('Channel LINK "Acme Corp" #billing', LinkChannel("Acme Corp", ChannelRef(name="billing"))),
    (
        "channel link Acme <#C0123ABC|billing>",
        LinkChannel("Acme", ChannelRef(channel_id="C0123ABC", name="billing")),
    ),
    ("channel link Acme <#G0PRIVATE>", LinkChannel("Acme", ChannelRef(channel_id="G0PRIVATE"))),
    ("channel unlink “Acme Corp”", UnlinkChannel("Acme Corp")),
    ("reminders Acme", ShowReminders("Acme")),
    ("reminders 'Acme Corp'", ShowReminders("Acme Corp")),
    ("reminders Acme off", SetReminders("Acme", on=False)),
    ("reminders Acme ON", SetReminders("Acme", on=True)),
    ("reminders Acme days:1", SetReminders("Acme", days=1)),
    ("reminders Acme days:28", SetReminders("Acme", days=28)),
    ("reminders Acme time:9:05", SetReminders("Acme", time="09:05")),
    ("reminders Acme time:23:59", SetReminders("Acme", time="23:59")),
    ("reminders Acme time:00:00", SetReminders("Acme", time="00:00")),
    (
        'reminders "Acme Corp" on time:08:30 DAYS:5',
        SetReminders("Acme Corp", on=True, days=5, time="08:30"),
    ),
]

BAD: list[tuple[str, str]] = [
    ("channel", "What should I do with channel? One of: link, unlink."),
    ("channel frob Acme", "Unknown subcommand “channel frob”."),
    ("channel link", "Missing <company>."),
    ("channel link Acme billing", "is not a channel"),
    ("channel link Acme <@U0ALICE|alice>", "is not a channel"),
    ("channel link Acme #billing #other", "Unexpected “#other”"),
    ("channel unlink Acme #billing", "Unexpected “#billing”"),
    ("reminders", "Missing <company>."),
    ("reminders Acme days:0", "1 to 28 days before the charge day, not 0"),
    ("reminders Acme days:29", "1 to 28 days before the charge day, not 29"),
    ("reminders Acme days:x", "“x” is not a number of days (1 to 28)"),
    ("reminders Acme days:-3", "is not a number of days"),
    ("reminders Acme days:3.5", "is not a number of days"),
    ("reminders Acme days:", "days: needs a value"),
    ("reminders Acme time:25:00", "“25:00” is not a time of day"),
    ("reminders Acme time:12:60", "is not a time of day"),
    ("reminders Acme time:0900", "is not a time of day"),
    ("reminders Acme time:9am", "is not a time of day"),
    ("reminders Acme every:3", "Unknown option “every:” for reminders"),
    ("reminders Acme on off", "Give on or off, not both."),
    ("reminders Acme off off", "is given twice"),
    ("reminders Acme days:3 days:4", "The option days: is given twice."),
    ("reminders Acme Corp", "Unexpected “Corp”"),
]


@pytest.mark.parametrize(("line", "expected"), VALID)
def test_valid_lines(line: str, expected: object) -> None:
    assert parse(line) == expected


@pytest.mark.parametrize(("line", "phrase"), BAD)
def test_bad_lines_answer_the_reason_and_the_usage(line: str, phrase: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse(line)
    assert phrase in caught.value.reason
    assert "\n" not in caught.value.reason
    first = line.split()[0]
    assert caught.value.usage.startswith(f"/billing {first}")


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.group == "notifications"])
def test_help_examples_parse(entry) -> None:
    assert isinstance(parse(entry.example), LinkChannel | UnlinkChannel | SetReminders)


def test_help_topic_lists_channels_and_reminders_for_clients() -> None:
    for topic in ("notifications", "channel", "reminders"):
        text = help_text(topic, "client")
        for name in ("channel link", "channel unlink", "reminders"):
            assert usage_of(name) in text
        assert "type # and pick one" in text
    assert "Channels and reminders" in help_text(None, "client")


# ---------------------------------------------------------------- replies


@pytest.fixture
def dan(uow):
    """Dan owns Acme Corp (Europe/Berlin); vera only views it."""
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme Corp", timezone="Europe/Berlin", now=NOW)
    person(uow, "vera")
    grant_access(
        uow, actor=dan, subject=PersonRef(name="vera"), company="Acme Corp", role="viewer", now=NOW
    )
    return dan


def _reply(uow, actor, line: str, channel_id: str | None = None) -> str:
    return answer(line, uow=uow, actor=actor, now=NOW, channel_id=channel_id).text


def _current(uow, actor) -> str:
    return _reply(uow, actor, 'reminders "Acme Corp"')


def test_link_here_and_unlink(uow, dan):
    assert _reply(uow, dan, 'channel link "Acme Corp"', channel_id="C0HERE") == (
        "Reminders and statements for Acme Corp now go to <#C0HERE>."
    )
    assert _reply(uow, dan, "channel link acme-corp <#C0HERE|general>") == (
        "Reminders and statements for Acme Corp already go to <#C0HERE>."
    )
    assert _reply(uow, dan, 'channel unlink "Acme Corp"') == (
        "Reminders and statements for Acme Corp now go by direct message to its owners, "
        "admins and billing people."
    )


@pytest.mark.parametrize(
    ("line", "channel_id", "phrase"),
    [
        ('channel link "Acme Corp"', None, "There is no channel here: name the channel"),
        ('channel link "Acme Corp"', "D0DIRECT", "A direct message can't be linked"),
        ('channel link "Acme Corp" #billing', "C0HERE", "which channel #billing is"),
    ],
)
def test_link_without_a_usable_channel_asks_for_one(uow, dan, line, channel_id, phrase):
    reply = _reply(uow, dan, line, channel_id=channel_id)
    assert phrase in reply
    assert reply.endswith(f"Usage: {usage_of('channel link')}")
    assert "by direct message" in _current(uow, dan)


def test_show_and_change_reminders(uow, dan):
    assert _current(uow, dan) == (
        "Reminders for Acme Corp: on, 3 days before the charge day, at 09:00 Europe/Berlin, "
        "by direct message to its owners, admins and billing people."
    )
    _reply(uow, dan, 'channel link "Acme Corp" <#C0BILL|billing>')
    assert _reply(uow, dan, 'reminders "Acme Corp" days:1 time:7:15') == (
        "Saved. Reminders for Acme Corp: on, 1 day before the charge day, at 07:15 "
        "Europe/Berlin, to <#C0BILL>."
    )
    assert _reply(uow, dan, 'reminders "Acme Corp" off') == (
        "Saved. Reminders for Acme Corp: off (when on: 1 day before the charge day, at 07:15 "
        "Europe/Berlin, to <#C0BILL>)."
    )


@pytest.mark.parametrize(
    "line",
    [
        'reminders "Acme Corp" days:0',
        'reminders "Acme Corp" days:x',
        'reminders "Acme Corp" days:5 time:25:00',
        'reminders "Acme Corp" off when:later',
    ],
)
def test_bad_input_changes_nothing_and_answers_the_usage(uow, dan, line):
    before = _current(uow, dan)
    assert _reply(uow, dan, line).endswith(f"Usage: {usage_of('reminders')}")
    assert _current(uow, dan) == before


@pytest.mark.parametrize(
    "line",
    [
        'reminders "Acme Corp" off',
        'channel link "Acme Corp" <#C0BILL>',
        'channel unlink "Acme Corp"',
    ],
)
def test_viewers_are_refused_and_nothing_changes(uow, dan, line):
    vera = person(uow, "vera")
    before = _current(uow, dan)
    assert _reply(uow, vera, line, channel_id="C0HERE") == (
        "You can't link channels, set reminders in Acme Corp (you are viewer)."
    )
    assert _current(uow, dan) == before


def test_unknown_and_forbidden_companies_answer_alike(uow, dan):
    erin = person(uow, "erin")
    for who, company in ((dan, "Nowhere"), (erin, "Acme Corp")):
        reply = _reply(uow, who, f'reminders "{company}" days:5')
        assert reply.startswith(f"I can't find a company called “{company}”")
    assert "3 days before" in _current(uow, dan)


def test_channel_links_stay_links_in_blocks() -> None:
    (block,) = reply_blocks("Reminders for A & <B> now go to <#C0BILL>.")
    assert block["text"]["text"] == "Reminders for A &amp; &lt;B&gt; now go to <#C0BILL>."
