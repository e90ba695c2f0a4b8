"""Linked channels and reminder settings through their use cases, on both databases."""

import pytest
from sqlmodel import col, select

from billing.errors import Invalid, NotAllowed, NotFound
from billing.refs import ChannelRef, PersonRef
from billing.roles import PERMISSIONS, ROLES, Action
from commands.company_channel import ChannelLink
from commands.create_company import create_company
from commands.grant_access import grant_access
from commands.link_channel import link_channel
from commands.set_reminders import set_reminders
from commands.show_reminders import ReminderSettings, show_reminders
from commands.unlink_channel import unlink_channel
from storage.tables import AuditEvent
from tests.conftest import NOW, person

BILLING = ChannelRef(channel_id="C0BILLING", name="billing")


@pytest.fixture
def dan(uow):
    """Dan owns Acme Corp (Europe/Berlin); vera views it, bill does its billing."""
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme Corp", timezone="Europe/Berlin", now=NOW)
    for name, role in (("vera", "viewer"), ("bill", "billing")):
        person(uow, name)
        grant_access(
            uow, actor=dan, subject=PersonRef(name=name), company="Acme Corp", role=role, now=NOW
        )
    return dan


def _events(uow, prefix="company."):
    with uow:
        rows = uow.session.exec(
            select(AuditEvent)
            .where(col(AuditEvent.action).startswith(prefix))
            .order_by(col(AuditEvent.id))
        ).all()
        return [(e.action, e.detail) for e in rows if e.action != "company.created"]


def _settings(uow, actor, company="Acme Corp"):
    return show_reminders(uow, actor=actor, company=company)


def test_defaults_are_on_three_days_at_nine_by_direct_message(uow, dan):
    vera = person(uow, "vera")
    assert _settings(uow, vera) == ReminderSettings(
        "Acme Corp", True, 3, "09:00", "Europe/Berlin", None, updated=False
    )


def test_link_a_named_channel_and_unlink_it(uow, dan):
    linked = link_channel(uow, actor=dan, company="acme corp", channel=BILLING, now=NOW)
    assert linked == ChannelLink("Acme Corp", "C0BILLING", changed=True)
    assert _settings(uow, dan).channel_id == "C0BILLING"
    unlinked = unlink_channel(uow, actor=dan, company="Acme Corp", now=NOW)
    assert unlinked == ChannelLink("Acme Corp", None, changed=True)
    assert _settings(uow, dan).channel_id is None
    assert _events(uow) == [
        ("company.channel_linked", {"channel_id": "C0BILLING", "replaced": None}),
        ("company.channel_unlinked", {"channel_id": "C0BILLING", "replaced": None}),
    ]


def test_link_without_a_channel_uses_the_one_typed_in(uow, dan):
    linked = link_channel(uow, actor=dan, company="Acme Corp", here="C0HERE", now=NOW)
    assert linked.channel_id == "C0HERE"
    again = link_channel(uow, actor=dan, company="Acme Corp", channel=BILLING, now=NOW)
    assert again.changed
    assert _events(uow)[-1] == (
        "company.channel_linked",
        {"channel_id": "C0BILLING", "replaced": "C0HERE"},
    )


def test_linking_the_same_channel_again_changes_and_records_nothing(uow, dan):
    link_channel(uow, actor=dan, company="Acme Corp", channel=BILLING, now=NOW)
    again = link_channel(uow, actor=dan, company="Acme Corp", here="C0BILLING", now=NOW)
    assert again == ChannelLink("Acme Corp", "C0BILLING", changed=False)
    assert unlink_channel(uow, actor=dan, company="Acme Corp", now=NOW).changed
    assert not unlink_channel(uow, actor=dan, company="Acme Corp", now=NOW).changed
    assert [action for action, _ in _events(uow)] == [
        "company.channel_linked",
        "company.channel_unlinked",
    ]


def test_one_channel_may_serve_several_companies(uow, dan):
    create_company(uow, actor=dan, name="Bakery", now=NOW)
    for company in ("Acme Corp", "Bakery"):
        link_channel(uow, actor=dan, company=company, channel=BILLING, now=NOW)
    assert _settings(uow, dan, "Bakery").channel_id == _settings(uow, dan).channel_id


@pytest.mark.parametrize(
    ("channel", "here", "phrase"),
    [
        (None, None, "There is no channel here"),
        (None, "D0DIRECT", "A direct message can't be linked"),
        (ChannelRef(channel_id="D0DIRECT"), "C0HERE", "A direct message can't be linked"),
        (ChannelRef(name="billing"), "C0HERE", "which channel #billing is"),
    ],
)
def test_link_needs_a_real_channel(uow, dan, channel, here, phrase):
    with pytest.raises(Invalid, match=phrase):
        link_channel(uow, actor=dan, company="Acme Corp", channel=channel, here=here, now=NOW)
    assert _settings(uow, dan).channel_id is None
    assert _events(uow) == []


def test_change_reminder_settings(uow, dan):
    changed = set_reminders(
        uow, actor=dan, company="Acme Corp", days=5, time="8:30", on=False, now=NOW
    )
    assert changed == ReminderSettings(
        "Acme Corp", False, 5, "08:30", "Europe/Berlin", None, updated=True
    )
    assert _settings(uow, dan) == ReminderSettings(
        "Acme Corp", False, 5, "08:30", "Europe/Berlin", None
    )
    set_reminders(uow, actor=dan, company="Acme Corp", on=True, days=5, now=NOW)
    assert _events(uow) == [
        (
            "company.reminders_set",
            {"reminders_on": False, "reminder_days": 5, "reminder_time": "08:30"},
        ),
        ("company.reminders_set", {"reminders_on": True}),
    ]


@pytest.mark.parametrize(
    ("options", "phrase"),
    [
        ({"days": 0}, "1 to 28 days"),
        ({"days": 29}, "1 to 28 days"),
        ({"days": 5, "time": "25:00"}, "not a time of day"),
        ({"time": "9"}, "not a time of day"),
        ({}, "Nothing to change"),
    ],
)
def test_bad_settings_change_nothing(uow, dan, options, phrase):
    before = _settings(uow, dan)
    with pytest.raises(Invalid, match=phrase):
        set_reminders(uow, actor=dan, company="Acme Corp", now=NOW, **options)
    assert _settings(uow, dan) == before
    assert _events(uow) == []


def _link(uow, me):
    return link_channel(uow, actor=me, company="Acme Corp", channel=BILLING, now=NOW)


def _unlink(uow, me):
    return unlink_channel(uow, actor=me, company="Acme Corp", now=NOW)


def _set(uow, me):
    return set_reminders(uow, actor=me, company="Acme Corp", days=7, now=NOW)


@pytest.mark.parametrize("use_case", [_link, _unlink, _set])
@pytest.mark.parametrize("role", [*ROLES, None])
def test_owners_and_admins_link_channels_and_set_reminders(uow, dan, use_case, role):
    me = person(uow, "me")
    if role == "owner":
        me = dan
    elif role is not None:
        grant_access(
            uow, actor=dan, subject=PersonRef(name="me"), company="Acme Corp", role=role, now=NOW
        )
    if role in PERMISSIONS[Action.LINK_CHANNELS]:
        use_case(uow, me)
        return
    with pytest.raises(NotFound if role is None else NotAllowed):
        use_case(uow, me)
    assert _settings(uow, dan) == ReminderSettings(
        "Acme Corp", True, 3, "09:00", "Europe/Berlin", None
    )


def test_strangers_and_other_workspaces_see_no_settings(uow, dan):
    for stranger in (person(uow, "erin"), person(uow, "dan", team="T2")):
        with pytest.raises(NotFound):
            show_reminders(uow, actor=stranger, company="Acme Corp")


def test_operators_see_settings_but_change_them_only_with_a_role(uow, dan):
    olivia = person(uow, "olivia", operator=True)
    assert _settings(uow, olivia).days == 3
    with pytest.raises(NotAllowed):
        _set(uow, olivia)
