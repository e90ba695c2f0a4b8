"""Changing a company's name, invoice e-mail, currency (while it has no apps) or time zone."""

from dataclasses import dataclass
from datetime import datetime

from billing.calendar import check_timezone
from billing.errors import AlreadyExists, NotAllowed
from billing.money import normalize_currency
from billing.names import check_email, clean_name, slugify
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import visible_company
from storage import lookups
from storage.company_queries import has_apps
from storage.notices import notify
from storage.roles import owners
from storage.tables import Company, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SetCompany:
    """At least one of the optional fields is set."""

    company: str
    name: str | None = None
    email: str | None = None
    currency: str | None = None
    timezone: str | None = None


def _tell_owners(
    uow: UnitOfWork, actor: Actor, row: Company, before: str | None, now: datetime
) -> int:
    """The company's owners (but the person who changed it) hear where statements go now."""
    told = [person for person in owners(uow.session, id_of(row)) if person != actor.person_id]
    if not told:
        return 0
    notify(
        uow.session,
        workspace_id=row.workspace_id,
        key=f"invoice_email:{id_of(row)}:{now.isoformat()}",
        people=told,
        now=now,
        notice="invoice_email_changed",
        facts={"company": row.name, "before": before, "after": row.invoice_email, "by": actor.name},
        company_id=id_of(row),
    )
    return len(told)


@dataclass(frozen=True)
class CompanyUpdated:
    company: str  # its name after the change
    changes: dict[str, str]  # field -> new value, in the order given: name, invoice_email, ...
    owners_told: int = 0  # owners told of a new invoice e-mail


def update_company(
    uow: UnitOfWork,
    *,
    actor: Actor,
    company: str,
    now: datetime,
    name: str | None = None,
    email: str | None = None,
    currency: str | None = None,
    timezone: str | None = None,
) -> CompanyUpdated:
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.UPDATE_PAYMENT, seen.company.name)
        row, changes, told = seen.company, {}, 0
        if name is not None and name != row.name:
            name = clean_name(name, "company name")
            other = lookups.company_by_name(uow.session, actor.workspace_id, name)
            if other is not None and other.id != row.id:
                raise AlreadyExists(f"A company called “{name}” already exists.")
            changes["name"] = name
            row.name, row.slug = name, slugify(name)
        if email is not None:
            before = row.invoice_email
            changes["invoice_email"] = row.invoice_email = check_email(email)
            if before != row.invoice_email:
                told = _tell_owners(uow, actor, row, before, now)
        if currency is not None:
            code = normalize_currency(currency)
            if code != row.currency and has_apps(uow.session, seen.id):
                raise NotAllowed(f"{row.name} already has apps: its currency stays {row.currency}.")
            changes["currency"] = row.currency = code
        if timezone is not None:
            changes["timezone"] = row.timezone = check_timezone(timezone)
        commit_change(uow, actor, "company.updated", now=now, company_id=seen.id, **changes)
    return CompanyUpdated(row.name, changes, told)
