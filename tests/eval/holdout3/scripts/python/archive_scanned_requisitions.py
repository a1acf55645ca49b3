"""Move the scanner's PDF requisitions to the archive bucket, then delete the originals."""
import shutil
from pathlib import Path

import boto3

INBOX = Path("/srv/scanner/inbox")
STAGED = Path("/srv/scanner/staged")


def archive_requisitions() -> int:
    s3 = boto3.client("s3")
    moved = 0
    for pdf in sorted(INBOX.glob("*.pdf")):
        staged = STAGED / pdf.name
        shutil.copy2(pdf, staged)
        try:
            s3.upload_file(str(staged), "acme-requisitions-archive", pdf.name, ExtraArgs={"ServerSideEncryption": "aws:kms"})
            pdf.unlink()
            moved += 1
        finally:
            staged.unlink(missing_ok=True)
    return moved
