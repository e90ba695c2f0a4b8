"""The role rules on their own: the table as SPEC writes it, effective roles, invariants."""

import pytest

from billing.errors import LastOwner, NotAllowed, OwnRole
from billing.roles import (
    PERMISSIONS,
    ROLES,
    Action,
    allowed,
    effective_role,
    require_an_owner_remains,
    require_can_assign,
    require_not_self,
)

# SPEC.md "Who may do what", row by row: owner, admin, billing, viewer
SPEC_TABLE = {
    Action.SEE: "yyyy",
    Action.RECEIVE_REMINDERS: "yyyn",
    Action.UPDATE_PAYMENT: "yyyn",
    Action.GRANT: "yynn",
    Action.REVOKE_ADMIN: "ynnn",
    Action.REVOKE_MEMBER: "yynn",
    Action.MANAGE_APPS: "yynn",
    Action.LINK_CHANNELS: "yynn",
    Action.LEAVE: "nyyy",
    Action.HANDOVER: "ynnn",
    Action.TRANSFER_APP: "ynnn",
}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("index", range(4))
def test_table_matches_spec(action, index):
    assert allowed(ROLES[index], action) == (SPEC_TABLE[action][index] == "y")
    assert (ROLES[index] in PERMISSIONS[action]) == (SPEC_TABLE[action][index] == "y")


@pytest.mark.parametrize("action", list(Action))
def test_no_role_may_do_nothing(action):
    assert not allowed(None, action)


@pytest.mark.parametrize(
    ("direct", "teams", "expected"),
    [
        (None, [], None),
        ("viewer", [], "viewer"),
        (None, ["billing"], "billing"),
        ("viewer", ["admin", "billing"], "admin"),
        ("owner", ["viewer"], "owner"),
    ],
)
def test_effective_role_is_the_strongest(direct, teams, expected):
    assert effective_role(direct, teams) == expected


def test_invariants():
    with pytest.raises(OwnRole):
        require_not_self(7, 7)
    require_not_self(7, 8)
    with pytest.raises(LastOwner):
        require_an_owner_remains(0, "Acme")
    require_an_owner_remains(1, "Acme")
    with pytest.raises(NotAllowed):
        require_can_assign("admin", "owner", "Acme")
    require_can_assign("owner", "owner", "Acme")
    require_can_assign("admin", "billing", "Acme")
