import os

DEBUG = False
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "lims",
        "USER": "lims_app",
        "PASSWORD": os.environ["LIMS_DB_PASSWORD"],
        "HOST": "db.lims.internal",
    },
    "legacy": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "oldlims",
        "USER": "root",
        "PASSWORD": "OldL1ms!",
        "HOST": "legacy-db.lab.local",
    },
}
