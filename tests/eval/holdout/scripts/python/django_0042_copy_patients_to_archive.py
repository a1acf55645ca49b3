from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("lims", "0041_auto_20240112_0931"),
    ]

    operations = [
        migrations.RunSQL(
            sql="INSERT INTO lims_patient_archive SELECT * FROM lims_patient WHERE discharged_at < now() - interval '10 years'",
            reverse_sql="DELETE FROM lims_patient_archive",
        ),
        migrations.RunSQL(
            "DELETE FROM lims_patient WHERE discharged_at < now() - interval '10 years'",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
