"""The decision in force per member and purpose (ConsentCurrent), kept by the service that appends the
records: what the dashboard counts, so it must follow every withdrawal and every new agreement."""

import pytest

from django.db import connection

from accounts.factories import UserFactory
from core.registry import registry
from privacy.factories import ConsentRecordFactory
from privacy.models import ConsentCurrent, ConsentPurpose, ConsentRecord, ConsentSource
from privacy.selectors import consents_current
from privacy.services import (
    consent_in_force_keep,
    consent_record,
    consents_decide,
    consents_in_force_rebuild,
    signup_consents_record,
)

pytestmark = pytest.mark.django_db
DIRECTORY, MATCHING = ConsentPurpose.DIRECTORY, ConsentPurpose.MATCHING
SETTINGS = ConsentSource.SETTINGS


def _in_force(user):
    return dict(ConsentCurrent.objects.filter(user=user).values_list("purpose", "granted"))


def _consent_panel(**filters):
    from dashboards.filters import filters_from

    _form, page_filters = filters_from(filters, None)
    data = registry.dashboard_panels["privacy.consents"].data(None, page_filters)
    return {row[0]: row[1:3] for row in data["rows"]}


def test_withdrawing_then_granting_again_moves_the_decision_in_force_each_time():
    user = UserFactory()
    signup_consents_record(user=user, granted_purposes=[DIRECTORY, MATCHING])
    assert _in_force(user) == {purpose: purpose in (DIRECTORY, MATCHING) for purpose in ConsentPurpose.values}

    consents_decide(user=user, decisions={DIRECTORY: False}, source=SETTINGS)
    assert _in_force(user)[DIRECTORY] is False
    assert _in_force(user) == consents_current(user)

    consents_decide(user=user, decisions={DIRECTORY: True}, source=SETTINGS)
    current = ConsentCurrent.objects.get(user=user, purpose=DIRECTORY)
    latest = ConsentRecord.objects.filter(user=user, purpose=DIRECTORY).order_by("-created_at", "-id")[0]
    assert current.granted is True and current.record_id == latest.pk
    assert ConsentRecord.objects.filter(user=user, purpose=DIRECTORY).count() == 3  # history kept
    assert ConsentCurrent.objects.filter(user=user).count() == len(ConsentPurpose.values)  # one per purpose


def test_dashboard_counts_follow_a_withdrawal_and_a_new_agreement():
    label = str(ConsentPurpose.DIRECTORY.label)
    members = [UserFactory() for _ in range(3)]
    for user in members:
        signup_consents_record(user=user, granted_purposes=[DIRECTORY])
    assert _consent_panel()[label] == [3, 3]  # agree, decided
    consent_record(user=members[0], purpose=DIRECTORY, granted=False, source=SETTINGS)
    assert _consent_panel()[label] == [2, 3]
    consent_record(user=members[0], purpose=DIRECTORY, granted=True, source=SETTINGS)
    assert _consent_panel()[label] == [3, 3]
    members[1].is_active = False
    members[1].save(update_fields=["is_active"])
    assert _consent_panel()[label] == [2, 2]  # closed accounts are not counted


def test_an_older_decision_never_replaces_a_later_one():
    user = UserFactory()
    first = consent_record(user=user, purpose=DIRECTORY, granted=True, source=SETTINGS)
    second = consent_record(user=user, purpose=DIRECTORY, granted=False, source=SETTINGS)
    consent_in_force_keep(first)  # a late writer finishing after the later decision
    current = ConsentCurrent.objects.get(user=user, purpose=DIRECTORY)
    assert current.record_id == second.pk and current.granted is False


def test_records_written_around_the_service_are_rebuilt_and_factories_keep_the_table():
    user, other = UserFactory(), UserFactory()
    ConsentRecordFactory(user=user, purpose=MATCHING, granted=True)
    ConsentRecordFactory(user=user, purpose=MATCHING, granted=False)
    assert _in_force(user) == {MATCHING: False}
    notice = ConsentRecord.objects.first().notice
    ConsentRecord.objects.bulk_create(  # a bulk load bypassing the service
        [ConsentRecord(user=other, purpose=MATCHING, granted=True, notice=notice, source=SETTINGS)]
    )
    assert _in_force(other) == {}
    assert consents_in_force_rebuild([other.pk]) == 1  # these members only
    assert _in_force(other) == {MATCHING: True}
    assert consents_in_force_rebuild() == 2
    assert _in_force(other) == {MATCHING: True} and _in_force(user) == {MATCHING: False}


def test_the_data_migration_fills_the_table_with_each_latest_decision():
    """Migration 0007's INSERT … SELECT on the records as they stand (run again here on an empty table)."""
    import importlib

    fill = importlib.import_module("privacy.migrations.0007_consent_current_fill").FILL
    users = [UserFactory() for _ in range(3)]
    for n, user in enumerate(users):
        signup_consents_record(user=user, granted_purposes=[DIRECTORY])
        for _ in range(n):  # n withdrawals and agreements after sign-up
            consents_decide(
                user=user, decisions={DIRECTORY: not consents_current(user)[DIRECTORY]}, source=SETTINGS
            )
    expected = {user.pk: _in_force(user) for user in users}
    ConsentCurrent.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(fill)
    assert {user.pk: _in_force(user) for user in users} == expected
    assert expected[users[1].pk][DIRECTORY] is False and expected[users[2].pk][DIRECTORY] is True
