import csv
import tempfile

import requests


def send(rows):
    tmp = tempfile.NamedTemporaryFile(mode="w", suffix=".csv", delete=False, newline="")
    writer = csv.writer(tmp)
    for row in rows:
        writer.writerow(row)
    tmp.close()
    with open(tmp.name, "rb") as fh:
        requests.post("https://import.partner.example/upload", files={"file": fh}, timeout=60)
