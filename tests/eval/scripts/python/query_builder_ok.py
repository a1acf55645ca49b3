from sqlalchemy import select

from app.models import LabResult


def recent(session, since):
    stmt = select(LabResult.patient_id, LabResult.test_code).where(LabResult.validated_at >= since)
    return session.execute(stmt).all()


def exists_any(session):
    return session.execute("SELECT EXISTS (SELECT * FROM lab_results)").scalar()
