"""Dates of birth that cannot be one person's: what keeps a father and his son apart."""

import pytest

from referential.linkage.dates import birth_dates_conflict
from referential.linkage.services import REFUSED_BY_ANALYST, REFUSED_BY_DATES, _Groups


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("1985-03-12", "1985-03-12"),
        ("1985-03-12", "1985-12-03"),  # day and month swapped
        ("1985-03-12", "1985-03-13"),  # one digit
        ("1989-03-19", "1989-03-20"),  # a day off, two digits
        ("1975-12-04", "1975-03-12"),  # swapped, then a day off
        ("1985-03-12", "1985"),  # a year that agrees
        ("1985-03-12", "1986"),  # a year worked out from an age
        ("1985-03-12", "1985-03"),
        ("1985-03-12", None),
        ("", "1985"),
    ],
)
def test_dates_that_can_be_one_persons(left, right):
    assert not birth_dates_conflict(left, right)
    assert not birth_dates_conflict(right, left)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("1958-02-03", "1988-11-21"),  # father and son
        ("1985-03-12", "1985-07-25"),
        ("1989-03-12", "1990-03-12"),  # a year apart, two digits
        ("1985-03-12", "1988"),
        ("1985-03", "1985-07"),
        ("1985-03-12", "1984-03"),
    ],
)
def test_dates_that_cannot(left, right):
    assert birth_dates_conflict(left, right)
    assert birth_dates_conflict(right, left)


def test_golden_record_groups_say_why_a_join_was_refused():
    dates = {"father": "1958-02-03", "dateless": None, "son": "1988-11-21"}
    groups = _Groups(list(dates), {}, dates)
    assert groups.join("father", "dateless", automatic=True) is None
    assert groups.join("dateless", "son", automatic=True) == REFUSED_BY_DATES
    # An analyst's "not the same person" is the reason when there is one, not the dates.
    cannot = {"father": {"son"}, "son": {"father"}}
    groups = _Groups(list(dates), cannot, dates)
    groups.join("father", "dateless", automatic=True)
    assert groups.join("dateless", "son", automatic=True) == REFUSED_BY_ANALYST
    # An analyst's match is not checked, and the group it makes vetoes nothing after it.
    groups = _Groups([*dates, "other"], {}, {**dates, "other": "1958-02-03"})
    assert groups.join("father", "son") is None
    assert groups.join("son", "other", automatic=True) is None
