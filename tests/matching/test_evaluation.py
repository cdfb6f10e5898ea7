"""The evaluation set and command: honest by construction, and the engine beats the keyword baseline."""

import pytest

from django.core.management import call_command

from matching.evaluation import build_set
from matching.evaluation.run import load, slice_set

pytestmark = pytest.mark.django_db


def test_the_shipped_set_is_the_one_the_script_builds():
    data = load()
    assert data == build_set.build(seed=data["seed"])
    assert len(data["projects"]) >= 100
    assert {p["language"] for p in data["projects"]} == {"fr", "ar", "en"}
    by_id = {p["id"]: p for p in data["profiles"]}
    for project in data["projects"]:
        languages = {by_id[int(pid)]["language"] for pid in project["relevant"]}
        assert languages == {"fr", "ar", "en"}  # cross-language cases in every project


def test_the_phrases_do_not_contain_their_skills_taxonomy_spellings():
    assert (
        build_set._leaks(build_set.json.loads(build_set.TAXONOMY.read_text(encoding="utf-8"))["skills"]) == []
    )


def test_on_a_slice_the_engine_beats_the_keyword_baseline_across_languages(capsys):
    from matching.evaluation.run import evaluate

    results = evaluate(slice_set(load(), concepts=4))
    engine, baseline = results["engine (all factors)"], results["keyword baseline (TF-IDF)"]
    assert engine.projects == 24
    assert engine.ndcg > baseline.ndcg
    assert engine.cross_recall > baseline.cross_recall


def test_the_command_prints_the_three_measures_beside_the_baseline(capsys):
    call_command("matching_evaluate", "--concepts", "2")
    output = capsys.readouterr().out
    assert "nDCG@10" in output and "recall@10" in output and "MRR" in output
    assert "keyword baseline (TF-IDF)" in output and "engine (all factors)" in output


def test_the_page_evaluation_reads_the_suggestions_the_holder_sees():
    """Entered through the site's services, the set's people appear on the holder's page (they consent
    to matching and to the directory, as the page requires): the page figures are not zeros."""
    from matching.evaluation.page import evaluate_page

    data = slice_set(load(), concepts=1)
    data = {**data, "projects": data["projects"][:2]}
    result = evaluate_page(data)
    assert result.projects == 2
    assert result.recall > 0.5 and result.ndcg > 0.5


def test_the_hard_sets_change_how_people_write_not_who_is_relevant():
    """--hard: the same draw, a third of the texts in Latin-letter Darija or switching language around
    the skill phrase; relevance and the skill phrases are untouched; the shipped files are the script's."""
    for seed in (2026, 7):
        plain, hard = build_set.build(seed), build_set.harden(build_set.build(seed), seed)
        shipped = build_set.OUTPUT.with_name(f"evaluation-hard-{seed}.json")
        assert hard == build_set.json.loads(shipped.read_text(encoding="utf-8"))
        assert [p["relevant"] for p in hard["projects"]] == [p["relevant"] for p in plain["projects"]]
        assert [p["headline"] for p in hard["profiles"]] == [p["headline"] for p in plain["profiles"]]
        darija = [p for p in hard["profiles"] if p["bio"].startswith("Ana mqim")]
        switched = [
            p for p, q in zip(hard["profiles"], plain["profiles"], strict=True) if p["bio"] != q["bio"]
        ]
        assert darija and all("ary" in p["languages"] for p in darija)
        assert 0.2 < len(switched) / len(hard["profiles"]) < 0.45
