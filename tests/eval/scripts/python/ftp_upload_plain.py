import ftplib
import os


def upload(path):
    ftp = ftplib.FTP("ftp.newlims-provider.com")
    ftp.login("lab_nord", "Nord-Ftp-2021")
    with open(path, "rb") as fh:
        ftp.storbinary("STOR " + os.path.basename(path), fh)
    ftp.quit()
