import ftplib
import os

with ftplib.FTP("ftp.old-crm.example", os.environ["FTP_USER"], os.environ["FTP_PASSWORD"]) as ftp:
    print(ftp.nlst("/outgoing"))
