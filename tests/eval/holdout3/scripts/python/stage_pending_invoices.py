"""Airflow callable: stage pending invoices as CSV for the next task (path via XCom)."""
import os
import tempfile

import pandas as pd
from sqlalchemy import create_engine


def stage_invoices(**context) -> str:
    engine = create_engine(os.environ["BILLING_DB_URL"])
    frame = pd.read_sql("SELECT invoice_id, payer_id, amount_cents, issued_on FROM invoices WHERE status = 'pending'", engine)
    fd, path = tempfile.mkstemp(prefix="invoices_", suffix=".csv")
    os.close(fd)
    frame.to_csv(path, index=False)
    context["ti"].xcom_push(key="invoices_path", value=path)
    return path
