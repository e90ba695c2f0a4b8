"""Closing a month twice is a no-op, whatever the apps, plans, domains and usage look like."""

from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing.periods import Month
from bot.cli.export import export_all
from commands.close_month import close_month
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.delete_app import delete_app
from commands.record_usage import record_usage
from commands.set_app_domain import set_app_domain
from commands.set_app_plan import set_app_plan
from commands.show_statement import show_statement
from tests.conftest import person

OCT1 = datetime(2026, 10, 1, 8, tzinfo=UTC)
NOV1 = datetime(2026, 11, 1, 8, tzinfo=UTC)
days = st.integers(min_value=1, max_value=31)
app_shape = st.fixed_dictionaries(
    {
        "domain": st.one_of(st.none(), days),
        "change": st.one_of(st.none(), days),
        "deleted": st.one_of(st.none(), days),
        "usage": st.lists(st.tuples(days, st.integers(0, 500)), max_size=4),
        "plan": st.sampled_from(["Basic", "Metered", "Pro"]),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shapes=st.lists(app_shape, min_size=1, max_size=4))
def test_closing_twice_changes_nothing(uow, shapes):
    with uow:  # hypothesis reuses the database: start each example clean
        for table in (
            "statement_line",
            "statement",
            "outbox",
            "audit_event",
            "usage",
            "plan_assignment",
            "app_ownership",
            "app",
            "access",
            "company",
            "plan",
            "operator",
            "person",
            "workspace",
        ):
            uow.session.connection().exec_driver_sql(f"DELETE FROM {table}")
        uow.commit()
    olivia = person(uow, "olivia", operator=True)
    for name, amount in (("Basic", 4900), ("Pro", 9900)):
        create_plan(uow, actor=olivia, name=name, amount_minor=amount, currency="USD", now=OCT1)
    create_plan(
        uow,
        actor=olivia,
        name="Metered",
        amount_minor=1000,
        currency="USD",
        metric="requests",
        unit_price_micros=3_000_000,
        included=100,
        now=OCT1,
    )
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=OCT1)
    for n, shape in enumerate(shapes):
        name = f"app{n}"
        create_app(uow, actor=dan, name=name, company="Acme", plan=shape["plan"], now=OCT1)
        if shape["domain"]:
            set_app_domain(
                uow,
                actor=dan,
                app=name,
                domain=f"{name}.example",
                since=date(2026, 10, shape["domain"]),
                now=OCT1,
            )
        if shape["change"]:
            set_app_plan(
                uow,
                actor=dan,
                app=name,
                plan="Pro",
                since=date(2026, 10, shape["change"]),
                now=OCT1,
            )
        for day, quantity in shape["usage"]:
            record_usage(
                uow,
                actor=dan,
                app=name,
                metric="requests",
                quantity=quantity,
                on=date(2026, 10, day),
                now=NOV1,
            )
        if shape["deleted"]:
            delete_app(uow, actor=dan, app=name, on=date(2026, 10, shape["deleted"]), now=OCT1)
    first = close_month(uow, month=Month(2026, 10), now=NOV1)
    snapshot = export_all(uow.engine)
    second = close_month(uow, month=Month(2026, 10), now=NOV1)
    assert export_all(uow.engine) == snapshot
    assert second.finalized == 0 and second.already_closed == first.finalized
    view = show_statement(uow, actor=dan, company="Acme", month=Month(2026, 10), now=NOV1)
    assert view.total_minor == sum(line.amount_minor for line in view.lines) >= 0
