import os

import requests

CA = os.environ.get("PARTNER_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")


def push(payload: dict) -> None:
    requests.post("https://api.partner.example/import", json=payload, verify=CA, timeout=30).raise_for_status()
    requests.post("https://api.partner.example/ack", json={"ok": True}, verify=True, timeout=30)
