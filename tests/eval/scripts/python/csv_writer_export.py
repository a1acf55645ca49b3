import csv


def export(conn, path):
    cur = conn.cursor()
    cur.execute("SELECT p.*, r.value FROM patients p JOIN results r ON r.patient_id = p.id")
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c[0] for c in cur.description])
        writer.writerows(cur.fetchall())
