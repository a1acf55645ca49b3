import csv
import tempfile


def stage_and_send(rows, send):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="") as handle:
        csv.writer(handle).writerows(rows)
        handle.flush()
        send(handle.name)
