"""add index on lab_results.patient_id

Revision ID: 7b0e11aa
"""
import sqlalchemy as sa
from alembic import op

revision = "7b0e11aa"
down_revision = "2f1c9a7d"


def upgrade():
    op.create_index("ix_lab_results_patient", "lab_results", ["patient_id"])
    op.add_column("patients", sa.Column("consent_at", sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column("patients", "consent_at")
    op.drop_index("ix_lab_results_patient", table_name="lab_results")
