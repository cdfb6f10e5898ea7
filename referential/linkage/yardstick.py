"""A yardstick for the evaluation: hand-weighted rules, as an analyst would write them without a model,
scored on the same imported records as the engine.

Each candidate pair (the engine's own blocking rules, so both meet the same pairs) gets points: an
address +5, a mobile number +4 (a landline +1), a full date of birth +4, two dates that agree give or
take a slip +2, a year that agrees +1, dates that cannot be one person's -5, the same name +3, a
variant (spelling, script, compound, swap) +2, only the family name -3, different names -5, the same
city +1. Pairs at or above a threshold join; golden records are the connected groups
(evaluation._union). The figures are given at every threshold, so the best one can be read off: the
rules are tuned on the set they score, which flatters them. The issue's yardstick (a set of rules of
this kind, on a set the project does not see) reached F1 0.917; comparing the two says how hard our
set is next to that one.
"""

from __future__ import annotations

from collections import defaultdict

from . import engine
from .dates import birth_dates_conflict

THRESHOLDS = (5, 6, 7, 8)
# A blocking key shared by more records than this (Mohamed Alaoui's skeleton) proposes pairs the rules
# reject anyway; the engine's blocking does the same through its name + year and name + city rules.
_LARGEST_BLOCK = 400
_NAME_KEYS = (
    ("name_skel", "name_skel"),
    ("name_glued", "name_glued"),
    ("ar_glued", "ar_glued"),
    ("ar_glued", "name_glued"),
    ("ar_skel", "ar_skel"),
    ("ar_skel", "name_skel"),
)


def candidates(prepared: list[dict]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for rule in engine.blocking_rules(len(prepared)):
        left_index, right_index = defaultdict(list), defaultdict(list)
        for row in prepared:
            left = tuple(row[a] for a, _b in rule)
            right = tuple(row[b] for _a, b in rule)
            if None not in left:
                left_index[left].append(row["unique_id"])
            if None not in right:
                right_index[right].append(row["unique_id"])
        for value, lefts in left_index.items():
            rights = right_index.get(value, [])
            if len(lefts) * len(rights) > _LARGEST_BLOCK**2:
                continue
            pairs.update((min(a, b), max(a, b)) for a in lefts for b in rights if a != b)
    return pairs


def _either_way(left: dict, right: dict, a: str, b: str) -> bool:
    return (left[a] is not None and left[a] == right[b]) or (right[a] is not None and right[a] == left[b])


def points(left: dict, right: dict) -> int:
    score = 0
    if left["email"] and left["email"] == right["email"]:
        score += 5
    if left["phone"] and left["phone"] == right["phone"]:
        score += 1 if left["phone_kind"] in ("fixed", "either") else 4
    a, b = left["birth_date"], right["birth_date"]
    if left["birth_full"] and left["birth_full"] == right["birth_full"]:
        score += 4
    elif a and b:
        score += -5 if birth_dates_conflict(a, b) else (2 if len(a) == len(b) == 10 else 1)
    if left["name_norm"] and left["name_norm"] == right["name_norm"]:
        score += 3
    elif any(_either_way(left, right, x, y) for x, y in _NAME_KEYS):
        score += 2
    elif left["family_skel"] and left["family_skel"] in (right["family_skel"], right["given_skel"]):
        score -= 3
    else:
        score -= 5
    if left["city_skel"] and left["city_skel"] == right["city_skel"]:
        score += 1
    return score


def joined(scored: list[tuple[int, str, str]], threshold: int) -> list[tuple[str, str]]:
    """The pairs the rules join at ``threshold``; golden records are their connected groups."""
    return [(a, b) for score, a, b in scored if score >= threshold]


def score_candidates(records: list[dict]) -> list[tuple[int, str, str]]:
    prepared = engine.prepare_person_records(records).to_pylist()
    by_id = {row["unique_id"]: row for row in prepared}
    return [(points(by_id[a], by_id[b]), a, b) for a, b in candidates(prepared)]
