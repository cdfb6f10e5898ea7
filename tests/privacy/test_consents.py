"""Consent per purpose: append-only records, what is in force, and who may be contacted."""

from datetime import timedelta

import pytest

from django.utils import timezone

from accounts.factories import UserFactory
from privacy.factories import PrivacyNoticeFactory
from privacy.models import ConsentPurpose, ConsentRecord, ConsentSource
from privacy.selectors import (
    consent_history,
    consents_current,
    notice_current,
    user_has_consent,
    users_with_consent,
)
from privacy.services import consent_record, notice_accept, signup_consents_record

pytestmark = pytest.mark.django_db
DIRECTORY = ConsentPurpose.DIRECTORY
SETTINGS = ConsentSource.SETTINGS


def test_the_first_notice_comes_from_a_data_migration():
    notice = notice_current()
    assert notice.version == "1.0"


def test_the_current_notice_is_the_latest_published_one():
    PrivacyNoticeFactory(version="1.1", published_at=timezone.now())
    PrivacyNoticeFactory(version="2.0", published_at=timezone.now() + timedelta(days=7))
    assert notice_current().version == "1.1"
    record = consent_record(user=UserFactory(), purpose=DIRECTORY, granted=True, source=SETTINGS)
    assert record.notice.version == "1.1"
    assert notice_accept(user=record.user).notice.version == "1.1"


def test_no_consent_without_a_decision():
    user = UserFactory()
    assert consents_current(user) == dict.fromkeys(ConsentPurpose.values, False)
    purposes = {"newsletter", "event_invitations", "programme_calls", "watch", "analytics"}
    assert purposes <= set(ConsentPurpose.values)
    assert not user_has_consent(user, DIRECTORY)
    assert user not in users_with_consent(DIRECTORY)


def test_withdrawing_adds_a_record_and_flips_users_with_consent():
    user, other = UserFactory(), UserFactory()
    signup_consents_record(user=user, granted_purposes=[DIRECTORY])
    signup_consents_record(user=other, granted_purposes=[])
    assert list(users_with_consent(DIRECTORY)) == [user]
    assert user_has_consent(user, DIRECTORY)

    consent_record(user=user, purpose=DIRECTORY, granted=False, source=ConsentSource.SETTINGS)
    assert not user_has_consent(user, DIRECTORY)
    assert list(users_with_consent(DIRECTORY)) == []

    consent_record(user=other, purpose=DIRECTORY, granted=True, source=ConsentSource.SETTINGS)
    assert list(users_with_consent(DIRECTORY)) == [other]

    history = list(consent_history(user).filter(purpose=DIRECTORY))
    assert [(r.granted, r.source) for r in history] == [(False, "settings"), (True, "signup")]
    assert ConsentRecord.objects.filter(user=user).count() == len(ConsentPurpose.values) + 1


def test_users_with_consent_is_one_query_and_chains(django_assert_num_queries):
    for granted in (True, False, True):
        signup_consents_record(user=UserFactory(), granted_purposes=[DIRECTORY] if granted else [])
    with django_assert_num_queries(1):
        emails = list(users_with_consent(DIRECTORY).filter(is_active=True).values_list("email", flat=True))
    assert len(emails) == 2


def test_records_are_append_only():
    record = consent_record(user=UserFactory(), purpose=DIRECTORY, granted=True, source=ConsentSource.SIGNUP)
    record.granted = False
    with pytest.raises(ValueError):
        record.save()


def test_unknown_purpose_or_source_is_refused():
    user = UserFactory()
    with pytest.raises(ValueError):
        consent_record(user=user, purpose="telepathy", granted=True, source=ConsentSource.SIGNUP)
    with pytest.raises(ValueError):
        consent_record(user=user, purpose=DIRECTORY, granted=True, source="rumour")
    with pytest.raises(ValueError):
        users_with_consent("telepathy")


def test_anonymous_visitors_have_no_consent(rf):
    from django.contrib.auth.models import AnonymousUser

    assert not user_has_consent(AnonymousUser(), DIRECTORY)
