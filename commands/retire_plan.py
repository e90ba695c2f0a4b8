"""Retire a plan: apps on it keep it; no app can be put on it from now on."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import NotAllowed
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import plan_named
from storage.apps import apps_on_plan
from storage.tables import id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RetirePlan:
    plan: str


@dataclass(frozen=True)
class PlanRetired:
    plan: str
    apps_keeping_it: int
    already: bool = False


def retire_plan(uow: UnitOfWork, *, actor: Actor, plan: str, now: datetime) -> PlanRetired:
    if not actor.is_operator:
        raise NotAllowed("Only operators manage the price list.")
    with uow:
        row = plan_named(uow, actor, plan)
        keeping = apps_on_plan(uow.session, id_of(row))
        if row.retired_at is not None:
            return PlanRetired(row.name, keeping, already=True)
        row.retired_at = now
        commit_change(uow, actor, "plan.retired", now=now, plan=row.name)
    return PlanRetired(row.name, keeping)
