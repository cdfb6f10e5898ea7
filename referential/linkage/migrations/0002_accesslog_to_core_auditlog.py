# Linkage's access log moves into the shared audit log (core.AuditLog), history kept.

from django.db import migrations

KINDS = {"view_golden": "read", "view_pair": "read", "member_view": "read", "export_golden": "export"}


def copy_to_audit_log(apps, schema_editor):
    LinkageAccessLog = apps.get_model("linkage", "LinkageAccessLog")
    AuditLog = apps.get_model("core", "AuditLog")
    entries = []
    for row in LinkageAccessLog.objects.order_by("id").iterator():
        if row.golden_id:
            target_type, target_id = "linkage.goldenrecord", str(row.golden_id)
        elif row.pair_id:
            target_type, target_id = "linkage.candidatepair", str(row.pair_id)
        else:
            target_type, target_id = "", ""
        context = {k: v for k, v in {"golden": row.golden_id, "pair": row.pair_id}.items() if v is not None}
        entries.append(
            AuditLog(
                at=row.at,
                actor_id=row.user_id,
                kind=KINDS.get(row.action, "change"),
                action=f"linkage.{row.action}",
                target_type=target_type,
                target_id=target_id,
                detail=row.detail,
                context=context,
            )
        )
    AuditLog.objects.bulk_create(entries, batch_size=1000)


def copy_back(apps, schema_editor):
    LinkageAccessLog = apps.get_model("linkage", "LinkageAccessLog")
    AuditLog = apps.get_model("core", "AuditLog")
    for entry in AuditLog.objects.filter(action__startswith="linkage.").iterator():
        LinkageAccessLog.objects.create(
            at=entry.at,
            user_id=entry.actor_id,
            action=entry.action.split(".", 1)[1],
            golden_id=entry.context.get("golden"),
            pair_id=entry.context.get("pair"),
            detail=entry.detail,
        )
    AuditLog.objects.filter(action__startswith="linkage.").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('linkage', '0001_initial'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(copy_to_audit_log, copy_back),
        migrations.DeleteModel(
            name='LinkageAccessLog',
        ),
    ]
