"""The four roles, SPEC's permission table as data, and the rules that guard role changes."""

from collections.abc import Iterable
from enum import StrEnum

from billing.errors import Invalid, LastOwner, NotAllowed, OwnRole

ROLES = ("owner", "admin", "billing", "viewer")  # strongest first
_RANK = {role: rank for rank, role in enumerate(ROLES)}


class Action(StrEnum):
    SEE = "see company, apps, statements, access list"
    RECEIVE_REMINDERS = "receive reminders by DM"
    UPDATE_PAYMENT = "update payment details, invoice e-mail, get pay link"
    GRANT = "invite or grant admin/billing/viewer"
    REVOKE_ADMIN = "revoke or dismiss admin"
    REVOKE_MEMBER = "revoke or dismiss billing/viewer"
    MANAGE_APPS = "create apps, assign plans, add domains, delete apps, record usage"
    LINK_CHANNELS = "link channels, set reminders"
    LEAVE = "leave the company"
    HANDOVER = "hand over company ownership"
    TRANSFER_APP = "move an app to another company"


_ALL = frozenset(ROLES)
_PAYERS = frozenset({"owner", "admin", "billing"})
_MANAGERS = frozenset({"owner", "admin"})
_OWNER = frozenset({"owner"})

PERMISSIONS: dict[Action, frozenset[str]] = {
    Action.SEE: _ALL,
    Action.RECEIVE_REMINDERS: _PAYERS,
    Action.UPDATE_PAYMENT: _PAYERS,
    Action.GRANT: _MANAGERS,
    Action.REVOKE_ADMIN: _OWNER,
    Action.REVOKE_MEMBER: _MANAGERS,
    Action.MANAGE_APPS: _MANAGERS,
    Action.LINK_CHANNELS: _MANAGERS,
    Action.LEAVE: frozenset({"admin", "billing", "viewer"}),
    Action.HANDOVER: _OWNER,
    Action.TRANSFER_APP: _OWNER,  # and owner of the target company too
}


def check_role(role: str) -> str:
    normalized = role.strip().lower()
    if normalized not in _RANK:
        raise Invalid(f"“{role}” is not a role (use owner, admin, billing or viewer).")
    return normalized


def allowed(role: str | None, action: Action) -> bool:
    return role is not None and role in PERMISSIONS[action]


def require(role: str | None, action: Action, company_name: str) -> None:
    if not allowed(role, action):
        held = f"you are {role}" if role else "you have no role there"
        raise NotAllowed(f"You can't {action.value} in {company_name} ({held}).")


def stronger(a: str, b: str) -> bool:
    return _RANK[a] < _RANK[b]


def effective_role(direct: str | None, team_roles: Iterable[str]) -> str | None:
    """The strongest of a person's direct role and the roles their unlimited teams hold."""
    held = [role for role in (direct, *team_roles) if role is not None]
    return min(held, key=_RANK.__getitem__) if held else None


def revoke_action(target_role: str) -> Action:
    """Removing an owner or admin takes an owner; billing and viewer an owner or admin."""
    return Action.REVOKE_ADMIN if target_role in ("owner", "admin") else Action.REVOKE_MEMBER


def require_can_assign(actor_role: str | None, new_role: str, company_name: str) -> None:
    """Granting admin/billing/viewer takes an owner or admin; making an owner takes an owner."""
    action = Action.HANDOVER if new_role == "owner" else Action.GRANT
    if not allowed(actor_role, action):
        held = f"you are {actor_role}" if actor_role else "you have no role there"
        raise NotAllowed(f"You can't give the {new_role} role in {company_name} ({held}).")


def require_not_self(actor_person_id: int, target_person_id: int | None) -> None:
    if actor_person_id == target_person_id:
        raise OwnRole("Nobody changes their own role: ask another owner.")


def require_an_owner_remains(owners_after: int, company_name: str) -> None:
    if owners_after < 1:
        raise LastOwner(
            f"{company_name} must keep at least one owner: hand over ownership first "
            "(`/billing handover`)."
        )
