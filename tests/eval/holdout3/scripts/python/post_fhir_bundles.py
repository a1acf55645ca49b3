"""Post FHIR DiagnosticReport bundles to the regional health information exchange."""
import json
import os
import sys

import requests

ENDPOINT = "https://hie.region.example.org/fhir"
TOKEN = os.environ["HIE_TOKEN"]


def post_bundle(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        bundle = json.load(handle)
    response = requests.post(ENDPOINT, json=bundle, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60, verify=False)
    response.raise_for_status()


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        post_bundle(arg)
