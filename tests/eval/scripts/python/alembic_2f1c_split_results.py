"""split lab_results into results_2019

Revision ID: 2f1c9a7d
Revises: 91ab22e0
"""
from alembic import op

revision = "2f1c9a7d"
down_revision = "91ab22e0"


def upgrade():
    op.execute(
        "CREATE TABLE results_2019 AS SELECT * FROM lab_results WHERE validated_at < '2020-01-01'"
    )
    op.execute("DELETE FROM lab_results WHERE validated_at < '2020-01-01'")


def downgrade():
    op.execute("INSERT INTO lab_results SELECT patient_id, result_code, validated_at FROM results_2019")
    op.drop_table("results_2019")
