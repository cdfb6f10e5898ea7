from django.db import migrations
from django.utils import timezone


def create_first_notice(apps, schema_editor):
    PrivacyNotice = apps.get_model("privacy", "PrivacyNotice")
    PrivacyNotice.objects.get_or_create(
        version="1.0",
        defaults={"published_at": timezone.now(), "summary": "First version of the privacy notice."},
    )


def remove_first_notice(apps, schema_editor):
    PrivacyNotice = apps.get_model("privacy", "PrivacyNotice")
    PrivacyNotice.objects.filter(version="1.0", acceptances=None, consent_records=None).delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(create_first_notice, remove_first_notice)]
