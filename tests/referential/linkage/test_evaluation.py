"""The hard evaluation set, small, through the real path: files → upload → mapping → import → linkage run
→ golden records. The full-size figures come from ``manage.py linkage_evaluate --through-import``."""

import csv
import io

import openpyxl
import pytest

from referential.linkage import evaluation, hardset, hardset_files, yardstick
from referential.models import SourceRecord
from referential.readers import detect_encoding

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
    # The yardstick scores the same records: stricter rules, higher precision, lower recall.
    by_points = list(figures["yardstick"].values())
    assert [q["recall"] for q in by_points] == sorted((q["recall"] for q in by_points), reverse=True)
    assert "yardstick, hand-weighted rules" in text
    # Everything was rolled back: the evaluation leaves the database as it found it.
    assert not SourceRecord.objects.exists()


def test_the_same_set_saved_by_a_spreadsheet_links_as_well(small_set):
    """Excel typed the cells: dates are dates, phones numbers that lost their "+" and leading 0."""
    workbooks = hardset_files.as_workbooks(small_set)
    sheet = openpyxl.load_workbook(io.BytesIO(workbooks.files["consulate_north_america.csv"])).active
    header = [cell.value for cell in sheet[1]]
    phones = [row[header.index("Phone")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(p, int) and str(p).startswith("11") for p in phones)  # 011 lost its 0
    figures = evaluation.through_import(workbooks)
    csv_figures = evaluation.through_import(small_set)
    assert sum(counts["rejected"] for counts in figures["import"].values()) == 0
    assert figures["import"]["consulate_north_america.csv"]["with_warnings"] == 0
    assert figures["pairwise"]["precision"] >= 0.98
    assert figures["pairwise"]["f1"] >= csv_figures["pairwise"]["f1"] - 0.01


def test_the_yardstick_joins_shared_identifiers_and_keeps_look_alikes_apart():
    common = {"family_name": "Ouchen", "city": "Lyon", "country": "FR"}
    home, twins_home = {"phone": "+33478123456", **common}, {"phone": "+33478999999", **common}
    records = [
        # One person: the same address, the name spelt two ways.
        {"unique_id": "p1", "given_name": "Brahim", "email": "b.ouchen@orange.fr", **common},
        {"unique_id": "p2", "given_name": "Ibrahim", "email": "b.ouchen@orange.fr", **common},
        # Father and son: same name, landline and city, 30 years apart.
        {"unique_id": "f1", "given_name": "Said", "birth_date": "1958-02-03", **home},
        {"unique_id": "f2", "given_name": "Said", "birth_date": "1988-11-21", **home},
        # Twins: same date, landline and city, other given names.
        {"unique_id": "t1", "given_name": "Hamza", "birth_date": "1990-05-17", **twins_home},
        {"unique_id": "t2", "given_name": "Ilyas", "birth_date": "1990-05-17", **twins_home},
    ]
    joined = yardstick.joined(yardstick.score_candidates(records), 6)
    groups = evaluation._union([record["unique_id"] for record in records], joined)
    assert groups["p1"] == groups["p2"]
    assert groups["f1"] != groups["f2"] and groups["t1"] != groups["t2"]


def test_coverage_fills_the_gaps_of_the_sources_and_keeps_the_people():
    def dates(data):
        rows = list(csv.reader(io.StringIO(data.files["consulate_north_america.csv"].decode("utf-8"))))[1:]
        return [row[4] for row in rows]

    designed, full = hardset.generate(300, seed=5), hardset.generate(300, seed=5, coverage=1.0)
    assert designed.relations == full.relations and designed.people == full.people
    assert any(date == "" or len(date) == 4 for date in dates(designed))
    assert all(len(date) == 10 for date in dates(full))  # every date given, and given in full


def test_the_same_rows_exported_by_other_systems_link_as_well(small_set):
    """Other headers, month-first and dotted dates, 00 numbers, ";" and tabs, Windows-1252 and UTF-16:
    the import must read the same people, so the golden records come out the same."""
    other = hardset_files.redressed(small_set)
    assert other.files["alumni_directory.csv"].startswith(b"\xff\xfe")  # Excel's "Unicode text"
    assert detect_encoding(other.files["business_directory.csv"]) == "cp1252"
    figures = evaluation.through_import(other)
    csv_figures = evaluation.through_import(small_set)
    assert sum(counts["rejected"] for counts in figures["import"].values()) == 0
    for name, counts in figures["import"].items():
        assert set(counts["mapping"]) == set(csv_figures["import"][name]["mapping"]), name
    assert figures["pairwise"]["f1"] >= csv_figures["pairwise"]["f1"] - 0.005
    assert figures["blocking_recall"] >= csv_figures["blocking_recall"] - 0.005
