"""Linkage runs over source records and member accounts, analysts' decisions, golden records."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from community.profiles.factories import ProfileFactory
from referential.linkage import services
from referential.linkage.factories import SourceFactory, SourceRecordFactory
from referential.linkage.models import CandidatePair, GoldenEvent, GoldenRecord, LinkageRun, RecordLink
from referential.linkage.search import golden_text
from referential.linkage.selectors import claimable_golden_for
from referential.linkage.tasks import linkage_run_task

pytestmark = pytest.mark.django_db


def key(record):
    return f"s:{record.pk}"


def golden_of(record):
    return RecordLink.objects.get(key=key(record)).golden


def run_linkage():
    run = LinkageRun.objects.create()
    assert linkage_run_task(run.pk) == LinkageRun.Status.DONE
    run.refresh_from_db()
    return run


def test_a_run_links_variants_swaps_and_arabic_only_records_into_one_golden_record(people):
    run = run_linkage()
    assert run.records == 6 and run.model_origin == "bundled"
    a_goldens = {golden_of(r).pk for r in people["a"]}
    b_goldens = {golden_of(r).pk for r in people["b"]}
    assert len(a_goldens) == 1 and len(b_goldens) == 1
    assert a_goldens != b_goldens != {golden_of(people["c"][0]).pk}
    golden = golden_of(people["a"][0])
    # The consulate (trust 5) wins over the network (trust 2); the Arabic name has one source.
    assert golden.fields["given_name"] == {
        "value": "Mohammed",
        "reason": "trust",
        "record": key(people["a"][0]),
        "source": "Consulate in Paris",
        "source_id": people["consulate"].pk,
        "date": people["a"][0].imported_at.isoformat(),
        "alternatives": 1,
    }
    assert golden.fields["name_arabic"]["reason"] == "only"
    assert golden.fields["phone"]["reason"] == "agreed"
    assert golden.display_name == "Mohammed El Amrani"
    pair = CandidatePair.objects.get(
        left_key=min(key(people["a"][0]), key(people["a"][1])),
        right_key=max(key(people["a"][0]), key(people["a"][1])),
    )
    assert pair.status == CandidatePair.Status.AUTO
    assert {r["comparison"]: r["level"] for r in pair.reasons}["name"] == "swapped"
    assert GoldenEvent.objects.filter(golden=golden, kind=GoldenEvent.Kind.CREATED, run=run).exists()


def test_runs_are_idempotent_and_keep_golden_record_identities(people):
    first = run_linkage()
    ids = {key(r): golden_of(r).pk for group in ("a", "b", "c") for r in people[group]}
    events = GoldenEvent.objects.count()
    assert linkage_run_task(first.pk) == LinkageRun.Status.DONE  # the same run again: nothing happens
    assert GoldenEvent.objects.count() == events
    run_linkage()  # a new run over the same records: same golden records, no new event
    assert {key(r): golden_of(r).pk for group in ("a", "b", "c") for r in people[group]} == ids
    assert GoldenEvent.objects.count() == events


def test_a_member_account_joins_the_golden_record_of_its_email(people):
    member = ProfileFactory(
        user=UserFactory(email="m.amrani@example.org"),
        display_name="Mohamed Amrani",
        city="Paris",
        country="FR",
    ).user
    run_linkage()
    assert RecordLink.objects.get(key=f"u:{member.pk}").golden == golden_of(people["a"][0])


def test_analyst_decisions_apply_now_and_are_respected_by_later_runs(people):
    run_linkage()
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    arabic_only = people["a"][2]
    golden = golden_of(arabic_only)
    pair = (
        CandidatePair.objects.filter(left_key__in=[key(arabic_only)]).first()
        or CandidatePair.objects.filter(right_key=key(arabic_only)).first()
    )
    services.pair_decide(pair, same_person=False, actor=analyst)
    assert golden_of(arabic_only) != golden
    pair.refresh_from_db()
    assert pair.status == CandidatePair.Status.NON_MATCH and pair.decided_by == analyst
    run_linkage()
    pair.refresh_from_db()
    assert pair.status == CandidatePair.Status.NON_MATCH
    other = pair.left_key if pair.right_key == key(arabic_only) else pair.right_key
    assert RecordLink.objects.get(key=other).golden != golden_of(arabic_only)

    # And a "same person" decision merges two golden records that the model kept apart.
    c_record = people["c"][0]
    pair = CandidatePair.objects.create(
        left_key=min(key(c_record), key(people["b"][0])),
        right_key=max(key(c_record), key(people["b"][0])),
        match_probability=0.7,
    )
    services.pair_decide(pair, same_person=True, actor=analyst)
    assert golden_of(c_record) == golden_of(people["b"][0])
    run_linkage()
    assert golden_of(c_record) == golden_of(people["b"][0])


def test_merge_unmerge_and_override_keep_a_full_append_only_history(people):
    run_linkage()
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    a, c = golden_of(people["a"][0]), golden_of(people["c"][0])
    services.golden_merge(a, c, actor=analyst)
    c.refresh_from_db()
    assert c.merged_into == a and golden_of(people["c"][0]) == a
    services.golden_unmerge(a, [key(people["c"][0])], actor=analyst)
    assert golden_of(people["c"][0]) not in (a, c)
    with pytest.raises(ValidationError):
        services.golden_merge(a, golden_of(people["c"][0]), actor=analyst)  # the analyst said "different"
    services.golden_override(a, "city", "Lyon", actor=analyst)
    a.refresh_from_db()
    assert a.fields["city"]["value"] == "Lyon" and a.fields["city"]["reason"] == "override"
    kinds = list(GoldenEvent.objects.filter(golden=a).values_list("kind", flat=True))
    assert kinds[-3:] == [GoldenEvent.Kind.MERGED, GoldenEvent.Kind.UNMERGED, GoldenEvent.Kind.OVERRIDE]
    event = GoldenEvent.objects.filter(golden=a).last()
    event.detail = {"tampered": True}
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()


def test_recency_breaks_ties_between_equally_trusted_sources(people):
    newer = SourceRecordFactory(
        source=people["consulate"],
        given_name="Youssef",
        family_name="Tazi",
        birth_date=datetime.date(1975, 5, 5),
        city="Barcelona",
        country="ES",
    )
    run_linkage()
    golden = golden_of(newer)
    assert golden == golden_of(people["c"][0])
    assert golden.fields["city"]["value"] == "Barcelona" and golden.fields["city"]["reason"] == "recency"


def test_a_verified_email_lets_a_member_claim_their_record_and_only_theirs(people):
    run_linkage()
    # Their profile's name says little (initials): the claim, not the model, ties it to the record.
    member = ProfileFactory(
        user=UserFactory(email="k.bennani@example.org"), display_name="K. B.", city="Gent", country="BE"
    ).user
    unverified = UserFactory(email="m.amrani@example.org", verified_email=False)
    golden = golden_of(people["b"][0])
    assert claimable_golden_for(member) == golden
    assert claimable_golden_for(unverified) is None
    services.golden_claim(golden, member)
    golden.refresh_from_db()
    assert golden.claimed_by == member
    assert GoldenEvent.objects.filter(golden=golden, kind=GoldenEvent.Kind.CLAIMED).exists()
    assert claimable_golden_for(member) is None  # claimed once
    other = UserFactory(email="someone@example.org")
    with pytest.raises(ValidationError):
        services.golden_claim(golden, other)
    # The claim survives a later run and the member's account is one of the golden record's records.
    run_linkage()
    golden.refresh_from_db()
    assert golden.claimed_by == member and RecordLink.objects.get(key=f"u:{member.pk}").golden == golden


def test_a_failed_run_says_why(people, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("backend unavailable")

    monkeypatch.setattr("referential.linkage.engine.link", broken)
    run = LinkageRun.objects.create()
    assert linkage_run_task(run.pk) == LinkageRun.Status.FAILED
    run.refresh_from_db()
    assert "backend unavailable" in run.error
    assert not GoldenRecord.objects.exists()


def test_the_demo_seeder_fills_the_review_queue_and_golden_records_once():
    from referential.linkage.demo import seed
    from referential.models import SourceRecord

    seed()
    counts = (SourceRecord.objects.count(), GoldenRecord.objects.filter(merged_into=None).count())
    pending = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).count()
    assert pending >= 1 and counts[1] < counts[0]
    seed()
    assert (SourceRecord.objects.count(), GoldenRecord.objects.filter(merged_into=None).count()) == counts
    assert CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).count() == pending


def test_a_run_large_enough_learns_its_own_weights(settings):
    from referential.linkage import synthetic
    from referential.models import SourceRecord

    settings.LINKAGE_MIN_TRAINING_RECORDS = 300
    data = synthetic.generate(600, seed=12)
    sources = {name: SourceFactory(name=name) for name in synthetic.SOURCES}
    batch_of = {name: SourceRecordFactory(source=source).batch for name, source in sources.items()}
    SourceRecord.objects.bulk_create(
        SourceRecord(
            source=sources[r["source"]],
            batch=batch_of[r["source"]],
            row_number=i + 2,
            fingerprint=f"syn{i}",
            given_name=r["given_name"] or "",
            family_name=r["family_name"] or "",
            name_arabic=r["name_arabic"] or "",
            birth_date=datetime.date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
            email=r["email"] or "",
            phone=r["phone"] or "",
            city=r["city"] or "",
            country=r["country"] or "",
        )
        for i, r in enumerate(data.records)
    )
    run = run_linkage()
    assert run.model_origin == "trained" and run.model["comparisons"]
    assert run.auto_merged > 100
    assert run.golden_records < SourceRecord.objects.count()


def test_the_search_index_reads_merged_and_hand_written_field_values():
    class Golden:
        display_name, email = "Mohamed Alaoui", ""
        fields = {"city": {"value": "Paris", "sources": [1]}, "occupation": "Ingénieur"}
        overrides = {"employer": {"value": "OCP"}}

    assert golden_text(Golden()) == "Mohamed Alaoui  Paris Ingénieur OCP"


def test_a_record_without_a_date_does_not_join_a_father_and_his_son():
    _dateless_between_father_and_son()


def _dateless_between_father_and_son():
    """The dateless record shares the father's email and the son's mobile: each pair alone would merge,
    but one golden record would then hold 1958 and 1988. The stronger join wins, the other pair waits
    for an analyst, and the run counts it there."""
    consulate = SourceFactory(name="Consulate in Lyon", trust=5)
    common = {"source": consulate, "given_name": "Brahim", "family_name": "Ouchen", "city": "Lyon"}
    father = SourceRecordFactory(
        **common, birth_date=datetime.date(1958, 2, 3), email="brahim.ouchen@orange.fr", phone="+33478123456"
    )
    son = SourceRecordFactory(
        **common,
        birth_date=datetime.date(1988, 11, 21),
        email="brahim.ouchen88@gmail.com",
        phone="+33612345678",
    )
    dateless = SourceRecordFactory(**common, email="brahim.ouchen@orange.fr", phone="+33612345678")
    run = run_linkage()
    assert golden_of(father).pk != golden_of(son).pk
    assert golden_of(dateless).pk in {golden_of(father).pk, golden_of(son).pk}
    statuses = {
        frozenset({p.left_key, p.right_key}): p.status
        for p in CandidatePair.objects.filter(left_key__in=[key(dateless)])
        | CandidatePair.objects.filter(right_key__in=[key(dateless)])
    }
    joined = father if golden_of(dateless).pk == golden_of(father).pk else son
    other = son if joined is father else father
    assert statuses[frozenset({key(dateless), key(joined)})] == CandidatePair.Status.AUTO
    assert statuses[frozenset({key(dateless), key(other)})] == CandidatePair.Status.PENDING
    assert run.to_review >= 1
    assert run.auto_merged == CandidatePair.objects.filter(status=CandidatePair.Status.AUTO).count()
    return dateless, other


def test_the_analyst_is_told_why_a_high_scoring_pair_waits(client):
    dateless, other = _dateless_between_father_and_son()
    pair = CandidatePair.objects.get(
        left_key=min(key(dateless), key(other)), right_key=max(key(dateless), key(other))
    )
    assert services.DATES_DISAGREE in pair.reasons
    client.force_login(UserFactory(roles=[ANALYST], two_factor=True))
    notes = {}
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            page = client.get(reverse("linkage:pair", args=[pair.pk])).content.decode()
        notes[language] = "linkage-held" in page
        if language == "fr":
            assert "dates de naissance qui ne peuvent pas appartenir" in page
    assert all(notes.values()), notes


def test_an_analyst_may_still_merge_records_whose_dates_disagree(people):
    run_linkage()
    first, second = people["a"][0], people["c"][0]
    pair = services._decide(key(first), key(second), CandidatePair.Status.PENDING, None)
    services.pair_decide(pair, same_person=True, actor=UserFactory(roles=[ANALYST]))
    assert golden_of(first).pk == golden_of(second).pk
    run_linkage()  # the next run keeps the analyst's merge
    assert golden_of(first).pk == golden_of(second).pk


def _pair(a, b):
    return CandidatePair.objects.get(left_key=min(key(a), key(b)), right_key=max(key(a), key(b)))


def test_a_waiting_pair_whose_golden_records_have_no_other_candidate_merges(settings, client):
    """Nothing reaches the automatic threshold here, so that every pair waits: only the sole-candidate
    rule can merge, and it must merge the pair with no rival, agreeing names and no contrary date, and
    nothing else."""
    settings.LINKAGE_AUTO_MERGE_PROBABILITY = 1.01
    settings.LINKAGE_REVIEW_PROBABILITY = 0.0
    settings.LINKAGE_SOLE_CANDIDATE_PROBABILITY = 0.0
    settings.LINKAGE_SOLE_CANDIDATE_MODELS = ("trained", "bundled")
    consulate, directory = SourceFactory(name="Consulate in Dubai"), SourceFactory(name="Business directory")

    def record(source, given, family, city, country, birth=None, **other):
        return SourceRecordFactory(
            source=source, given_name=given, family_name=family, city=city, country=country, birth_date=birth,
            **other,
        )  # fmt: skip

    # One person: two records, no other candidate.
    hassan = record(consulate, "Hassan", "Ghazali", "Dubai", "AE", datetime.date(1954, 2, 25))
    hassan_again = record(directory, "Hassan", "GHAZALI", "Dubaï", "AE")
    # A dateless record between a father and his son: two rivals, it waits.
    father = record(consulate, "Brahim", "Ouchen", "Lyon", "FR", datetime.date(1958, 2, 3))
    son = record(consulate, "Brahim", "Ouchen", "Lyon", "FR", datetime.date(1988, 11, 21))
    either = record(directory, "Brahim", "Ouchen", "Lyon", "FR")
    # Twins: each the other's only candidate, but their given names differ.
    aicha = record(consulate, "Aicha", "Keraoui", "Toronto", "CA", datetime.date(1989, 8, 27))
    fatima = record(directory, "Fatima", "Keraoui", "Toronto", "CA", datetime.date(1989, 8, 27))
    # Namesakes alone together, born twenty years apart.
    karim = record(consulate, "Karim", "Tazi", "Milan", "IT", datetime.date(1970, 5, 1))
    karim_junior = record(directory, "Karim", "Tazi", "Milan", "IT", datetime.date(1991, 9, 9))

    run = run_linkage()

    assert golden_of(hassan).pk == golden_of(hassan_again).pk
    merged = _pair(hassan, hassan_again)
    assert merged.status == CandidatePair.Status.AUTO and services.SOLE_CANDIDATE in merged.reasons
    assert len({golden_of(r).pk for r in (father, son, either)}) == 3
    assert golden_of(aicha).pk != golden_of(fatima).pk
    assert golden_of(karim).pk != golden_of(karim_junior).pk
    assert run.auto_merged == CandidatePair.objects.filter(status=CandidatePair.Status.AUTO).count() == 1
    assert run.to_review == CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).count()
    # Another run over the same records comes to the same golden records, with no new event.
    events = GoldenEvent.objects.count()
    run_linkage()
    assert golden_of(hassan).pk == golden_of(hassan_again).pk and GoldenEvent.objects.count() == events

    # The analyst is told why, and may undo it; the next run keeps the decision.
    client.force_login(UserFactory(roles=[ANALYST], two_factor=True))
    with translation.override("fr"):
        page = client.get(reverse("linkage:pair", args=[merged.pk])).content.decode()
    assert "aucune des deux fiches de référence n’avait d’autre candidat" in page
    services.pair_decide(merged, same_person=False, actor=UserFactory(roles=[ANALYST]))
    run_linkage()
    assert golden_of(hassan).pk != golden_of(hassan_again).pk


def test_sole_candidates_need_the_threshold_and_a_model_learnt_on_the_run(settings):
    settings.LINKAGE_AUTO_MERGE_PROBABILITY = 1.01
    settings.LINKAGE_REVIEW_PROBABILITY = 0.0
    hassan = SourceRecordFactory(given_name="Hassan", family_name="Ghazali", city="Dubai", country="AE")
    hassan_again = SourceRecordFactory(given_name="Hassan", family_name="GHAZALI", city="Dubaï", country="AE")
    for threshold, models in ((0.0, ("trained",)), (1.01, ("trained", "bundled"))):
        settings.LINKAGE_SOLE_CANDIDATE_PROBABILITY = threshold
        settings.LINKAGE_SOLE_CANDIDATE_MODELS = models
        assert run_linkage().model_origin == "bundled"
        assert _pair(hassan, hassan_again).status == CandidatePair.Status.PENDING
        assert golden_of(hassan).pk != golden_of(hassan_again).pk
