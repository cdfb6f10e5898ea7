"""A reviewer's "not the same person" is a cannot-link constraint: it splits only what it must."""

import pytest

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from referential.linkage import services
from referential.linkage.factories import SourceRecordFactory
from referential.linkage.models import CandidatePair, GoldenRecord, RecordLink

pytestmark = pytest.mark.django_db


def _golden_with(records, pairs):
    golden = GoldenRecord.objects.create()
    for record in records:
        RecordLink.objects.create(key=f"s:{record.pk}", golden=golden, source_record=record)
    for (a, b), probability in pairs.items():
        left, right = sorted((f"s:{a.pk}", f"s:{b.pk}"))
        CandidatePair.objects.create(
            left_key=left, right_key=right, match_probability=probability, status=CandidatePair.Status.AUTO
        )
    return golden


def _groups(records):
    links = dict(RecordLink.objects.values_list("key", "golden_id"))
    by_golden = {}
    for name, record in records.items():
        by_golden.setdefault(links[f"s:{record.pk}"], set()).add(name)
    return sorted(sorted(group) for group in by_golden.values())


def test_not_the_same_person_keeps_unrelated_automatic_merges():
    a, b, c, d = (SourceRecordFactory(given_name=name) for name in ("Amine", "Amin", "Anas", "Anass"))
    # A–B and C–D are sure; B–C is the weak link that chained two people into one golden record.
    _golden_with([a, b, c, d], {(a, b): 0.999, (c, d): 0.999, (b, c): 0.991})
    pair = CandidatePair.objects.create(
        left_key=min(f"s:{a.pk}", f"s:{d.pk}"), right_key=max(f"s:{a.pk}", f"s:{d.pk}")
    )
    analyst = UserFactory(roles=[ANALYST], two_factor=True)

    services.pair_decide(pair, same_person=False, actor=analyst)

    assert _groups({"a": a, "b": b, "c": c, "d": d}) == [["a", "b"], ["c", "d"]]
    # No decision was invented for the other records: one "not the same person", the analyst's.
    assert CandidatePair.objects.filter(status=CandidatePair.Status.NON_MATCH).count() == 1
    assert CandidatePair.objects.filter(status=CandidatePair.Status.AUTO).count() == 3


def test_not_the_same_person_detaches_only_the_record_it_must():
    a, b, c = (SourceRecordFactory(given_name=name) for name in ("Amine", "Amin", "Amine"))
    golden = _golden_with([a, b, c], {(a, b): 0.999, (a, c): 0.995, (b, c): 0.993})
    left, right = sorted((f"s:{b.pk}", f"s:{c.pk}"))
    pair = CandidatePair.objects.get(left_key=left, right_key=right)

    services.pair_decide(pair, same_person=False, actor=UserFactory(roles=[ANALYST], two_factor=True))

    assert _groups({"a": a, "b": b, "c": c}) == [["a", "b"], ["c"]]
    assert RecordLink.objects.get(key=f"s:{a.pk}").golden_id == golden.pk  # the larger part keeps its id
