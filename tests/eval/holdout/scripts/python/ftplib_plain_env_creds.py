import os
from ftplib import FTP


def upload(path: str) -> None:
    with FTP("files.partner-lab.example") as ftp:
        ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
        ftp.cwd("/incoming")
        with open(path, "rb") as fh:
            ftp.storbinary(f"STOR {os.path.basename(path)}", fh)
    os.remove(path)
