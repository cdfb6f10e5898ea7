"""Fill the decisions in force (ConsentCurrent) from the records already taken: one INSERT … SELECT of
each member's latest record per purpose (no later record by time, then id), on SQLite and PostgreSQL."""

from django.db import migrations

FILL = """
INSERT INTO privacy_consentcurrent (user_id, purpose, granted, record_id, decided_at)
SELECT r.user_id, r.purpose, r.granted, r.id, r.created_at
FROM privacy_consentrecord r
WHERE NOT EXISTS (
    SELECT 1 FROM privacy_consentrecord n
    WHERE n.user_id = r.user_id AND n.purpose = r.purpose
      AND (n.created_at > r.created_at OR (n.created_at = r.created_at AND n.id > r.id))
)
"""


class Migration(migrations.Migration):
    dependencies = [("privacy", "0006_consent_current")]

    operations = [
        migrations.RunSQL(FILL, reverse_sql="DELETE FROM privacy_consentcurrent"),
    ]
