"""Whether two dates of birth, as precise as their sources gave them ("1985", "1985-03", "1985-03-12"),
can belong to one person.

Kept apart from the engine (Splink, DuckDB) so that the golden-record services, which web requests
call, can use it without loading them.
"""

from __future__ import annotations


def _parts(value: str) -> list[int] | None:
    try:
        return [int(part) for part in value.split("-")[:3]]
    except ValueError:
        return None


def birth_dates_conflict(left: str | None, right: str | None) -> bool:
    """True when the two dates cannot be one person's: full dates that differ beyond a day/month swap,
    a one-digit typo or a day or month off by one (in either order, so a swap plus a slip too), or
    years that differ when one side has only a year or a month. A missing date conflicts with nothing."""
    if not left or not right:
        return False
    a, b = _parts(left), _parts(right)
    if a is None or b is None:
        return False
    if len(a) < 3 or len(b) < 3:
        shared = min(len(a), len(b))
        # A year (and month) that agrees with the other date's; off by one year when only the year is
        # known (a year worked out from an age).
        if a[0] != b[0]:
            return abs(a[0] - b[0]) > 1 or shared > 1
        return shared > 1 and a[1] != b[1]
    if left == right or _one_character_apart(left, right):
        return False
    if a[0] != b[0]:
        return True
    (_, month, day), (_, other_month, other_day) = a, b
    return all(
        abs(month - m) + abs(day - d) > 1 for m, d in ((other_month, other_day), (other_day, other_month))
    )


def _one_character_apart(left: str, right: str) -> bool:
    return len(left) == len(right) and sum(x != y for x, y in zip(left, right, strict=True)) <= 1
