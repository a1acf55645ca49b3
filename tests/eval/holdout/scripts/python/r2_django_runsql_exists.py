from django.db import migrations

FORWARD = """
INSERT INTO crm_contact_optin (contact_id, email)
SELECT c.id, c.email
FROM crm_contact c
WHERE EXISTS (SELECT * FROM crm_consent k WHERE k.contact_id = c.id AND k.marketing)
"""


class Migration(migrations.Migration):
    dependencies = [("crm", "0017_consent")]
    operations = [
        migrations.RunSQL(FORWARD, reverse_sql="DELETE FROM crm_contact_optin"),
    ]
