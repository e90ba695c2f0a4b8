"""Setting a company up: its owner (the actor, or someone named), currency and time zone."""

from dataclasses import dataclass
from datetime import datetime

from billing.calendar import check_timezone
from billing.errors import AlreadyExists, NotAllowed
from billing.money import normalize_currency
from billing.names import check_email, clean_name, slugify
from billing.refs import PersonRef
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import person_referred
from storage import lookups
from storage.tables import Access, Company, id_of
from storage.unit_of_work import UnitOfWork

DEFAULT_CURRENCY = "USD"


@dataclass(frozen=True)
class NewCompany:
    name: str
    email: str | None = None
    currency: str | None = None
    timezone: str | None = None
    owner: PersonRef | None = None


@dataclass(frozen=True)
class CompanyCreated:
    name: str
    currency: str
    timezone: str
    owner: str | None  # the owner named, when not the actor (who is then admin)


def create_company(
    uow: UnitOfWork,
    *,
    actor: Actor,
    name: str,
    now: datetime,
    email: str | None = None,
    currency: str | None = None,
    timezone: str | None = None,
    owner: PersonRef | None = None,
    billing_mode: str = "manual",
) -> CompanyCreated:
    """Operators and developers set up a company; with `owner:` they become its admin.
    `billing_mode` is the deployment's: stripe when Stripe is configured."""
    if actor.account_type != "developer" and not actor.is_operator:
        raise NotAllowed("Only developers and operators set up companies.")
    name = clean_name(name, "company name")
    email = check_email(email) if email is not None else None
    code = normalize_currency(currency or DEFAULT_CURRENCY)
    zone = check_timezone(timezone or "UTC")
    with uow:
        session = uow.session
        if lookups.company_by_name(session, actor.workspace_id, name) is not None:
            raise AlreadyExists(f"A company called “{name}” already exists.")
        company = Company(
            workspace_id=actor.workspace_id,
            name=name,
            slug=slugify(name),
            invoice_email=email,
            currency=code,
            timezone=zone,
            billing_mode=billing_mode,
            created_at=now,
        )
        session.add(company)
        session.flush()
        key = id_of(company)
        owner_person = person_referred(uow, actor, owner, now) if owner else None
        owner_id = owner_person.id if owner_person else actor.person_id
        session.add(Access(company_id=key, person_id=owner_id, role="owner", created_at=now))
        if owner_id != actor.person_id:
            session.add(
                Access(company_id=key, person_id=actor.person_id, role="admin", created_at=now)
            )
        owner_name = owner_person.name if owner_person else actor.name
        detail = {"name": name, "currency": code, "timezone": zone, "owner": owner_name}
        commit_change(uow, actor, "company.created", now=now, company_id=key, **detail)
    return CompanyCreated(name, code, zone, owner_person.name if owner_person else None)
