from django.db import migrations


def copy_comments(apps, schema_editor):
    Result = apps.get_model("results", "Result")
    Archive = apps.get_model("results", "CommentArchive")
    for result in Result.objects.exclude(comment="").iterator():
        Archive.objects.create(result_id=result.pk, comment=result.comment)


class Migration(migrations.Migration):
    dependencies = [("results", "0041_result_comment")]
    operations = [
        migrations.RunPython(copy_comments, migrations.RunPython.noop),
        migrations.RunSQL("INSERT INTO results_export SELECT * FROM results_result"),
    ]
