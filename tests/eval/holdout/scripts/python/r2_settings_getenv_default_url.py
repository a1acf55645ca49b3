import os

DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://localhost:5432/crm_dev")
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
DB_PASSWORD = None
API_TOKEN = ""
SMTP_PASSWORD = "${SMTP_PASSWORD}"
