# The referential's access log moves into the shared audit log (core.AuditLog), history kept.

import core.countries
from django.db import migrations, models

KINDS = {"view": "read", "download_file": "export", "download_rejected": "export"}


def copy_to_audit_log(apps, schema_editor):
    AccessLog = apps.get_model("referential", "AccessLog")
    AuditLog = apps.get_model("core", "AuditLog")
    entries = []
    for row in AccessLog.objects.order_by("id").iterator():
        target_type, target_id = ("referential.importbatch", row.batch_id) if row.batch_id else (
            ("referential.source", row.source_id) if row.source_id else ("", None)
        )
        context = {k: v for k, v in {"source": row.source_id, "batch": row.batch_id}.items() if v is not None}
        entries.append(
            AuditLog(
                at=row.at,
                actor_id=row.user_id,
                kind=KINDS.get(row.action, "change"),
                action=f"referential.{row.action}",
                target_type=target_type,
                target_id=str(target_id) if target_id is not None else "",
                detail=row.detail,
                context=context,
            )
        )
    AuditLog.objects.bulk_create(entries, batch_size=1000)


def copy_back(apps, schema_editor):
    AccessLog = apps.get_model("referential", "AccessLog")
    AuditLog = apps.get_model("core", "AuditLog")
    for entry in AuditLog.objects.filter(action__startswith="referential.").iterator():
        AccessLog.objects.create(
            at=entry.at,
            user_id=entry.actor_id,
            action=entry.action.split(".", 1)[1],
            source_id=entry.context.get("source"),
            batch_id=entry.context.get("batch"),
            detail=entry.detail,
        )
    AuditLog.objects.filter(action__startswith="referential.").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('referential', '0001_initial'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='source',
            name='country',
            field=models.CharField(choices=core.countries.country_choices_lazy, max_length=2, verbose_name='country'),
        ),
        migrations.RunPython(copy_to_audit_log, copy_back),
        migrations.DeleteModel(
            name='AccessLog',
        ),
    ]
