"""Companies, apps and plans through their use cases, on both databases."""

from datetime import date

import pytest
from sqlmodel import select

from billing.errors import AlreadyExists, Invalid, NotAllowed, NotFound
from billing.refs import PersonRef
from bot.render.text import render
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.delete_app import delete_app
from commands.list_apps import list_apps
from commands.list_companies import list_companies
from commands.list_plans import list_plans
from commands.set_app_domain import set_app_domain
from commands.set_app_plan import set_app_plan
from commands.show_company import show_company
from commands.update_company import update_company
from storage.tables import AuditEvent, PlanAssignment
from tests.conftest import NOW, person


@pytest.fixture
def agency(uow):
    operator = person(uow, "olivia", operator=True)
    create_plan(uow, actor=operator, name="Basic", amount_minor=4900, currency="USD", now=NOW)
    create_plan(
        uow,
        actor=operator,
        name="Staging",
        amount_minor=1000,
        currency="USD",
        now=NOW,
        environment="staging",
    )
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme Corp", email="ap@acme.example", now=NOW)
    return operator, dan


def test_new_company_is_owned_by_its_creator_and_listed(uow, agency):
    _, dan = agency
    view = show_company(uow, actor=dan, company="acme corp", now=NOW)
    assert (view.name, view.your_role, view.currency, view.timezone) == (
        "Acme Corp",
        "owner",
        "USD",
        "UTC",
    )
    listed = list_companies(uow, actor=dan)
    assert [(c.name, c.role, c.apps) for c in listed.items] == [("Acme Corp", "owner", 0)]


def test_company_for_a_client_makes_the_developer_admin(uow, agency):
    _, dan = agency
    carla = person(uow, "carla", kind="client")
    done = create_company(
        uow,
        actor=dan,
        name="Bakery",
        owner=PersonRef(name="carla"),
        currency="eur",
        timezone="Europe/Berlin",
        now=NOW,
    )
    assert "carla is its owner and you are admin" in render(done, "developer")
    assert show_company(uow, actor=carla, company="Bakery", now=NOW).your_role == "owner"
    assert show_company(uow, actor=dan, company="Bakery", now=NOW).your_role == "admin"


def test_clients_do_not_set_up_companies(uow, agency):
    carla = person(uow, "carla", kind="client")
    with pytest.raises(NotAllowed):
        create_company(uow, actor=carla, name="Mine", now=NOW)


def test_unicode_and_hostile_names_round_trip(uow, agency):
    _, dan = agency
    for name in ("Café Ünïcode 日本", "Robert'); DROP TABLE company;--", 'Quote "inside"'):
        create_company(uow, actor=dan, name=name, now=NOW)
        assert show_company(uow, actor=dan, company=name, now=NOW).name == name
    assert len(list_companies(uow, actor=dan).items) == 4


def test_duplicate_names_and_bad_values_change_nothing(uow, agency):
    _, dan = agency
    with pytest.raises(AlreadyExists):
        create_company(uow, actor=dan, name="ACME corp", now=NOW)
    with pytest.raises(Invalid):
        create_company(uow, actor=dan, name="X", currency="EURO", now=NOW)
    with pytest.raises(Invalid):
        create_company(uow, actor=dan, name="X", timezone="Mars/Base", now=NOW)
    with pytest.raises(Invalid):
        create_company(uow, actor=dan, name="x" * 81, now=NOW)
    assert [c.name for c in list_companies(uow, actor=dan).items] == ["Acme Corp"]


def test_app_lifecycle(uow, agency):
    _, dan = agency
    create_app(uow, actor=dan, name="shop", company="Acme Corp", plan="basic", now=NOW)
    set_app_domain(
        uow, actor=dan, app="shop", domain="shop.acme.example", since=date(2026, 11, 5), now=NOW
    )
    set_app_plan(uow, actor=dan, app="SHOP", plan="Basic", since=date(2026, 12, 1), now=NOW)
    done = delete_app(uow, actor=dan, app="shop", on=date(2026, 12, 10), now=NOW)
    assert "billed through that day" in render(done, "developer")
    (view,) = list_apps(uow, actor=dan, company="Acme Corp", now=NOW).items
    assert (view.plan, view.plan_since, view.next_plan_since, view.domain, view.deleted_on) == (
        "Basic",
        NOW.date(),  # in force today; the assignment from 1 Dec is the change to come
        date(2026, 12, 1),
        "shop.acme.example",
        date(2026, 12, 10),
    )
    with pytest.raises(Invalid):
        delete_app(uow, actor=dan, app="shop", now=NOW)
    with uow:
        history = uow.session.exec(select(PlanAssignment.since)).all()
    assert sorted(history) == [date(2026, 11, 22), date(2026, 12, 1)]


def test_plans_must_fit_the_app(uow, agency):
    operator, dan = agency
    with pytest.raises(Invalid, match="for production apps"):
        create_app(
            uow,
            actor=dan,
            name="stage",
            company="Acme Corp",
            environment="staging",
            plan="Basic",
            now=NOW,
        )
    create_plan(uow, actor=operator, name="Euro", amount_minor=4500, currency="EUR", now=NOW)
    with pytest.raises(Invalid, match="priced in EUR"):
        create_app(uow, actor=dan, name="shop", company="Acme Corp", plan="Euro", now=NOW)
    create_app(
        uow,
        actor=dan,
        name="stage",
        company="Acme Corp",
        environment="staging",
        plan="Staging",
        now=NOW,
    )
    assert [a.name for a in list_apps(uow, actor=dan, now=NOW).items] == ["stage"]


def test_only_operators_write_the_price_list(uow, agency):
    operator, dan = agency
    with pytest.raises(NotAllowed):
        create_plan(uow, actor=dan, name="Cheap", amount_minor=100, currency="USD", now=NOW)
    with pytest.raises(Invalid, match="together"):
        create_plan(
            uow,
            actor=operator,
            name="M",
            amount_minor=100,
            currency="USD",
            metric="requests",
            now=NOW,
        )
    create_plan(
        uow,
        actor=operator,
        name="Yen",
        amount_minor=5000,
        currency="JPY",
        metric="requests",
        unit_price_micros=1_000_000,
        included=1000,
        now=NOW,
    )
    names = {p.name: p for p in list_plans(uow, actor=dan, now=NOW).items}
    assert str(names["Yen"].now.price) == "5,000 JPY"
    assert names["Yen"].now.kind == "metered"


def test_unknown_and_forbidden_companies_look_the_same(uow, agency):
    stranger = person(uow, "stranger")
    with pytest.raises(NotFound) as forbidden:
        show_company(uow, actor=stranger, company="Acme Corp", now=NOW)
    with pytest.raises(NotFound) as unknown:
        show_company(uow, actor=stranger, company="Nope Corp", now=NOW)
    assert forbidden.value.message.replace("Acme Corp", "X") == unknown.value.message.replace(
        "Nope Corp", "X"
    )


def test_operators_read_every_company(uow, agency):
    operator, _ = agency
    listed = list_companies(uow, actor=operator)
    assert listed.everyone and [c.name for c in listed.items] == ["Acme Corp"]
    assert show_company(uow, actor=operator, company="Acme Corp", now=NOW).your_role is None


def test_workspaces_never_see_each_other(uow, agency):
    other = person(uow, "dan", team="T2")
    create_company(uow, actor=other, name="Acme Corp", now=NOW)
    create_app(uow, actor=other, name="shop", company="Acme Corp", now=NOW)
    _, dan = agency
    assert list_apps(uow, actor=dan, now=NOW).items == []
    assert len(list_companies(uow, actor=other).items) == 1


def test_every_change_is_audited(uow, agency):
    _, dan = agency
    create_app(uow, actor=dan, name="shop", company="Acme Corp", now=NOW)
    update_company(uow, actor=dan, company="Acme Corp", timezone="Asia/Tokyo", now=NOW)
    with uow:
        actions = uow.session.exec(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == [
        "plan.created",
        "plan.created",
        "company.created",
        "app.created",
        "company.updated",
    ]
