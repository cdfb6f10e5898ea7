"""The hard evaluation set, small, through the real path: files → upload → mapping → import → linkage run
→ golden records. The full-size figures come from ``manage.py linkage_evaluate --through-import``."""

import pytest

from referential.linkage import evaluation, hardset
from referential.models import SourceRecord

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def small_set():
    return hardset.generate(300, seed=2026)


def test_the_generator_is_deterministic_and_hard(small_set):
    again = hardset.generate(300, seed=2026)
    assert again.files == small_set.files and again.truth == small_set.truth
    kinds = set(small_set.relations.values())
    assert kinds == set(hardset.KINDS)
    alumni = small_set.files["alumni_directory.csv"].decode("utf-8")
    europe = small_set.files["consulate_europe.csv"].decode("utf-8-sig")
    america = small_set.files["consulate_north_america.csv"].decode("utf-8")
    assert ",1984," in alumni or any(f",{year}," in alumni for year in range(1950, 2005))  # year only
    assert "Italia" in europe or "Deutschland" in europe or "België" in europe
    assert "011 " in america


def test_the_hard_set_through_import_and_linkage_meets_its_thresholds(small_set):
    figures = evaluation.through_import(small_set, diagnostics=True)
    rejected = sum(counts["rejected"] for counts in figures["import"].values())
    assert rejected == 0  # every row identifies someone
    assert figures["run"]["status"] == "done"
    assert figures["pairwise"]["precision"] >= 0.98
    assert figures["pairwise"]["f1"] >= 0.85
    assert figures["bcubed"]["f1"] >= 0.92
    assert figures["blocking_recall"] >= 0.95
    merged = sum(m for m, _total in figures["lookalikes"].values())
    total = sum(t for _merged, t in figures["lookalikes"].values())
    assert merged / total <= 0.02
    text = evaluation.format_figures(figures)
    assert "valid rows rejected: 0" in text
    # What an analyst is left to decide, and why the missed true pairs were missed.
    assert figures["review"]["same_person"] <= figures["review"]["pairs"]
    assert f"waiting for an analyst: {figures['review']['pairs']} pairs" in text
    assert figures["review"]["if_decided"]["recall"] >= figures["pairwise"]["recall"]
    diagnostics = figures["diagnostics"]
    missed = round(figures["pairwise"]["true"] * (1 - figures["pairwise"]["recall"]))
    assert diagnostics["missed"] == missed == sum(diagnostics["stages"].values())
    ceiling = list(diagnostics["ceiling"].values())
    assert ceiling == sorted(ceiling) and ceiling[-1] <= 1
    assert "Evidence ceiling" in text
    # Everything was rolled back: the evaluation leaves the database as it found it.
    assert not SourceRecord.objects.exists()
