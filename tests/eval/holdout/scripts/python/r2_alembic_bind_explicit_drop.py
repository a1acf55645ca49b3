"""merge legacy users

Revision ID: c41d0e7a9b22
Revises: 7a2e99c01b3f
"""
import sqlalchemy as sa
from alembic import op

revision = "c41d0e7a9b22"
down_revision = "7a2e99c01b3f"


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, email, created_at FROM users_old")).fetchall()
    users = sa.table("users", sa.column("id"), sa.column("email"), sa.column("created_at"))
    op.bulk_insert(users, [dict(r._mapping) for r in rows])
    op.execute("DROP TABLE users_old")


def downgrade():
    raise NotImplementedError("irreversible: users_old was dropped")
