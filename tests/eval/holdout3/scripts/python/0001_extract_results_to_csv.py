"""Extract validated results for the new LIMS (ticket MIG-118)."""
import os

import pandas as pd
from sqlalchemy import create_engine

ENGINE = create_engine(os.environ["LEGACY_LIMS_URL"])
EXPORT_DIR = "/srv/exports/mig-118"

QUERY = "SELECT * FROM lab_results WHERE validated_at >= %(since)s"


def main(since: str) -> None:
    frame = pd.read_sql(QUERY, ENGINE, params={"since": since})
    frame.to_csv(f"{EXPORT_DIR}/results_{since}.csv", index=False)


if __name__ == "__main__":
    main(os.environ.get("SINCE", "2024-01-01"))
