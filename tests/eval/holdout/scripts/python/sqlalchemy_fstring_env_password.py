import os
from urllib.parse import quote_plus

from sqlalchemy import create_engine, text

from app.settings import settings

password = quote_plus(os.environ["CRM_DB_PASSWORD"])
engine = create_engine(
    f"postgresql+psycopg2://{settings.db_user}:{password}@{settings.db_host}/crm?sslmode=require"
)

with engine.begin() as conn:
    conn.execute(text("UPDATE customers SET last_seen = now() WHERE id = :id"), {"id": 1})
