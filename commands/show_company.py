"""One company as its members see it: details, payment status, your role, its apps."""

from dataclasses import dataclass, field
from datetime import datetime

from commands.actor import Actor
from commands.app_views import AppView, app_views
from commands.resolve import visible_company
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShowCompany:
    company: str


@dataclass(frozen=True)
class CompanyView:
    name: str
    invoice_email: str | None
    currency: str
    timezone: str
    billing_mode: str
    payment_status: str
    your_role: str | None
    apps: list[AppView] = field(default_factory=list)


def show_company(uow: UnitOfWork, *, actor: Actor, company: str, now: datetime) -> CompanyView:
    with uow.read():
        seen = visible_company(uow, actor, company)
        row = seen.company
        apps = app_views(uow, [seen.id], names={seen.id: row.name}, now=now)
        return CompanyView(
            name=row.name,
            invoice_email=row.invoice_email,
            currency=row.currency,
            timezone=row.timezone,
            billing_mode=row.billing_mode,
            payment_status=row.payment_status,
            your_role=seen.role,
            apps=apps,
        )
