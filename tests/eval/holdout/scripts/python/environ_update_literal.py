import os
import subprocess

os.environ.update(MYSQL_PWD="Sh0p!Maint")
subprocess.run(["mysql", "-h", "shop-db", "-u", "shop_maint", "shop", "-e", "OPTIMIZE TABLE orders"], check=True)
