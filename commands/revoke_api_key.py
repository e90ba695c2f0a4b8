"""Revoke an API key: requests with it are refused from now on."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import NotAllowed, NotFound
from commands.actor import Actor
from commands.audit_commit import commit_change
from storage.api_keys import active_key_labelled
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RevokeApiKey:
    label: str


@dataclass(frozen=True)
class ApiKeyRevoked:
    label: str


def revoke_api_key(uow: UnitOfWork, *, actor: Actor, label: str, now: datetime) -> ApiKeyRevoked:
    if not actor.is_operator:
        raise NotAllowed("Only operators revoke API keys.")
    with uow:
        row = active_key_labelled(uow.session, actor.workspace_id, label)
        if row is None:
            raise NotFound(f"There is no API key called “{label}” in use.")
        row.revoked_at = now
        commit_change(uow, actor, "api_key.revoked", now=now, label=row.label)
    return ApiKeyRevoked(row.label)
