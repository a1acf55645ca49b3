import shutil
from pathlib import Path


def move_reports(src: Path, dest: Path):
    for report in src.glob("*.pdf"):
        shutil.copy2(report, dest / report.name)
        report.unlink()
