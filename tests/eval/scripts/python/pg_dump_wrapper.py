#!/usr/bin/env python3
"""Dump the legacy database before the cut-over."""
import argparse
import subprocess
from datetime import datetime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="lims")
    parser.add_argument("--out", default="/backups")
    args = parser.parse_args()
    target = f"{args.out}/{args.db}-{datetime.now():%Y%m%d%H%M}.sql"
    cmd = ["pg_dump", "-h", "legacy-lims", "-U", "backup_operator", "-f", target, args.db]
    subprocess.run(cmd, check=True)
    print(target)


if __name__ == "__main__":
    main()
