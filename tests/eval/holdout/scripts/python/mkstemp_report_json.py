import json
import os
import tempfile

import requests


def send_report(rows: list[dict]) -> None:
    fd, path = tempfile.mkstemp(suffix=".json", prefix="patients-")
    with os.fdopen(fd, "w") as fh:
        json.dump(rows, fh)
    with open(path, "rb") as fh:
        requests.post("https://import.new-lims.example/api/patients", files={"file": fh}, timeout=60)
