import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("CRM_DB_NAME", "crm"),
        "USER": os.environ["CRM_DB_USER"],
        "PASSWORD": os.environ["CRM_DB_PASSWORD"],
        "HOST": os.environ.get("CRM_DB_HOST", "crm-db.internal.example"),
        "PORT": "5432",
        "OPTIONS": {"sslmode": "verify-full", "sslrootcert": "/etc/ssl/certs/crm-ca.pem"},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
]
