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
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SetCompany:
    """At least one of the optional fields is set."""

    company: str
    name: str | None = None
    email: str | None = None
    currency: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class CompanyUpdated:
    company: str  # its name after the change
    changes: dict[str, str]  # field -> new value, in the order given: name, invoice_email, ...


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
        row, changes = seen.company, {}
        if name is not None and name != row.name:
            name = clean_name(name, "company name")
            other = lookups.company_by_name(uow.session, actor.workspace_id, name)
            if other is not None and other.id != row.id:
                raise AlreadyExists(f"A company called “{name}” already exists.")
            changes["name"] = name
            row.name, row.slug = name, slugify(name)
        if email is not None:
            changes["invoice_email"] = row.invoice_email = check_email(email)
        if currency is not None:
            code = normalize_currency(currency)
            if code != row.currency and has_apps(uow.session, seen.id):
                raise NotAllowed(f"{row.name} already has apps: its currency stays {row.currency}.")
            changes["currency"] = row.currency = code
        if timezone is not None:
            changes["timezone"] = row.timezone = check_timezone(timezone)
        commit_change(uow, actor, "company.updated", now=now, company_id=seen.id, **changes)
    return CompanyUpdated(row.name, changes)
