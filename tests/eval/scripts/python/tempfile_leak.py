import csv
import tempfile


def stage(rows):
    fd, path = tempfile.mkstemp(prefix="lims-", suffix=".csv")
    with open(fd, "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path
