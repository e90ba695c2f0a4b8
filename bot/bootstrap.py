"""Wiring: a typed request's use case, called with the request's fields and, by parameter name,
the unit of work, the clock, the actor and the operator's terms (the only place they meet)."""

import inspect
from dataclasses import fields
from datetime import datetime
from functools import cache
from typing import Any

from bot.registry import BY_REQUEST
from bot.terms import Terms
from commands.actor import Actor
from storage.unit_of_work import UnitOfWork


def run(
    request: object,
    *,
    uow: UnitOfWork,
    actor: Actor,
    now: datetime,
    terms: Terms = Terms(),
    channel_id: str | None = None,
) -> object:
    """Call the use case for `request`; domain errors pass through to the door's one handler.

    `channel_id` is the channel the command was typed in (None where there is none: the console).
    """
    use_case = BY_REQUEST[type(request)].use_case
    known: dict[str, Any] = {
        "uow": uow,
        "actor": actor,
        "acceptor": actor,
        "now": now,
        "here": channel_id,
        "calendar": terms.calendar,
        "ttl_hours": terms.invite_ttl_hours,
        "public_url": terms.public_url,
        "billing_mode": terms.billing_mode,
        "gateway": terms.gateway,
    }
    given = {f.name: getattr(request, f.name) for f in fields(request)}  # type: ignore[arg-type]
    wanted = {name: known[name] for name in _parameters(use_case) if name in known}
    return use_case(**wanted, **given)


@cache
def _parameters(use_case: Any) -> tuple[str, ...]:
    return tuple(inspect.signature(use_case).parameters)
