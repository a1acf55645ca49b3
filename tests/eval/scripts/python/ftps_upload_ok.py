import os
from ftplib import FTP_TLS


def upload(path):
    with FTP_TLS("ftps.newlims-provider.com") as ftps:
        ftps.login(os.environ["FTPS_USER"], os.environ["FTPS_PASSWORD"])
        ftps.prot_p()
        with open(path, "rb") as fh:
            ftps.storbinary("STOR " + os.path.basename(path), fh)
