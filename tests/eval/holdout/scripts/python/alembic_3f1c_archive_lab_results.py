"""archive lab results older than 2020

Revision ID: 3f1c2a9b7d10
Revises: 9e8d7c6b5a40
Create Date: 2024-03-02 10:14:55
"""
from alembic import op

revision = "3f1c2a9b7d10"
down_revision = "9e8d7c6b5a40"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE lab_results_2019 AS SELECT * FROM lab_results WHERE year < 2020")
    op.execute("DELETE FROM lab_results WHERE year < 2020")


def downgrade():
    op.execute("INSERT INTO lab_results SELECT * FROM lab_results_2019")
    op.execute("DROP TABLE lab_results_2019")
