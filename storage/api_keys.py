"""API keys of a workspace: by label (those in use), and by the hash of a key presented."""

from sqlmodel import Session, col, func, select

from storage.tables import ApiKey


def active_key_labelled(session: Session, workspace_id: int, label: str) -> ApiKey | None:
    query = select(ApiKey).where(
        ApiKey.workspace_id == workspace_id,
        func.lower(col(ApiKey.label)) == label.lower(),
        col(ApiKey.revoked_at).is_(None),
    )
    return session.exec(query).first()


def key_by_hash(session: Session, key_hash: str) -> ApiKey | None:
    """The key in use with that hash (a revoked one is None)."""
    query = select(ApiKey).where(ApiKey.key_hash == key_hash, col(ApiKey.revoked_at).is_(None))
    return session.exec(query).first()
