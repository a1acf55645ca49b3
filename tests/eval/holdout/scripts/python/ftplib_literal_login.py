import ftplib
import glob
import os

ftp = ftplib.FTP()
ftp.connect("ftp.old-crm.example", 21)
ftp.login("export", "Exp0rt2023")
for name in glob.glob("/srv/outbound/*.csv.gpg"):
    with open(name, "rb") as fh:
        ftp.storbinary("STOR " + os.path.basename(name), fh)
    os.remove(name)
ftp.quit()
