"""Connection settings for the archive mover (imported by the mover job)."""
import psycopg2

ARCHIVE_DB_HOST = "archive-db.internal"
ARCHIVE_DB_USER = "archive_mover"
ARCHIVE_DB_PASSWORD = "Arch1ve-Mover-2022"

SFTP_SETTINGS = {"host": "sftp.archive.example.org", "username": "acme_archive", "password": "Sftp-Arch#55"}


def archive_connection():
    return psycopg2.connect(host=ARCHIVE_DB_HOST, user=ARCHIVE_DB_USER, password=ARCHIVE_DB_PASSWORD,
                            dbname="archive", sslmode="verify-full")
