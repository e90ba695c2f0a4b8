"""Row locks for changes two people can race on (PostgreSQL; SQLite has one writer anyway)."""

from sqlalchemy import text
from sqlmodel import Session


def lock_company(session: Session, company_id: int) -> None:
    """Access changes to one company take turns: the owner count they check stays true."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(
            text("SELECT id FROM company WHERE id = :id FOR UPDATE"), {"id": company_id}
        )


def lock_companies(session: Session, company_ids: list[int]) -> None:
    """A month close takes its batch's companies in id order: a late `since:` or `on:` date
    waits for the statement being made, then sees it final (and makes a correction)."""
    if session.get_bind().dialect.name == "postgresql" and company_ids:
        session.connection().execute(
            text("SELECT id FROM company WHERE id = ANY(:ids) ORDER BY id FOR UPDATE"),
            {"ids": sorted(company_ids)},
        )
