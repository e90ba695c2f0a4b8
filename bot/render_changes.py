"""Sentences confirming a change to access, teams, companies or an app's company."""

from datetime import timedelta
from functools import singledispatch

from commands.add_team_member import TeamMemberAdded
from commands.create_company import CompanyCreated
from commands.create_team import TeamCreated
from commands.decide_transfer import TransferDecided, transfer_decided_text
from commands.grant_access import AccessGranted
from commands.hand_over import HandedOver
from commands.leave_company import CompanyLeft
from commands.remove_team_member import TeamMemberRemoved
from commands.revoke_access import AccessRevoked
from commands.transfer_app import AppMoved, TransferAsked
from commands.update_company import CompanyUpdated


@singledispatch
def change_sentence(result: object) -> str:
    raise TypeError(f"no sentence for {type(result).__name__}")


@change_sentence.register
def _granted(r: AccessGranted) -> str:
    was = f" (was {r.previous})" if r.previous else ""
    return f"{r.subject} now has the {r.role} role in {r.company}{was}."


@change_sentence.register
def _revoked(r: AccessRevoked) -> str:
    return f"{r.subject} no longer has {r.role} access to {r.company}."


@change_sentence.register
def _team_created(r: TeamCreated) -> str:
    return f"Created team {r.name}, with you as an unlimited member."


@change_sentence.register
def _member_added(r: TeamMemberAdded) -> str:
    return f"{r.person} is now an {r.access} member of {r.team}."


@change_sentence.register
def _member_removed(r: TeamMemberRemoved) -> str:
    return f"Removed {r.person} from {r.team}."


@change_sentence.register
def _left(r: CompanyLeft) -> str:
    return f"You left {r.company}. Its owners are told."


@change_sentence.register
def _handed_over(r: HandedOver) -> str:
    return f"{r.to} now owns {r.company}; you are its admin."


@change_sentence.register
def _company_created(r: CompanyCreated) -> str:
    who = f"{r.owner} is its owner and you are admin" if r.owner else "you own it"
    return f"Created company {r.name} ({r.currency}, {r.timezone}): {who}."


@change_sentence.register
def _company_updated(r: CompanyUpdated) -> str:
    listed = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in r.changes.items()) or "nothing"
    return f"Updated {r.company}: {listed}."


@change_sentence.register
def _moved(r: AppMoved) -> str:
    return (
        f"{r.app} now belongs to {r.to_company}: {r.from_company} pays through {r.last_day}, "
        f"{r.to_company} from {r.last_day + timedelta(days=1)}."
    )


@change_sentence.register
def _asked(r: TransferAsked) -> str:
    return f"Asked the owners of {r.to_company} to accept {r.app} (request #{r.id})."


@change_sentence.register
def _decided(r: TransferDecided) -> str:
    return transfer_decided_text(r)
