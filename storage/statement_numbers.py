"""Statement numbers: per workspace, sequential, never reused. They are taken from the
workspace's counter in the transaction that finalizes the statements, so a rolled-back close
gives its numbers back and two closes at once queue on the workspace's row (PostgreSQL's row
lock under UPDATE), never handing out the same number twice."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col

from storage.tables import Workspace


def take_numbers(session: Session, workspace_id: int, count: int, issued_on: date) -> list[str]:
    """`count` new numbers of one workspace, in order: `YYYY-NNNNNN` (the year the statements
    are issued; the sequence runs on across years)."""
    if count <= 0:
        return []
    last = (
        session.connection()
        .execute(
            update(Workspace)
            .where(col(Workspace.id) == workspace_id)
            .values(statements_numbered=col(Workspace.statements_numbered) + count)
            .returning(col(Workspace.statements_numbered))
        )
        .scalar_one()
    )
    return [statement_number(issued_on, n) for n in range(last - count + 1, last + 1)]


def statement_number(issued_on: date, sequence: int) -> str:
    return f"{issued_on.year}-{sequence:06d}"


def numbers_for(
    session: Session, workspace_of: Sequence[tuple[int, int]], issued_on: date
) -> dict[int, str]:
    """A number for each (company id, workspace id), in that order within each workspace."""
    by_workspace: dict[int, list[int]] = {}
    for company_id, workspace_id in workspace_of:
        by_workspace.setdefault(workspace_id, []).append(company_id)
    numbers: dict[int, str] = {}
    for workspace_id in sorted(by_workspace):  # one lock order for every close: no deadlock
        companies = by_workspace[workspace_id]
        taken = take_numbers(session, workspace_id, len(companies), issued_on)
        numbers.update(zip(companies, taken, strict=True))
    return numbers
