import shutil
from datetime import date

SRC = "/srv/lims/reports"


def archive():
    dest = f"/mnt/archive/lims-reports-{date.today()}"
    shutil.copytree(SRC, dest)
    return dest
