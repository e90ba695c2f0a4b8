"""Make an API key for POST /api/usage: shown once, kept only as its SHA-256."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from billing.errors import AlreadyExists, NotAllowed
from billing.names import clean_name
from commands.actor import Actor
from commands.audit_commit import commit_change
from storage.api_keys import active_key_labelled
from storage.tables import ApiKey
from storage.unit_of_work import UnitOfWork

PREFIX = "bbk_"


@dataclass(frozen=True)
class NewApiKey:
    label: str


@dataclass(frozen=True)
class ApiKeyCreated:
    label: str
    key: str  # the only time it is seen


def key_hash(key: str) -> str:
    """Keys carry 192 random bits, so a plain SHA-256 is enough to keep them unreadable."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(uow: UnitOfWork, *, actor: Actor, label: str, now: datetime) -> ApiKeyCreated:
    if not actor.is_operator:
        raise NotAllowed("Only operators make API keys.")
    label = clean_name(label, "key label")
    key = PREFIX + secrets.token_urlsafe(24)
    with uow:
        if active_key_labelled(uow.session, actor.workspace_id, label) is not None:
            raise AlreadyExists(f"There is already an API key called “{label}”.")
        uow.session.add(
            ApiKey(
                workspace_id=actor.workspace_id, label=label, key_hash=key_hash(key), created_at=now
            )
        )
        commit_change(uow, actor, "api_key.created", now=now, label=label)
    return ApiKeyCreated(label, key)
