"""A flushed database (transactional tests) gets the first notice again, as migration 0002 gives it:
without a notice no consent can be recorded, and the demo's members had none."""

import pytest

from django.apps import apps

from privacy.apps import _first_notice_after_migrate
from privacy.factories import PrivacyNoticeFactory
from privacy.models import PrivacyNotice

pytestmark = pytest.mark.django_db


def test_an_empty_notice_table_gets_the_first_version_back():
    PrivacyNotice.objects.all().delete()
    _first_notice_after_migrate(apps.get_app_config("privacy"))
    assert list(PrivacyNotice.objects.values_list("version", flat=True)) == ["1.0"]


def test_notices_an_administrator_published_are_left_alone():
    PrivacyNotice.objects.all().delete()
    PrivacyNoticeFactory(version="3.0")
    _first_notice_after_migrate(apps.get_app_config("privacy"))
    assert list(PrivacyNotice.objects.values_list("version", flat=True)) == ["3.0"]
