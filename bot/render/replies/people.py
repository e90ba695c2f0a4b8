"""Who is who: teams, a company's access list, the asker themselves, the audit log."""

from collections.abc import Callable
from typing import Any

from bot.render.replies.sentences import a
from commands.audit_log import AuditPage
from commands.list_access import AccessView
from commands.list_teams import TeamList
from commands.who_am_i import WhoAmIView


def _value(value: object) -> str:
    """An audit detail as words: yes and no, lists joined; never a Python literal."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value(v)}" for k, v in value.items())
    return str(value)


def _audit(result: AuditPage, audience: str) -> str:
    lines = [f"Audit log of {result.company}, page {result.page} of {result.pages}:"]
    if not result.lines:
        lines.append("Nothing yet.")
    for line in result.lines:
        detail = ", ".join(
            f"{k.replace('_', ' ')} {_value(v)}"
            for k, v in line.detail.items()
            if v not in (None, "")
        )
        lines.append(
            f"• {line.at:%Y-%m-%d %H:%M} {line.who}: {line.action}"
            + (f" ({detail})" if detail else "")
        )
    if result.page < result.pages:
        lines.append(f'Older: `/billing audit "{result.company}" page:{result.page + 1}`')
    return "\n".join(lines)


def _teams(result: TeamList, audience: str) -> str:
    if not result.items:
        return "No teams yet. Start one with `/billing team new <name>`."
    lines = [f"Teams ({len(result.items)}):"]
    for team in result.items:
        members = ", ".join(f"{name} ({access})" for name, access in team.members) or "no members"
        lines.append(f"• {team.name}: {members}")
    return "\n".join(lines)


def _access(result: AccessView, audience: str) -> str:
    lines = [f"Access to {result.company}:"]
    lines += [f"• {name}: {role} ({how})" for name, role, how in result.people]
    if result.teams:
        lines.append("Teams connected: " + ", ".join(f"{t} ({role})" for t, role in result.teams))
    return "\n".join(lines)


def _whoami(result: WhoAmIView, audience: str) -> str:
    kind = "operator" if result.is_operator else result.account_type
    lines = [f"You are {result.name}, {a(kind)}."]
    if result.companies:
        lines.append("Your companies: " + ", ".join(f"{c} ({r})" for c, r in result.companies))
    else:
        lines.append("You have no role in any company yet.")
    return "\n".join(lines)


TEXTS: dict[type, Callable[[Any, str], str]] = {
    TeamList: _teams,
    AccessView: _access,
    WhoAmIView: _whoami,
    AuditPage: _audit,
}
