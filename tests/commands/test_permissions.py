"""SPEC's permission table, every action x every role, through the use cases."""

import pytest

from billing.errors import LastOwner, NotAllowed, NotFound
from billing.refs import PersonRef
from billing.roles import PERMISSIONS, ROLES, Action
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.grant_access import grant_access
from commands.hand_over import hand_over
from commands.leave_company import leave_company
from commands.list_access import list_access
from commands.revoke_access import revoke_access
from commands.show_company import show_company
from commands.transfer_app import transfer_app
from commands.update_company import update_company
from tests.conftest import NOW, person

# action -> what doing it means here, through a real use case
PERFORM = {
    Action.SEE: lambda uow, me: show_company(uow, actor=me, company="Acme", now=NOW),
    Action.UPDATE_PAYMENT: lambda uow, me: update_company(
        uow, actor=me, company="Acme", email="pay@acme.example", now=NOW
    ),
    Action.GRANT: lambda uow, me: grant_access(
        uow, actor=me, subject=PersonRef(name="newbie"), company="Acme", role="viewer", now=NOW
    ),
    Action.REVOKE_ADMIN: lambda uow, me: revoke_access(
        uow, actor=me, subject=PersonRef(name="adam"), company="Acme", now=NOW
    ),
    Action.REVOKE_MEMBER: lambda uow, me: revoke_access(
        uow, actor=me, subject=PersonRef(name="vera"), company="Acme", now=NOW
    ),
    Action.MANAGE_APPS: lambda uow, me: create_app(
        uow, actor=me, name="new-app", company="Acme", plan="Basic", now=NOW
    ),
    Action.HANDOVER: lambda uow, me: hand_over(
        uow, actor=me, company="Acme", to=PersonRef(name="vera"), now=NOW
    ),
    Action.LEAVE: lambda uow, me: leave_company(uow, actor=me, company="Acme", now=NOW),
    Action.TRANSFER_APP: lambda uow, me: transfer_app(
        uow, actor=me, app="acme-shop", to_company="Other", now=NOW, ttl_hours=72
    ),
}
# Their use cases arrive with the collaboration, billing and notification issues; until then
# the table itself is checked in tests/billing/test_roles.py.
LATER = {Action.RECEIVE_REMINDERS, Action.LINK_CHANNELS}


def _company_with(uow, role):
    operator = person(uow, "olivia", operator=True)
    create_plan(uow, actor=operator, name="Basic", amount_minor=4900, currency="USD", now=NOW)
    owen = person(uow, "owen")
    create_company(uow, actor=owen, name="Acme", now=NOW)
    for name, held in (("adam", "admin"), ("bill", "billing"), ("vera", "viewer"), ("me", role)):
        if name == "me" and role is None:
            continue
        person(uow, name)
        grant_access(
            uow, actor=owen, subject=PersonRef(name=name), company="Acme", role=held, now=NOW
        )
    person(uow, "newbie")
    create_app(uow, actor=owen, name="acme-shop", company="Acme", now=NOW)
    create_company(uow, actor=owen, name="Other", now=NOW)
    if role is not None:  # a transfer asks into a company the asker can see
        grant_access(
            uow, actor=owen, subject=PersonRef(name="me"), company="Other", role="viewer", now=NOW
        )
    return person(uow, "me")


def test_every_action_is_covered():
    assert set(PERFORM) | LATER == set(Action)


@pytest.mark.parametrize("role", [*ROLES, None])
@pytest.mark.parametrize("action", sorted(PERFORM, key=str))
def test_permission_table(uow, action, role):
    me = _company_with(uow, role)
    co_owner_leaves = action is Action.LEAVE and role == "owner"  # owen still owns Acme
    if co_owner_leaves or (role is not None and role in PERMISSIONS[action]):
        PERFORM[action](uow, me)
    else:
        # an owner leaving is refused by the one-owner rule: hand over first
        refused = LastOwner if action is Action.LEAVE else NotAllowed
        expected = NotFound if role is None else refused
        with pytest.raises(expected):
            PERFORM[action](uow, me)


def test_refused_action_changes_nothing(uow):
    me = _company_with(uow, "viewer")
    before = show_company(uow, actor=me, company="Acme", now=NOW)
    with pytest.raises(NotAllowed):
        create_app(uow, actor=me, name="sneaky", company="Acme", now=NOW)
    with pytest.raises(NotAllowed):
        revoke_access(uow, actor=me, subject=PersonRef(name="bill"), company="Acme", now=NOW)
    assert show_company(uow, actor=me, company="Acme", now=NOW) == before
    people = list_access(uow, actor=me, company="Acme").people
    assert ("bill", "billing", "direct") in people
