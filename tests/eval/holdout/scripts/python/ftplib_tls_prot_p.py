import os
from ftplib import FTP_TLS


def upload(path: str) -> None:
    ftps = FTP_TLS("files.partner-lab.example", timeout=60)
    ftps.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
    ftps.prot_p()
    ftps.cwd("/incoming")
    with open(path, "rb") as fh:
        ftps.storbinary("STOR " + os.path.basename(path), fh)
    ftps.quit()
    os.remove(path)
