import hvac

vault = hvac.Client(url="https://vault.internal.example:8200")
_db = vault.secrets.kv.v2.read_secret_version(path="crm/db")["data"]["data"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crm",
        "USER": _db["username"],
        "PASSWORD": _db["password"],
        "HOST": "crm-db.internal.example",
        "OPTIONS": {"sslmode": "verify-full"},
    }
}
