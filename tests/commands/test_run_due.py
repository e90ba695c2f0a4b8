"""The sweeps through the use cases: what each moment writes to the outbox, once."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import col, select

from billing.periods import Month
from billing.refs import PersonRef
from bot.render.notices import render_notice
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.invite_to_company import invite_to_company
from commands.mark_paid import mark_paid
from commands.run_due import run_due
from commands.set_app_domain import set_app_domain
from commands.update_company import update_company
from payments.manual import ManualGateway
from storage.tables import Company, Invitation, Outbox, Statement
from tests.conftest import person

MANUAL = ManualGateway()


def at(month: int, day: int, hour: int = 9, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


@pytest.fixture
def acme(uow):
    olivia = person(uow, "olivia", operator=True)
    create_plan(uow, actor=olivia, name="Basic", amount_minor=4900, currency="USD", now=at(10, 1))
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=at(10, 1))
    create_app(uow, actor=dan, name="shop", company="Acme", plan="Basic", now=at(10, 1))
    set_app_domain(
        uow, actor=dan, app="shop", domain="shop.example", since=date(2026, 10, 11), now=at(10, 1)
    )
    return olivia, dan


def causes(uow) -> list[str]:
    with uow:
        rows = uow.session.exec(select(Outbox.cause).order_by(col(Outbox.id))).all()
    return [c.split(":")[0] + ":" + c.split(":", 2)[-1] for c in rows]


def sweep(uow, now):
    return run_due(uow, MANUAL, now=now)


def test_a_month_of_reminders_each_written_once(uow, acme):
    olivia, _ = acme
    sweep(uow, at(10, 29, 8))  # 3 days before Nov 1 is Oct 29 at 09:00: not yet
    assert causes(uow) == []
    for _ in range(2):
        sweep(uow, at(10, 29, 9))
    assert causes(uow) == ["charge_upcoming:2026-10"]

    sweep(uow, at(11, 1, 8, 59))  # the charge day's reminder time not come: nothing closes
    with uow:
        assert uow.session.exec(select(Statement)).first() is None
    for _ in range(2):
        report = sweep(uow, at(11, 1, 9))
    assert report.closed[-1].already_closed == 1
    assert causes(uow)[1:] == ["statement_ready:2026-10", "manual_billing:2026-10"]

    for day in (12, 13):
        sweep(uow, at(11, day, 10))
    assert causes(uow)[3:] == ["payment_due:2026-10"]

    sweep(uow, at(11, 16, 9))
    with uow:
        stored = uow.session.exec(select(Statement)).one()
        company = uow.session.exec(select(Company)).one()
        assert (stored.status, company.payment_status) == ("past_due", "past_due")
    for day in (16, 17, 22, 23, 30):
        sweep(uow, at(11, day, 9))
    overdue = [c for c in causes(uow) if c.startswith("overdue")]
    assert overdue == ["overdue:2026-10:0", "overdue:2026-10:1", "overdue:2026-10:2"]
    assert "charge_upcoming:2026-11" in causes(uow)  # November's own heads-up, on Nov 28

    mark_paid(uow, actor=olivia, company="Acme", month=Month(2026, 10), now=at(12, 2))
    sweep(uow, at(12, 7, 9))
    assert [c for c in causes(uow) if c.startswith("overdue")][-1] == "overdue:2026-10:2"


def test_reminders_off_silences_reminders_but_not_the_statement(uow, acme):
    with uow:
        company = uow.session.exec(select(Company)).one()
        company.reminders_on = False
        uow.commit()
    for moment in (at(10, 29, 9), at(11, 1, 9), at(11, 12, 9), at(11, 16, 9)):
        sweep(uow, moment)
    assert causes(uow) == ["statement_ready:2026-10", "manual_billing:2026-10"]


def test_reminders_come_at_the_companys_time_in_its_zone(uow, acme):
    _, dan = acme
    update_company(uow, actor=dan, company="Acme", timezone="Asia/Tokyo", now=at(10, 2))
    sweep(uow, at(10, 31, 23, 59))  # Nov 1 08:59 in Tokyo: not the reminder time yet
    assert "statement_ready:2026-10" not in causes(uow)
    sweep(uow, at(11, 1, 0))  # 09:00 in Tokyo
    assert "statement_ready:2026-10" in causes(uow)


def test_an_unanswered_invitation_tells_its_inviter_once_when_it_runs_out(uow, acme):
    _, dan = acme
    invite_to_company(
        uow,
        actor=dan,
        invitee=PersonRef(email="bob@example.com"),
        company="Acme",
        role="billing",
        now=at(10, 5),
        ttl_hours=72,
        public_url="http://127.0.0.1:3000",
    )
    with uow:
        expires = uow.session.exec(select(Invitation)).one().expires_at
    for _ in range(2):
        report = run_due(uow, MANUAL, now=expires)
    assert report.expired_invitations == 0  # the second sweep finds it told already
    assert sum(c.startswith("invite_expired") for c in causes(uow)) == 1


def manual_lists(uow) -> list[str]:
    with uow:
        rows = uow.session.exec(
            select(Outbox).where(col(Outbox.cause).startswith("manual_billing:"))
        ).all()
        return [render_notice(row.payload)["text"] for row in rows]


def test_the_bill_by_hand_list_waits_for_companies_in_later_time_zones(uow, acme):
    """Acme (UTC) closes at 09:00 UTC on the charge day, Aloha (Honolulu) ten hours later:
    the operators' one list for the month names both."""
    _, dan = acme
    create_company(uow, actor=dan, name="Aloha", now=at(10, 1))
    update_company(uow, actor=dan, company="Aloha", timezone="Pacific/Honolulu", now=at(10, 1))
    create_app(uow, actor=dan, name="surf", company="Aloha", plan="Basic", now=at(10, 1))
    set_app_domain(
        uow, actor=dan, app="surf", domain="surf.example", since=date(2026, 10, 1), now=at(10, 1)
    )
    sweep(uow, at(11, 1, 9))  # Acme's charge moment; in Honolulu it is still Oct 31
    assert "statement_ready:2026-10" in causes(uow)
    assert manual_lists(uow) == []
    sweep(uow, at(11, 1, 19))  # 09:00 in Honolulu
    (listed,) = manual_lists(uow)
    assert "Acme" in listed and "Aloha" in listed


def test_the_bill_by_hand_list_is_written_by_the_run_after_one_stopped_short(uow, acme):
    """A run killed after its last statements were committed, before the list: the next run
    finds the month closed and writes the list."""
    sweep(uow, at(11, 1, 9))
    with uow:  # the state such a kill leaves: every statement final, no list
        for row in uow.session.exec(
            select(Outbox).where(col(Outbox.cause).startswith("manual_billing:"))
        ):
            uow.session.delete(row)
        uow.commit()
    assert manual_lists(uow) == []
    sweep(uow, at(11, 1, 10))
    (listed,) = manual_lists(uow)
    assert "Acme" in listed
