"""statement numbers: a counter per workspace, a number per finalized statement

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 01:55:00

Statements finalized before this revision are numbered here, per workspace in the order they
were finalized, with the year of their charge day, and each workspace's counter starts after
them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspace", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("statements_numbered", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
    _number_finalized()


def _number_finalized() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT s.id, c.workspace_id, s.charge_on, s.finalized_at FROM statement s "
            "JOIN company c ON c.id = s.company_id "
            "WHERE s.finalized_at IS NOT NULL ORDER BY c.workspace_id, s.finalized_at, s.id"
        )
    ).all()
    counters: dict[int, int] = {}
    for statement_id, workspace_id, charge_on, finalized_at in rows:
        counters[workspace_id] = counters.get(workspace_id, 0) + 1
        year = str(charge_on or finalized_at)[:4]
        connection.execute(
            sa.text("UPDATE statement SET number = :number WHERE id = :id"),
            {"number": f"{year}-{counters[workspace_id]:06d}", "id": statement_id},
        )
    for workspace_id, last in counters.items():
        connection.execute(
            sa.text("UPDATE workspace SET statements_numbered = :last WHERE id = :id"),
            {"last": last, "id": workspace_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_column("number")
    with op.batch_alter_table("workspace", schema=None) as batch_op:
        batch_op.drop_column("statements_numbered")
