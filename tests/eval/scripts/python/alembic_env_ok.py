import os

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlalchemy.engine import URL

config = context.config
url = URL.create(
    "postgresql+psycopg2",
    username=os.environ["LIMS_MIGRATOR_USER"],
    password=os.environ["LIMS_MIGRATOR_PASSWORD"],
    host=os.environ.get("LIMS_DB_HOST", "db.lims.internal"),
    database="lims",
    query={"sslmode": "verify-full"},
)
config.set_main_option("sqlalchemy.url", url.render_as_string(hide_password=False))


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
