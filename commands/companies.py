"""Companies: set one up, change its details, show it, list the ones you can see."""

from datetime import datetime

from sqlmodel import func, select

from billing.calendar import check_timezone
from billing.errors import AlreadyExists, NotAllowed
from billing.money import normalize_currency
from billing.names import clean_name, slugify
from billing.refs import PersonRef
from billing.roles import Action, require
from commands.actor import Actor
from commands.app_views import app_views
from commands.resolve import person_referred, visible_company
from commands.views import CompanyLine, CompanyList, CompanyView, Done
from storage import lookups
from storage.audit import record_event
from storage.roles import companies_of, company_lines
from storage.tables import Access, App, Company, id_of
from storage.unit_of_work import UnitOfWork

DEFAULT_CURRENCY = "USD"
LIST_LIMIT = 200  # a Slack message shows this many lines well; the reply says how many more


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
) -> Done:
    """Operators and developers set up a company; with `owner:` they become its admin.
    `billing_mode` is the deployment's: stripe when Stripe is configured."""
    if actor.account_type != "developer" and not actor.is_operator:
        raise NotAllowed("Only developers and operators set up companies.")
    name = clean_name(name, "company name")
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
        owner_person = person_referred(uow, actor, owner, now) if owner else None
        owner_id = owner_person.id if owner_person else actor.person_id
        session.add(
            Access(company_id=id_of(company), person_id=owner_id, role="owner", created_at=now)
        )
        if owner_id != actor.person_id:
            session.add(
                Access(
                    company_id=id_of(company),
                    person_id=actor.person_id,
                    role="admin",
                    created_at=now,
                )
            )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=company.id,
            actor_id=actor.person_id,
            action="company.created",
            now=now,
            name=name,
            currency=code,
            timezone=zone,
            owner_id=owner_id,
        )
        uow.commit()
    who = f"{owner_person.name} is its owner and you are admin" if owner_person else "you own it"
    return Done(f"Created company {name} ({code}, {zone}): {who}.")


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
) -> Done:
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
            changes["invoice_email"] = row.invoice_email = email
        if currency is not None:
            code = normalize_currency(currency)
            if code != row.currency and _has_apps(uow, seen.id):
                raise NotAllowed(f"{row.name} already has apps: its currency stays {row.currency}.")
            changes["currency"] = row.currency = code
        if timezone is not None:
            changes["timezone"] = row.timezone = check_timezone(timezone)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="company.updated",
            now=now,
            **changes,
        )
        uow.commit()
    listed = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in changes.items()) or "nothing"
    return Done(f"Updated {row.name}: {listed}.")


def _has_apps(uow: UnitOfWork, company_id: int) -> bool:
    count = uow.session.exec(select(func.count()).where(App.company_id == company_id)).one()
    return count > 0


def show_company(uow: UnitOfWork, *, actor: Actor, company: str) -> CompanyView:
    with uow:
        seen = visible_company(uow, actor, company)
        row = seen.company
        apps = app_views(uow, [seen.id], names={seen.id: row.name})
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


def list_companies(uow: UnitOfWork, *, actor: Actor) -> CompanyList:
    """Your companies; operators see every company of the workspace."""
    with uow:
        session = uow.session
        roles = companies_of(session, actor.person_id)
        member_of = None if actor.is_operator else actor.person_id
        rows, total = company_lines(session, actor.workspace_id, member_of, LIST_LIMIT)
        items = [CompanyLine(name, roles.get(key), apps) for key, name, apps in rows]
        return CompanyList(items, everyone=actor.is_operator, total=total)
