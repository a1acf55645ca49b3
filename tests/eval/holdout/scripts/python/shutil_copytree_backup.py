import datetime
import shutil

SRC = "/srv/lims/exports"
DST = "/mnt/backup/lims-exports-" + datetime.date.today().isoformat()

shutil.copytree(SRC, DST)
print("copied", SRC, "to", DST)
