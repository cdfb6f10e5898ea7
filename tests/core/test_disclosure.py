"""Small counts never leave an aggregate: the generic rule every back-office table goes through."""

from core.disclosure import Below, count_shown, rows_protected


def _row(label, counts):
    return {"key": label, "label": label, "total": sum(counts), "counts": counts}


def test_a_small_cell_shows_as_below_the_threshold_and_zero_stays_zero():
    assert count_shown(0, 5) == 0 and count_shown(5, 5) == 5
    assert str(count_shown(1, 5)) == "< 5" and isinstance(count_shown(4, 5), Below)


def test_rows_under_the_threshold_join_one_other_row():
    rows = rows_protected(
        [_row("FR", [10, 0, 2, 0]), _row("SN", [1, 0, 0, 0]), _row("GA", [0, 0, 2, 0])], other_label="Others"
    )
    assert [r["label"] for r in rows] == ["FR", "Others"]
    others = rows[1]
    assert str(others["total"]) == "< 5"  # 3 people: the total itself is hidden
    assert [str(n) for n in others["counts"]] == ["< 5", "0", "< 5", "0"]


def test_a_lone_hidden_cell_cannot_be_found_back_from_the_row_total():
    rows = rows_protected([_row("FR", [9, 0, 3, 0])], other_label="Others")
    counts = rows[0]["counts"]
    assert rows[0]["total"] == 12
    assert isinstance(counts[2], Below) and counts[0] != 9  # 12 − 9 would give the hidden 3 away
    assert counts[1] == 0 and counts[3] == 0


def test_rows_with_only_large_cells_are_published_as_they_are():
    rows = rows_protected([_row("FR", [9, 6, 0]), _row("BE", [5, 0, 0])], other_label="Others")
    assert rows == [_row("FR", [9, 6, 0]), _row("BE", [5, 0, 0])]


def test_the_threshold_is_a_setting(settings):
    settings.AGGREGATE_MIN_COUNT = 3
    rows = rows_protected([_row("FR", [2, 1]), _row("BE", [3, 0]), _row("SN", [1, 0])], other_label="Others")
    assert [r["label"] for r in rows] == ["FR", "BE", "Others"]
    assert [str(n) for n in rows[0]["counts"]] == ["< 3", "< 3"] and rows[1]["counts"] == [3, 0]
