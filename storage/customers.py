"""The companies behind payment-provider customers."""

from sqlmodel import Session, select

from storage.tables import Company


def company_by_customer(session: Session, customer_id: str) -> Company | None:
    return session.exec(select(Company).where(Company.stripe_customer_id == customer_id)).first()
