from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("results", "0042_copy_comments")]
    operations = [
        migrations.RemoveField(model_name="result", name="comment"),
        migrations.RunSQL(
            "UPDATE results_result SET prescriber_note = NULL WHERE validated_at < now() - interval '5 years'",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
