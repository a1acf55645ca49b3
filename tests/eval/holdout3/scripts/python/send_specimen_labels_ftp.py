"""Send the day's specimen label batch to the courier's label printing service."""
import os
import sys
from ftplib import FTP

BATCH_DIR = "/var/spool/specimen-labels"


def send_batch(name: str) -> None:
    path = os.path.join(BATCH_DIR, name)
    with FTP("labels.courier.example.net", timeout=30) as ftp:
        ftp.login("acme-courier", "C0urier-Print-9")
        ftp.cwd("/inbox")
        with open(path, "rb") as handle:
            ftp.storbinary(f"STOR {name}", handle)
    os.remove(path)


if __name__ == "__main__":
    send_batch(sys.argv[1])
