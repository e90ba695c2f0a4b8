"""invitation outcome and transfer requests

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 01:42:46.986791
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "transfer_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("from_company_id", sa.Integer(), nullable=False),
        sa.Column("to_company_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["app_id"],
            ["app.id"],
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["from_company_id"],
            ["company.id"],
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["to_company_id"],
            ["company.id"],
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transfer_request", schema=None) as batch_op:
        batch_op.create_index(
            "ix_transfer_target_status", ["to_company_id", "status"], unique=False
        )

    with op.batch_alter_table("app", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trial_through", sa.Date(), nullable=True))

    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decided_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("result_company_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_invitation_decided_by", "person", ["decided_by"], ["id"])
        batch_op.create_foreign_key(
            "fk_invitation_result_company", "company", ["result_company_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_constraint("fk_invitation_result_company", type_="foreignkey")
        batch_op.drop_constraint("fk_invitation_decided_by", type_="foreignkey")
        batch_op.drop_column("result_company_id")
        batch_op.drop_column("decided_by")

    with op.batch_alter_table("app", schema=None) as batch_op:
        batch_op.drop_column("trial_through")

    with op.batch_alter_table("transfer_request", schema=None) as batch_op:
        batch_op.drop_index("ix_transfer_target_status")

    op.drop_table("transfer_request")
