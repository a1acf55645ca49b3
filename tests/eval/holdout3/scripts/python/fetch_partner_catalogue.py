"""Fetch the partner's test catalogue with certificate verification against its CA."""
import os

import requests

CA_BUNDLE = "/etc/ssl/certs/partner-ca.pem"


def fetch_catalogue() -> list:
    response = requests.get(
        "https://catalogue.partner-diagnostics.example.com/api/v2/tests",
        auth=(os.environ["CATALOGUE_USER"], os.environ["CATALOGUE_PASSWORD"]),
        verify=CA_BUNDLE,
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["tests"]
