"""Group notifications written before they were worded at read time: their group is recovered from the
link they carry (/<lang>/community/groups/<slug>/), so that they too are worded in the reader's language.
Rows whose group is gone, or whose link says nothing, keep the words they were stored with."""

import re

from django.db import migrations

KINDS = ("group_request", "group_request_approved", "group_invitation")
SLUG = re.compile(r"/community/groups/([^/?#]+)/")


def params_from_links(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    CommunityGroup = apps.get_model("community_groups", "CommunityGroup")
    ids = dict(CommunityGroup.objects.values_list("slug", "id"))
    for notification in Notification.objects.filter(kind__in=KINDS, params={}).only("id", "url").iterator():
        match = SLUG.search(notification.url or "")
        if match and match.group(1) in ids:
            Notification.objects.filter(pk=notification.pk).update(params={"group": ids[match.group(1)]})


class Migration(migrations.Migration):
    dependencies = [
        ("community_groups", "0002_length_caps"),
        ("notifications", "0002_notification_params"),
    ]

    operations = [migrations.RunPython(params_from_links, migrations.RunPython.noop)]
