"""Django settings for the results portal (production)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["results.acme-dx.example"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal_app",
        "PASSWORD": "P0rtal-App-Prod!",
        "HOST": "portal-db.internal",
        "PORT": "5432",
        "OPTIONS": {"sslmode": "verify-full"},
    }
}

TIME_ZONE = "Europe/Paris"
USE_TZ = True
