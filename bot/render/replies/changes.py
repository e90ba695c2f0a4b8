"""Sentences confirming a change: to access, teams, companies, an app's company, invitations."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bot.render.replies.sentences import a, template
from commands.add_team_member import TeamMemberAdded
from commands.create_company import CompanyCreated
from commands.create_team import TeamCreated
from commands.decide_transfer import TransferDecided, transfer_decided_text
from commands.decline_invitation import InvitationDeclined
from commands.grant_access import AccessGranted
from commands.hand_over import HandedOver
from commands.leave_company import CompanyLeft
from commands.remove_team_member import TeamMemberRemoved
from commands.revoke_access import AccessRevoked
from commands.revoke_invitation import InvitationRevoked
from commands.transfer_app import AppMoved, TransferAsked
from commands.update_company import CompanyUpdated


def _granted(r: AccessGranted) -> str:
    was = f" (was {r.previous})" if r.previous else ""
    return f"{r.subject} now has the {r.role} role in {r.company}{was}."


def _company_created(r: CompanyCreated) -> str:
    who = f"{r.owner} is its owner and you are admin" if r.owner else "you own it"
    return f"Created company {r.name} ({r.currency}, {r.timezone}): {who}."


def _company_updated(r: CompanyUpdated) -> str:
    listed = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in r.changes.items()) or "nothing"
    text = f"Updated {r.company}: {listed}."
    if "invoice_email" in r.changes:
        text += (
            f" Each statement of {r.company} will be e-mailed to {r.changes['invoice_email']} "
            "with its PDF when its month closes."
        )
        if r.owners_told:
            text += " Its owners were told."
    return text


def _moved(r: AppMoved) -> str:
    return (
        f"{r.app} now belongs to {r.to_company}: {r.from_company} pays through {r.last_day}, "
        f"{r.to_company} from {r.last_day + timedelta(days=1)}."
    )


def _asked(r: TransferAsked) -> str:
    if r.asked_on is None:
        return f"Asked the owners of {r.to_company} to accept {r.app} (request #{r.id})."
    return (
        f"You already asked the owners of {r.to_company} to accept {r.app} on "
        f"{r.asked_on:%Y-%m-%d} (request #{r.id}); it is still waiting for their answer."
    )


WORDS: dict[type, Callable[[Any], str]] = {
    AccessGranted: _granted,
    AccessRevoked: template("{r.subject} no longer has {r.role} access to {r.company}."),
    TeamCreated: template("Created team {r.name}, with you as an unlimited member."),
    TeamMemberAdded: lambda r: f"{r.person} is now {a(r.access)} member of {r.team}.",
    TeamMemberRemoved: template("Removed {r.person} from {r.team}."),
    CompanyLeft: template("You left {r.company}. Its owners are told."),
    HandedOver: template("{r.to} now owns {r.company}; you are its admin."),
    CompanyCreated: _company_created,
    CompanyUpdated: _company_updated,
    AppMoved: _moved,
    TransferAsked: _asked,
    TransferDecided: transfer_decided_text,
    InvitationRevoked: template("Invitation #{r.id} is withdrawn: its link no longer works."),
    InvitationDeclined: template("You declined invitation #{r.id}; {r.inviter} is told."),
}
