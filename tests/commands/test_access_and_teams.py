"""Granting and revoking roles, teams connected to companies, and the invariants."""

import pytest

from billing.errors import AlreadyExists, LastOwner, NotAllowed, NotFound, OwnRole
from billing.refs import PersonRef, TeamRef
from bot.render.text import render
from commands.add_team_member import add_team_member
from commands.create_company import create_company
from commands.create_team import create_team
from commands.grant_access import grant_access
from commands.list_access import list_access
from commands.list_teams import list_teams
from commands.remove_team_member import remove_team_member
from commands.revoke_access import revoke_access
from commands.show_company import show_company
from commands.who_am_i import who_am_i
from tests.conftest import NOW, person


@pytest.fixture
def acme(uow):
    owen = person(uow, "owen")
    create_company(uow, actor=owen, name="Acme", now=NOW)
    for name in ("adam", "bill", "erin", "lena"):
        person(uow, name)
    return owen


def grant(uow, actor, who, role, company="Acme"):
    subject = TeamRef(who[5:]) if who.startswith("team:") else PersonRef(name=who)
    return grant_access(uow, actor=actor, subject=subject, company=company, role=role, now=NOW)


def roles(uow, actor, company="Acme"):
    return {name: role for name, role, _ in list_access(uow, actor=actor, company=company).people}


def test_grant_change_and_revoke(uow, acme):
    assert "adam now has the admin role in Acme." in render(
        grant(uow, acme, "adam", "admin"), "developer"
    )
    assert "(was admin)" in render(grant(uow, acme, "adam", "billing"), "developer")
    with pytest.raises(AlreadyExists):
        grant(uow, acme, "adam", "billing")
    revoke_access(uow, actor=acme, subject=PersonRef(name="adam"), company="Acme", now=NOW)
    assert roles(uow, acme) == {"owen": "owner"}


def test_nobody_changes_their_own_role(uow, acme):
    with pytest.raises(OwnRole):
        grant(uow, acme, "owen", "admin")
    with pytest.raises(OwnRole):
        revoke_access(uow, actor=acme, subject=PersonRef(name="owen"), company="Acme", now=NOW)


def test_the_last_owner_stays(uow, acme):
    grant(uow, acme, "adam", "owner")
    adam = person(uow, "adam")
    revoke_access(uow, actor=adam, subject=PersonRef(name="owen"), company="Acme", now=NOW)
    assert roles(uow, adam) == {"adam": "owner"}
    grant(uow, adam, "bill", "admin")
    bill = person(uow, "bill")
    with pytest.raises(NotAllowed):  # an admin may not remove an owner
        revoke_access(uow, actor=bill, subject=PersonRef(name="adam"), company="Acme", now=NOW)


def test_admins_manage_billing_and_viewers_but_not_admins(uow, acme):
    grant(uow, acme, "adam", "admin")
    grant(uow, acme, "erin", "admin")
    adam = person(uow, "adam")
    grant(uow, adam, "bill", "billing")
    grant(uow, adam, "lena", "viewer")
    revoke_access(uow, actor=adam, subject=PersonRef(name="lena"), company="Acme", now=NOW)
    with pytest.raises(NotAllowed):
        revoke_access(uow, actor=adam, subject=PersonRef(name="erin"), company="Acme", now=NOW)
    with pytest.raises(NotAllowed):
        grant(uow, adam, "bill", "owner")
    with pytest.raises(NotAllowed):  # changing an admin's role is removing an admin
        grant(uow, adam, "erin", "viewer")


def test_teams_give_roles_to_unlimited_members_only(uow, acme):
    create_team(uow, actor=acme, name="Web Team", now=NOW)
    add_team_member(uow, actor=acme, team="web team", person=PersonRef(name="erin"), now=NOW)
    add_team_member(
        uow, actor=acme, team="Web Team", person=PersonRef(name="lena"), access="limited", now=NOW
    )
    grant(uow, acme, "team:Web Team", "admin")
    erin, lena = person(uow, "erin"), person(uow, "lena")
    assert roles(uow, acme) == {"owen": "owner", "erin": "admin"}
    assert who_am_i(uow, actor=erin).companies == [("Acme", "admin")]
    with pytest.raises(NotFound):
        show_company(uow, actor=lena, company="Acme", now=NOW)
    grant(uow, acme, "erin", "viewer")  # direct viewer, team admin: the stronger wins
    assert roles(uow, acme)["erin"] == "admin"
    view = list_access(uow, actor=acme, company="Acme")
    assert ("erin", "admin", "direct, team Web Team") in view.people
    assert view.teams == [("Web Team", "admin")]


def test_a_team_holding_the_only_ownership_keeps_a_member(uow, acme):
    create_team(uow, actor=acme, name="Founders", now=NOW)  # owen joins it, unlimited
    grant(uow, acme, "team:Founders", "owner")
    add_team_member(uow, actor=acme, team="Founders", person=PersonRef(name="bill"), now=NOW)
    bill = person(uow, "bill")
    revoke_access(uow, actor=bill, subject=PersonRef(name="owen"), company="Acme", now=NOW)
    assert roles(uow, bill) == {"owen": "owner", "bill": "owner"}
    remove_team_member(uow, actor=bill, team="Founders", person=PersonRef(name="owen"), now=NOW)
    with pytest.raises(LastOwner):
        remove_team_member(uow, actor=bill, team="Founders", person=PersonRef(name="bill"), now=NOW)
    with pytest.raises(LastOwner):
        add_team_member(
            uow,
            actor=bill,
            team="Founders",
            person=PersonRef(name="bill"),
            access="limited",
            now=NOW,
        )
    assert roles(uow, bill) == {"bill": "owner"}


def test_teams_are_for_developers(uow, acme):
    carla = person(uow, "carla", kind="client")
    with pytest.raises(NotAllowed):
        create_team(uow, actor=carla, name="Mine", now=NOW)
    with pytest.raises(NotAllowed):
        list_teams(uow, actor=carla)


def test_slack_mentions_of_new_people_are_recorded(uow, acme):
    subject = PersonRef(user_id="U0NEWCOMER", name="newcomer")
    grant_access(uow, actor=acme, subject=subject, company="Acme", role="billing", now=NOW)
    assert roles(uow, acme)["newcomer"] == "billing"
    with pytest.raises(NotFound):
        grant(uow, acme, "nobody-known", "viewer")
