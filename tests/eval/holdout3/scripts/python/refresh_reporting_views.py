"""Refresh the reporting materialised views after the nightly load."""
import os
import subprocess

os.environ["PGPASSWORD"] = "Nightly-Dump#2024"
os.environ["PGSSLMODE"] = "verify-full"

VIEWS = ["mv_turnaround_by_site", "mv_daily_volumes"]


def refresh() -> None:
    for view in VIEWS:
        subprocess.run(
            ["psql", "-h", "reporting-db.internal", "-U", "etl_nightly", "-d", "reporting",
             "-c", f"REFRESH MATERIALIZED VIEW CONCURRENTLY {view}"],
            check=True,
        )


if __name__ == "__main__":
    refresh()
