from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
ALLOWED_HOSTS = ["crm.internal.example"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crm",
        "USER": "crm_app",
        "PASSWORD": "Crm!Pr0d-2023",
        "HOST": "crm-db.internal.example",
        "PORT": "5432",
        "OPTIONS": {"sslmode": "require"},
    }
}

TIME_ZONE = "Europe/Paris"
USE_TZ = True
