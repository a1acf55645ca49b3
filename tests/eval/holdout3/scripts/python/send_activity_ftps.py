"""Send the monthly activity file over explicit FTPS with a protected data channel."""
import os
import tempfile
from ftplib import FTP_TLS

import pandas as pd


def send(frame: pd.DataFrame, month: str) -> None:
    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        frame.to_csv(handle.name, index=False)
        with FTP_TLS("ftps.regional-agency.example.org") as ftps:
            ftps.login(os.environ["AGENCY_FTPS_USER"], os.environ["AGENCY_FTPS_PASSWORD"])
            ftps.prot_p()
            with open(handle.name, "rb") as data:
                ftps.storbinary(f"STOR activity_{month}.csv", data)
