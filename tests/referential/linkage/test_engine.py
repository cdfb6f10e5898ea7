"""The linkage engine on its own (no Django models): scored pairs with reasons, clusters, quality."""

import dataclasses
import importlib.util
import math
from collections import Counter

import pytest

from django.conf import settings

from referential.linkage import engine, quality, synthetic

BASE = {"birth_date": "1984-03-12", "phone": "+33612345678", "country": "FR", "city": "Paris"}
PEOPLE = [
    # One person three ways: Latin, names swapped, Arabic only.
    {"unique_id": "a", "source": "consulate", "given_name": "Mohammed", "family_name": "El Amrani", **BASE},
    {"unique_id": "b", "source": "network", "given_name": "Amrani", "family_name": "Mohamed", **BASE},
    {"unique_id": "c", "source": "ministry", "name_arabic": "محمد العمراني", **BASE},
    # Same very common name, different dates of birth, phones and emails: two people.
    {
        "unique_id": "x1",
        "given_name": "Mohamed",
        "family_name": "Alaoui",
        "birth_date": "1970-01-05",
        "email": "m.alaoui@gmail.com",
        "phone": "+33611111111",
        "city": "Paris",
        "country": "FR",
    },
    {
        "unique_id": "x2",
        "given_name": "Mohamed",
        "family_name": "Alaoui",
        "birth_date": "1991-07-22",
        "email": "alaoui.med@yahoo.fr",
        "phone": "+32470000000",
        "city": "Bruxelles",
        "country": "BE",
    },
]
# Fewer u samples than a real run: the tests need the behaviour, not the last decimal.
QUICK = dataclasses.replace(engine.PERSON, u_max_pairs=1e6, em_max_pairs=5e5)


@pytest.fixture(scope="module")
def synthetic_run():
    data = synthetic.generate(3000, seed=5)
    return data, engine.link(data.records + PEOPLE, QUICK, seed=3)


def _pair(result, a, b):
    for row in result.pairs(0.0).to_pylist():
        if {row["unique_id_l"], row["unique_id_r"]} == {a, b}:
            return row
    return None


def test_weights_are_learnt_without_labels_and_separate_people(synthetic_run):
    data, result = synthetic_run
    truth = data.true_pairs() | {("a", "b"), ("a", "c"), ("b", "c")}
    figures = engine.pair_quality(result.pair_ids(0.9), truth)
    assert figures["precision"] >= 0.95
    assert figures["recall"] >= 0.7
    # What the model learnt reads sensibly: agreeing on a strong identifier is strong evidence.
    assert result.levels["email"][3].code == "exact"
    assert result.levels["email"][3].weight > 8
    assert result.levels["birth_date"][4].weight > 8


def test_reasons_name_each_comparison_and_add_up_to_the_match_weight(synthetic_run):
    _, result = synthetic_run
    row = result.pairs(0.99).to_pylist()[0]
    reasons = result.reasons(row)
    assert [r["comparison"] for r in reasons] == ["name", "birth_date", "email", "phone", "city", "country"]
    prior = result.linker._settings_obj._probability_two_random_records_match
    prior_weight = math.log2(prior / (1 - prior))
    total = sum(r["weight"] for r in reasons) + prior_weight
    assert total == pytest.approx(row["match_weight"], abs=0.1)


def test_swapped_names_arabic_only_records_and_variants_are_linked(synthetic_run):
    _, result = synthetic_run
    swapped = _pair(result, "a", "b")
    assert swapped and swapped["match_probability"] > 0.99
    assert {r["comparison"]: r["level"] for r in result.reasons(swapped)}["name"] == "swapped"
    arabic = _pair(result, "a", "c")
    assert arabic and arabic["match_probability"] > 0.99
    assert {r["comparison"]: r["level"] for r in result.reasons(arabic)}["name"] == "variant"
    clusters = result.clusters(0.99)
    assert clusters["a"] == clusters["b"] == clusters["c"]


def test_common_names_alone_do_not_merge_people(synthetic_run):
    _, result = synthetic_run
    pair = _pair(result, "x1", "x2")
    assert pair is None or pair["match_probability"] < 0.5


def test_an_exact_name_weighs_by_how_common_it_is_in_the_run(synthetic_run):
    # Term frequencies from the run's own records: the adjustment is log2(u of the exact level / share
    # of records holding that name). It once took the u of another level and cost every name 5 bits.
    _, result = synthetic_run
    names = result.prepared.column("name_norm").to_pylist()
    counts = Counter(n for n in names if n is not None)
    total = sum(counts.values())
    (exact,) = [
        level
        for comparison in result.linker._settings_obj.comparisons
        if comparison.output_column_name == "name"
        for level in comparison.comparison_levels
        if level.label_for_charts == "exact"
    ]
    by_id = dict(zip(result.prepared.column("unique_id").to_pylist(), names, strict=True))
    adjustments = {}
    for row in result.pairs(0.0).to_pylist():
        if result.levels["name"][row["gamma_name"]].code == "exact":
            adjustments[counts[by_id[row["unique_id_l"]]]] = row["mw_tf_adj_name"]
    assert len(adjustments) >= 3
    for count, adjustment in adjustments.items():
        expected = math.log2(exact.u_probability) - math.log2(count / total)
        assert adjustment == pytest.approx(expected, abs=1e-6)
    rare, common = min(adjustments), max(adjustments)
    assert adjustments[rare] > adjustments[common] + 2


def test_a_rare_name_alone_brings_records_together_a_common_one_does_not():
    # A person who moved and changed every contact detail: only the name is left, and when few records
    # of the run carry it, that is enough to compare them (not to merge them: the model decides).
    moved = [
        {"unique_id": "n1", "given_name": "Noureddine", "family_name": "Oumokhtareani", "city": "Lyon"},
        {"unique_id": "n2", "given_name": "Nour Eddine", "family_name": "OUMOKHTAREANI", "country": "CA"},
        {"unique_id": "n3", "name_arabic": "نور الدين أومختاراني", "city": "Dubai", "country": "AE"},
    ]
    common = [
        {"unique_id": f"c{i}", "given_name": "Mohamed", "family_name": "Alaoui", "country": country}
        for i, country in enumerate(["FR", "BE", "ES", "IT", "NL", "DE", "CA", "US", "MA", "AE", "GB"])
    ]
    records = [{column: None for column in engine.PERSON_COLUMNS} | r for r in moved + common]
    prepared = {r["unique_id"]: r for r in engine.prepare_person_records(records).to_pylist()}
    rules = engine.blocking_rules(len(prepared))

    def blocked(a, b):
        left, right = prepared[a], prepared[b]
        return any(engine.rule_holds(r, left, right) or engine.rule_holds(r, right, left) for r in rules)

    assert blocked("n1", "n2") and blocked("n1", "n3") and blocked("n2", "n3")
    assert prepared["c0"]["name_rare"] is None  # eleven records carry it
    assert not blocked("c0", "c1")


def test_a_trained_model_can_be_reused_without_training_again(synthetic_run):
    data, result = synthetic_run
    again = engine.link(data.records[:500], QUICK, model=result.model())
    assert "train" not in again.timings
    assert again.pair_ids(0.9)


def test_an_unknown_backend_is_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv("LINKAGE_BACKEND", "oracle")
    with pytest.raises(ValueError, match="duckdb, spark"):
        engine.make_db_api()


def _duckdb_setting(db_api, name):
    return db_api._con.execute(f"SELECT current_setting('{name}')").fetchone()[0]


def test_duckdb_memory_is_capped_by_the_size_of_the_run_and_spills_to_the_temporary_directory(monkeypatch):
    monkeypatch.delenv("LINKAGE_DUCKDB_MEMORY_LIMIT", raising=False)
    small, large = engine.make_db_api(n_records=1000), engine.make_db_api(n_records=2_000_000)
    # DuckDB reports the limit rounded to one decimal of its unit (2.7 GiB): compare in bytes, roughly.
    to_bytes = {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}

    def limit(db_api):
        number, unit = _duckdb_setting(db_api, "memory_limit").split()
        return float(number) * to_bytes[unit]

    assert limit(small) == pytest.approx(2**30, rel=0.05)  # the floor
    assert limit(large) == pytest.approx(2_000_000 * engine.DUCKDB_MEMORY_PER_RECORD, rel=0.05)
    assert _duckdb_setting(small, "temp_directory").endswith("kafaat-linkage-duckdb")


def test_the_duckdb_memory_limit_can_be_set_lifted_and_is_checked(monkeypatch):
    monkeypatch.setenv("LINKAGE_DUCKDB_MEMORY_LIMIT", "3GB")
    assert engine.duckdb_memory_limit(10) == "3GB"
    monkeypatch.setenv("LINKAGE_DUCKDB_MEMORY_LIMIT", "none")
    assert engine.duckdb_memory_limit(10) is None
    monkeypatch.setenv("LINKAGE_DUCKDB_MEMORY_LIMIT", "3GB'; DROP TABLE x")
    with pytest.raises(ValueError, match="1500MB or 4GB"):
        engine.make_db_api()


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None,
    reason="pyspark is not installed here: the Spark backend (LINKAGE_BACKEND=spark) runs where Spark is",
)
def test_the_spark_backend_links_like_duckdb():  # pragma: no cover - needs pyspark and a JVM
    data = synthetic.generate(1000, seed=5)
    result = engine.link(data.records, QUICK, backend=engine.BACKEND_SPARK, seed=3)
    figures = engine.pair_quality(result.pair_ids(0.9), data.true_pairs())
    assert figures["precision"] >= 0.9


def test_febrl4_f1_reaches_the_target():
    figures = quality.febrl4(threshold=0.9)
    assert figures.f1 >= 0.99


# --- The rules of issue 13, one by one ------------------------------------------------------------

LOOKALIKES = [
    # Twins: same family name, date of birth, landline and city; different given names.
    {"unique_id": "t1", "given_name": "Hamza", "family_name": "Zeroual", "birth_date": "1990-05-17",
     "phone": "+33145678901", "city": "Lyon", "country": "FR", "email": "hamza.zeroual@gmail.com"},
    {"unique_id": "t2", "given_name": "Ilyas", "family_name": "Zeroual", "birth_date": "1990-05-17",
     "phone": "+33145678901", "city": "Lyon", "country": "FR", "email": "ilyas.zeroual@gmail.com"},
    # Twins whose name keys are one letter apart (Nadia / Anas: nd / ns): not a typo.
    {"unique_id": "t3", "given_name": "Nadia", "family_name": "Zemmouri", "birth_date": "1971-11-06",
     "city": "Lyon", "country": "FR", "email": "nadia.zemmouri@gmail.com"},
    {"unique_id": "t4", "given_name": "Anass", "family_name": "Zemmouri", "birth_date": "1971-11-06",
     "city": "Lyon", "country": "FR", "email": "anas_zemmouri@gmail.com"},
    # Twins in Montréal sharing a North American number (which does not say whether it is a mobile).
    {"unique_id": "t5", "given_name": "Yassine", "family_name": "Berrada", "birth_date": "1993-02-14",
     "phone": "+15145550123", "city": "Montréal", "country": "CA"},
    {"unique_id": "t6", "given_name": "Othmane", "family_name": "Berrada", "birth_date": "1993-02-14",
     "phone": "+15145550123", "city": "Montréal", "country": "CA"},
    # Father and son: same given and family name, landline and city; 30 years apart.
    {"unique_id": "f1", "given_name": "Brahim", "family_name": "Ouchen", "birth_date": "1958-02-03",
     "phone": "+33478123456", "city": "Lyon", "country": "FR", "email": "brahim.ouchen@orange.fr"},
    {"unique_id": "f2", "given_name": "Brahim", "family_name": "Ouchen", "birth_date": "1988-11-21",
     "phone": "+33478123456", "city": "Lyon", "country": "FR", "email": "brahim.ouchen88@gmail.com"},
    # Someone who moved from Lyon to Montréal: new city, country, phone and email.
    {"unique_id": "m1", "given_name": "Soukaina", "family_name": "Belkhayat", "birth_date": "1986-09-30",
     "phone": "+33687654321", "city": "Lyon", "country": "FR", "email": "soukaina.b@hotmail.fr"},
    {"unique_id": "m2", "given_name": "Soukaina", "family_name": "Belkhayat", "birth_date": "1986-09-30",
     "phone": "+15145550199", "city": "Montréal", "country": "CA", "email": "sbelkhayat@live.ca"},
    # The same person, the day of birth one off in one source.
    {"unique_id": "d1", "given_name": "Karim", "family_name": "Zouhairi", "birth_date": "1994-03-19",
     "email": "karim.zouhairi61@gmail.com", "city": "Casablanca", "country": "MA"},
    {"unique_id": "d2", "given_name": "Karim", "family_name": "Zouhairi", "birth_date": "1994-03-20",
     "email": "karim.zouhairi61@gmail.com", "city": "Casablanca", "country": "MA"},
    # Cross-script both ways: a Latin-only record and a record whose Latin name is another spelling but
    # whose Arabic name is the same; a compound given name glued in one, split in the other.
    {"unique_id": "x3", "given_name": "Fatimazahra", "family_name": "Elkettani", "birth_date": "1979",
     "country": "NL", "city": "Rotterdam"},
    {"unique_id": "x4", "given_name": "Fatna", "family_name": "Kettani",
     "name_arabic": "فاطمة الزهراء الكتاني", "birth_date": "1979-04-02", "country": "NL", "city": "Rotterdam",
     "phone": "+31612345678"},
]  # fmt: skip


@pytest.fixture(scope="module")
def rules_run():
    data = synthetic.generate(3000, seed=7)
    return engine.link(data.records + LOOKALIKES, QUICK, seed=3)


def _probability(result, a, b):
    row = _pair(result, a, b)
    return row["match_probability"] if row else 0.0


def test_names_meet_across_scripts_compounds_swaps_and_prefixes():
    records = [
        {"unique_id": "1", "given_name": "Fatima Zahra", "family_name": "El Bennani", "name_arabic": None},
        {"unique_id": "2", "given_name": "Fatimazahra", "family_name": "BENNANI"},
        {"unique_id": "3", "given_name": "Bennani", "family_name": "Fatima-Zahra"},
        {"unique_id": "4", "name_arabic": "فاطمة الزهراء بناني"},
        {"unique_id": "5", "given_name": "Fatna", "family_name": "X", "name_arabic": "فاطمة الزهراء البناني"},
    ]
    table = engine.prepare_person_records(records).to_pylist()
    keys = [row["name_glued"] for row in table[:4]]
    assert len(set(keys)) == 1
    assert table[4]["ar_glued"] == keys[0]  # the Arabic name speaks when the Latin one differs
    pairs = [("Salaheddine", "Salah Eddine"), ("Abdel-Kader", "Abd el Kader"), ("Abdelkader", "Abd-el-Kader")]
    for one, other in pairs:
        prepared = engine.prepare_person_records(
            [{"unique_id": "a", "given_name": one, "family_name": "Tazi"},
             {"unique_id": "b", "given_name": other, "family_name": "Tazi"}]
        ).to_pylist()  # fmt: skip
        assert prepared[0]["name_glued"] == prepared[1]["name_glued"], (one, other)
    for one, other in [("El Amrani", "Elamrani"), ("Al Amrani", "El-Amrani"), ("Ben Ali", "Benali")]:
        prepared = engine.prepare_person_records(
            [{"unique_id": "a", "given_name": "Said", "family_name": one},
             {"unique_id": "b", "given_name": "Said", "family_name": other}]
        ).to_pylist()  # fmt: skip
        assert prepared[0]["family_skel"] == prepared[1]["family_skel"], (one, other)


def test_the_name_part_of_an_email_is_not_counted_twice():
    rows = engine.prepare_person_records(
        [
            {
                "unique_id": "a",
                "given_name": "Mohamed",
                "family_name": "Alaoui",
                "email": "mohamed.alaoui@gmail.com",
            },
            {
                "unique_id": "b",
                "given_name": "Mohamed",
                "family_name": "Alaoui",
                "email": "m.alaoui84@yahoo.fr",
            },
        ]
    ).to_pylist()
    assert rows[0]["email_rest"] is None  # nothing beyond the name
    assert rows[1]["email_rest"] == "84"
    # The name spelt otherwise in the address (Abd Allah / abdellah, Khalid / khaled) is still the name.
    for given, family, email in [
        ("Abd Allah", "Bouzerouale", "abdellah.bouzerouale@outlook.com"),
        ("Khalid", "El Idrissi", "khaled.elidrissi@yahoo.fr"),
    ]:
        row = engine.prepare_person_records(
            [{"unique_id": "c", "given_name": given, "family_name": family, "email": email}]
        ).to_pylist()[0]
        assert row["email_rest"] is None, email


def test_learnt_weights_are_bounded_where_evidence_is_not_independent(rules_run):
    weights = {
        (name, info.code): info.weight
        for name, levels in rules_run.levels.items()
        for info in levels.values()
    }
    assert weights[("email", "exact")] >= 16 and weights[("phone", "exact")] >= 14
    assert weights[("email", "similar")] <= 1 and weights[("phone", "landline")] <= 2
    # A North American number may be a household's: worth more than a landline, far less than a mobile.
    assert 2 < weights[("phone", "either")] <= 5
    assert weights[("birth_date", "different")] <= -8 and weights[("name", "family_only")] <= -9
    for comparison in ("city", "country", "phone", "email"):
        assert weights[(comparison, "different")] >= -1.5  # people move


def test_a_day_of_birth_one_off_is_a_slip_not_another_person(rules_run):
    slip = {r["comparison"]: r for r in rules_run.reasons(_pair(rules_run, "d1", "d2"))}
    assert slip["birth_date"]["level"] == "typo" and slip["birth_date"]["weight"] > 0
    assert _probability(rules_run, "d1", "d2") >= settings.LINKAGE_AUTO_MERGE_PROBABILITY


def test_twins_and_fathers_and_sons_are_not_merged(rules_run):
    assert _probability(rules_run, "t1", "t2") < settings.LINKAGE_AUTO_MERGE_PROBABILITY
    assert _probability(rules_run, "t3", "t4") < settings.LINKAGE_AUTO_MERGE_PROBABILITY
    assert _probability(rules_run, "t5", "t6") < settings.LINKAGE_AUTO_MERGE_PROBABILITY
    montreal = {r["comparison"]: r["level"] for r in rules_run.reasons(_pair(rules_run, "t5", "t6"))}
    assert montreal["phone"] == "either"
    assert _probability(rules_run, "f1", "f2") < 0.6
    twins = _pair(rules_run, "t3", "t4")
    name_level = twins and {r["comparison"]: r["level"] for r in rules_run.reasons(twins)}["name"]
    assert name_level not in {"typo", "similar", "variant"}


def test_a_person_who_moved_is_still_found(rules_run):
    assert _probability(rules_run, "m1", "m2") >= 0.6  # at least offered for review
    assert _probability(rules_run, "m1", "m2") > _probability(rules_run, "f1", "f2")


def test_an_arabic_name_links_a_record_whose_latin_spelling_differs(rules_run):
    assert _probability(rules_run, "x3", "x4") >= 0.6
