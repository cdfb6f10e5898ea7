import pytest

from privacy.factories import ConsentRecordFactory, NoticeAcceptanceFactory, PrivacyNoticeFactory

pytestmark = pytest.mark.django_db


def test_privacy_factories_build_valid_objects():
    notice = PrivacyNoticeFactory()
    notice.full_clean()
    acceptance = NoticeAcceptanceFactory(notice=notice)
    acceptance.full_clean()
    record = ConsentRecordFactory(notice=notice, granted=False)
    record.full_clean()
    assert record.user != acceptance.user
