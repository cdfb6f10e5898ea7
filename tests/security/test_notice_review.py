"""A new version of the privacy notice is put to the member at their next sign-in; acceptance recorded."""

import pytest

from django.utils import timezone

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from privacy.models import NoticeAcceptance
from privacy.selectors import notice_current
from privacy.services import notice_accept
from tests.accounts.helpers import log_in

pytestmark = pytest.mark.django_db


def test_a_new_notice_is_asked_at_next_sign_in_and_the_acceptance_recorded(client):
    from privacy.factories import PrivacyNoticeFactory

    member = UserFactory()
    notice_accept(user=member)  # the version in force at sign-up
    new = PrivacyNoticeFactory(version="2099.1", published_at=timezone.now())
    assert notice_current() == new

    assert log_in(client, member.email, DEFAULT_PASSWORD).status_code == 302
    response = client.get("/fr/community/notifications/")
    assert response.status_code == 302 and "/fr/account/notice/" in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200 and "2099.1" in page.content.decode()

    response = client.post("/fr/account/notice/?next=/fr/community/notifications/")
    assert response.status_code == 302 and response["Location"] == "/fr/community/notifications/"
    assert NoticeAcceptance.objects.filter(user=member, notice=new).exists()
    assert client.get("/fr/community/notifications/").status_code == 200


def test_a_member_who_accepted_the_notice_in_force_is_not_stopped(client):
    member = UserFactory()
    notice_accept(user=member)
    log_in(client, member.email, DEFAULT_PASSWORD)
    assert client.get("/fr/community/notifications/").status_code == 200
