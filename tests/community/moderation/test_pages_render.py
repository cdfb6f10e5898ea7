"""Every labels, notifications and moderation page renders right-to-left in Arabic for a moderator."""

import pytest

from django.contrib.contenttypes.models import ContentType

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.labels.factories import LabelApplicationFactory, LabelFactory
from community.moderation.factories import ReportFactory
from community.notifications.factories import NotificationFactory
from community.profiles.factories import ProfileFactory


@pytest.mark.django_db
def test_pages_render_in_arabic(client):
    mod = UserFactory(roles=[MODERATOR], two_factor=True)
    app = LabelApplicationFactory()
    LabelFactory()
    r = ReportFactory()
    NotificationFactory(recipient=mod)
    client.force_login(mod)
    ct = ContentType.objects.get_for_model(r.target).pk
    for url in [
        "/ar/community/labels/",
        f"/ar/community/labels/apply/{LabelFactory().slug}/",
        "/ar/community/labels/mine/",
        "/ar/community/labels/moderation/",
        f"/ar/community/labels/moderation/applications/{app.pk}/",
        "/ar/community/notifications/",
        "/ar/community/notifications/preferences/",
        "/ar/community/moderation/",
        f"/ar/community/moderation/review/{ct}/{r.object_id}/",
        f"/ar/community/moderation/report/{ct}/{ProfileFactory(vis_name=0).user_id}/",
        "/ar/community/moderation/blocks/",
    ]:
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert 'dir="rtl"' in resp.content.decode(), url
