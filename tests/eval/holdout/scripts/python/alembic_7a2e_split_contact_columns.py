"""split contact columns

Revision ID: 7a2e99c01b3f
Revises: 3f1c2a9b7d10
"""
import sqlalchemy as sa
from alembic import op

revision = "7a2e99c01b3f"
down_revision = "3f1c2a9b7d10"

MOVE_SQL = """
INSERT INTO customer_contacts (customer_id, email, phone)
SELECT id, email, phone FROM customers
"""


def upgrade():
    op.create_table(
        "customer_contacts",
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), primary_key=True),
        sa.Column("email", sa.String(254)),
        sa.Column("phone", sa.String(32)),
    )
    op.execute(MOVE_SQL)
    op.drop_column("customers", "email")
    op.drop_column("customers", "phone")


def downgrade():
    op.add_column("customers", sa.Column("email", sa.String(254)))
    op.add_column("customers", sa.Column("phone", sa.String(32)))
    op.execute("UPDATE customers c SET email = cc.email, phone = cc.phone FROM customer_contacts cc WHERE cc.customer_id = c.id")
    op.drop_table("customer_contacts")
