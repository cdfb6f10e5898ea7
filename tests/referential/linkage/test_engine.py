"""The linkage engine on its own (no Django models): scored pairs with reasons, clusters, quality."""

import dataclasses
import importlib.util
import math

import pytest

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


def test_a_trained_model_can_be_reused_without_training_again(synthetic_run):
    data, result = synthetic_run
    again = engine.link(data.records[:500], QUICK, model=result.model())
    assert "train" not in again.timings
    assert again.pair_ids(0.9)


def test_an_unknown_backend_is_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv("LINKAGE_BACKEND", "oracle")
    with pytest.raises(ValueError, match="duckdb, spark"):
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
