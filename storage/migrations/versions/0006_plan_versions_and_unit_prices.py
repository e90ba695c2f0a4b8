"""plan versions, retired plans, unit prices below the minor unit

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 01:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("unit_price_micros", sa.BigInteger(), nullable=True),
        sa.Column("included_quantity", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "since"),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retired_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("unit_price_micros", sa.BigInteger(), nullable=True))
    # a whole minor unit is a million millionths
    op.execute("UPDATE plan SET unit_price_micros = unit_price_minor * 1000000")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_column("unit_price_minor")


def downgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_price_minor", sa.Integer(), nullable=True))
    op.execute("UPDATE plan SET unit_price_minor = (unit_price_micros + 500000) / 1000000")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_column("unit_price_micros")
        batch_op.drop_column("retired_at")
    op.drop_table("plan_version")
