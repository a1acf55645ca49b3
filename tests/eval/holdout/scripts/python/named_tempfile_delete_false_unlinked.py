import os
import subprocess
import tempfile


def encrypt_and_send(payload: bytes, recipient: str) -> None:
    tmp = tempfile.NamedTemporaryFile(suffix=".json", delete=False)
    try:
        tmp.write(payload)
        tmp.close()
        subprocess.run(["gpg", "--batch", "--encrypt", "-r", recipient, "--output", tmp.name + ".gpg", tmp.name], check=True)
        subprocess.run(["sftp", "-b", "-", "exchange@partner"], input=f"put {tmp.name}.gpg /in/\n".encode(), check=True)
    finally:
        os.unlink(tmp.name)
        if os.path.exists(tmp.name + ".gpg"):
            os.unlink(tmp.name + ".gpg")
