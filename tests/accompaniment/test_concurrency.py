"""Two advisors move the same case at the same moment (PostgreSQL): one move wins, the other is refused;
no lost update, no illegal transition, one timeline entry."""

import threading
import time

import pytest

from django.db import connection

from accompaniment import services
from accompaniment.factories import AdvisorFactory, CaseFactory
from accompaniment.models import Case, Stage, TimelineEntry
from accompaniment.stages import stages_ensure
from accounts.factories import UserFactory
from accounts.roles import ADMIN

pytestmark = pytest.mark.django_db(transaction=True)

SQLITE_REASON = (
    "SQLite has no row locks (select_for_update is a no-op there) and lets one writer at a time into "
    "the whole database, so the two moves cannot interleave; the race is run on PostgreSQL (DATABASE_URL)."
)


def _in_threads(calls):
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, errors


@pytest.fixture
def slow_checks(monkeypatch):
    """Each move waits inside its transaction, after reading the case: without the row lock both moves
    would read "received" and both be written."""
    original = services._missing_fields

    def slow(case, stage):
        time.sleep(0.3)
        return original(case, stage)

    monkeypatch.setattr(services, "_missing_fields", slow)


def test_two_advisors_move_one_case_at_once(slow_checks):
    if connection.vendor != "postgresql":
        pytest.skip(SQLITE_REASON)
    stages_ensure(Stage)
    first = AdvisorFactory()
    admin = UserFactory(roles=[ADMIN], two_factor=True)
    case = CaseFactory(advisor=first)
    qualified = Stage.objects.get(key="qualified")

    results, errors = _in_threads(
        [
            lambda: services.case_transition(actor=first, case_id=case.pk, to_stage=qualified, reason="a"),
            lambda: services.case_transition(actor=admin, case_id=case.pk, to_stage=qualified, reason="b"),
        ]
    )
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], services.TransitionRefused)
    case = Case.objects.get(pk=case.pk)
    assert case.stage == qualified and case.version == 2
    assert TimelineEntry.objects.filter(case=case, kind="transition").count() == 1


def test_a_move_and_an_assignment_at_once_keep_both(slow_checks):
    """Different fields written at once: neither overwrites the other (no lost update)."""
    if connection.vendor != "postgresql":
        pytest.skip(SQLITE_REASON)
    stages_ensure(Stage)
    first, second = AdvisorFactory(), AdvisorFactory()
    admin = UserFactory(roles=[ADMIN], two_factor=True)
    case = CaseFactory(advisor=first)
    qualified = Stage.objects.get(key="qualified")

    _results, errors = _in_threads(
        [
            lambda: services.case_transition(actor=first, case_id=case.pk, to_stage=qualified),
            lambda: services.case_assign(actor=admin, case_id=case.pk, advisor=second, note="over to you"),
        ]
    )
    case = Case.objects.get(pk=case.pk)
    # The move may be refused if the assignment committed first (the first advisor no longer holds the
    # case); whichever order, the state is one the services allow, and the version counts each write.
    assert case.advisor == second
    moved = case.stage == qualified
    assert len(errors) == (0 if moved else 1)
    assert case.version == 1 + 1 + int(moved)
