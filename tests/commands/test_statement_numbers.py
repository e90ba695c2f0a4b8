"""Statement numbers: per workspace, sequential, never reused, taken with the close; the number
in the notice, the document e-mail row, the statement reply and the CSV."""

import threading
from datetime import UTC, date, datetime

from sqlalchemy import text
from sqlmodel import select

from billing.periods import Month
from commands.close_month import close_month
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.set_app_domain import set_app_domain
from commands.show_statement import show_statement
from commands.update_company import update_company
from storage.statement_numbers import take_numbers
from storage.tables import Outbox, Statement, Workspace
from storage.unit_of_work import UnitOfWork
from tests.conftest import person

OCT1 = datetime(2026, 10, 1, 9, tzinfo=UTC)
NOV1 = datetime(2026, 11, 1, 9, tzinfo=UTC)
DEC1 = datetime(2026, 12, 1, 9, tzinfo=UTC)
OCT, NOV = Month(2026, 10), Month(2026, 11)


def agency(uow, team: str, companies: list[str]):
    olivia = person(uow, f"olivia{team}", operator=True, team=team)
    create_plan(uow, actor=olivia, name="Basic", amount_minor=4900, currency="USD", now=OCT1)
    dan = person(uow, f"dan{team}", team=team)
    for name in companies:
        create_company(uow, actor=dan, name=name, now=OCT1)
        app = f"{name.lower()}-shop"
        create_app(uow, actor=dan, name=app, company=name, plan="Basic", now=OCT1)
        set_app_domain(
            uow, actor=dan, app=app, domain=f"{app}.example", since=date(2026, 10, 1), now=OCT1
        )
    return dan


def numbers(uow) -> dict[tuple[str, str], str | None]:
    with uow:
        rows = uow.session.exec(
            text(
                "SELECT c.name, s.period, s.number FROM statement s "
                "JOIN company c ON c.id = s.company_id"
            )
        ).all()
    return {(name, period): number for name, period, number in rows}


def test_numbers_run_per_workspace_and_carry_on_next_month(uow):
    dan1 = agency(uow, "T1", ["Acme", "Beta", "Gamma"])
    agency(uow, "T2", ["Delta"])
    close_month(uow, month=OCT, now=NOV1)
    close_month(uow, month=OCT, now=NOV1)  # twice: nothing new, no number taken
    first = numbers(uow)
    assert sorted(first[(n, "2026-10")] for n in ("Acme", "Beta", "Gamma")) == [
        "2026-000001",
        "2026-000002",
        "2026-000003",
    ]
    assert first[("Delta", "2026-10")] == "2026-000001"  # another workspace, its own sequence
    close_month(uow, month=NOV, now=DEC1)
    second = numbers(uow)
    assert sorted(second[(n, "2026-11")] for n in ("Acme", "Beta", "Gamma")) == [
        "2026-000004",
        "2026-000005",
        "2026-000006",
    ]
    shown = show_statement(uow, actor=dan1, company="Acme", month=OCT, now=DEC1)
    assert shown.number == first[("Acme", "2026-10")]


def test_the_notice_and_the_document_mail_carry_the_number(uow):
    dan = agency(uow, "T1", ["Acme", "Beta"])
    update_company(uow, actor=dan, company="Acme", email="ap@acme.example", now=OCT1)
    close_month(uow, month=OCT, now=NOV1)
    with uow:
        rows = uow.session.exec(select(Outbox)).all()
        number = uow.session.exec(select(Statement.number)).all()
    ready = [r for r in rows if r.kind == "statement_ready"]
    assert {r.payload["number"] for r in ready} == set(number)
    mails = [r for r in rows if r.kind == "statement_document"]
    assert [(m.email, m.channel) for m in mails] == [("ap@acme.example", None)]  # Beta: none
    document = mails[0].payload["document"]
    assert (document["company"], document["total_minor"], document["period"]) == (
        "Acme",
        4900,
        "2026-10",
    )
    assert document["number"] in number


def test_two_closes_at_once_never_take_the_same_number(uow):
    """Each thread takes numbers in its own transaction; on PostgreSQL the second waits on the
    workspace's row until the first commits (SQLite serializes writers anyway)."""
    person(uow, "olivia", operator=True)
    with uow:
        workspace_id = uow.session.exec(select(Workspace.id)).one()
    taken: list[str] = []
    errors: list[BaseException] = []

    def close(count: int) -> None:
        mine = UnitOfWork(uow.engine)
        try:
            for _ in range(10):
                with mine:
                    got = take_numbers(mine.session, workspace_id, count, date(2026, 11, 1))
                    mine.commit()
                taken.extend(got)
        except Exception as error:  # handed to the main thread, which fails the test
            errors.append(error)

    threads = [threading.Thread(target=close, args=(n,)) for n in (1, 2, 3, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(taken) == len(set(taken)) == 100
    assert sorted(taken)[-1] == "2026-000100"  # no gaps: nothing rolled back
