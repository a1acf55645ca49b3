"""Helpers for the migration.

Usage::

    python -m lims.migrate --source legacy --dest new

The connection settings are read from the environment (LIMS_DB_URL).
"""
import os

from sqlalchemy import create_engine


def engine():
    return create_engine(os.environ["LIMS_DB_URL"])
