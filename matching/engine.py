"""The matching score: pure numpy over a matrix of candidates, with no database access.

The site (selectors.py), the evaluation command and the benchmark all rank through ``rank`` here, on
``Candidates`` built from ``Item`` records. An item is either a competence (a member's profile) or a
project, described by the same fields so that one function scores both directions:

============  ==============================  ======================================
field         profile                         project
============  ==============================  ======================================
concepts      skills (taxonomy codes)         skills needed (taxonomy codes)
sectors       the member's sectors            the project's sector
languages     languages the member speaks     languages the project holder speaks
offers        ways the member contributes     kinds of help the project needs
country       country of residence            the project holder's country of residence
region        region of origin                region of Morocco where the project is
============  ==============================  ======================================
"""

from dataclasses import dataclass, field

import numpy as np

from community.profiles.choices import Availability, Contribution, Region
from core.countries import country_codes
from core.languages import LanguageChoice
from core.sectors import SectorChoice

from .embeddings import DIMENSIONS

# Weights of the factors; they add up to 1 so that a score reads as a share of a perfect match.
WEIGHTS = {
    "skills": 0.34,
    "semantic": 0.30,
    "sector": 0.10,
    "help": 0.08,
    "languages": 0.05,
    "origin": 0.04,
    "country": 0.03,
    "availability": 0.03,
    "label": 0.03,
}
# Cosine similarities of multilingual-e5-small ("query: " prefix on both sides) fall between about
# 0.79 (unrelated) and 0.88-0.90 (the same work described in another language); 0.80-0.92 is
# stretched to 0..1.
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.80, 0.92
SEMANTIC_REASON = 0.5  # stretched similarity from which "describes close work" is said
AVAILABILITY_VALUE = {
    Availability.HOURS_MONTH.value: 1.0,
    Availability.DAYS_YEAR.value: 1.0,
    Availability.MISSION.value: 1.0,
    "": 0.5,
    Availability.NOT_NOW.value: 0.0,
}

_SECTORS = {code: 1 << index for index, code in enumerate(SectorChoice.values)}
_LANGUAGES = {code: 1 << index for index, code in enumerate(LanguageChoice.values)}
_OFFERS = {code: 1 << index for index, code in enumerate(Contribution.values)}
_REGIONS = {code: index for index, code in enumerate(Region.values)}
_COUNTRIES = {code: index for index, code in enumerate(sorted(country_codes()))}


def _mask(values, vocabulary) -> int:
    result = 0
    for value in values or ():
        result |= vocabulary.get(value, 0)
    return result


def _unmask(mask: int, vocabulary) -> list[str]:
    return [code for code, bit in vocabulary.items() if mask & bit]


@dataclass
class Item:
    id: int
    user_id: int = 0
    vector: np.ndarray | None = None
    concepts: tuple = ()
    sectors: tuple = ()
    languages: tuple = ()
    offers: tuple = ()
    country: str = ""
    city: str = ""
    region: str = ""
    availability: str = ""
    labelled: bool = False


@dataclass
class Candidates:
    """Columns of many items, for ranking them against one item of the other kind."""

    ids: np.ndarray
    user_ids: np.ndarray
    vectors: np.ndarray  # (n, DIMENSIONS) float32, zero rows where no vector is known
    has_vector: np.ndarray
    concept_rows: dict  # concept code -> rows holding it
    concept_counts: np.ndarray
    sectors: np.ndarray
    languages: np.ndarray
    offers: np.ndarray
    country: np.ndarray  # index in _COUNTRIES, -1 when unknown
    region: np.ndarray
    availability: np.ndarray
    labelled: np.ndarray
    items: list = field(default_factory=list)  # kept for the explanations (same order as the rows)
    row_of: dict = field(default_factory=dict)

    def __len__(self):
        return len(self.ids)

    @classmethod
    def from_items(cls, items: list[Item]) -> "Candidates":
        n = len(items)
        vectors = np.zeros((n, DIMENSIONS), dtype=np.float32)
        has_vector = np.zeros(n, dtype=bool)
        concept_lists: dict[str, list[int]] = {}
        for row, item in enumerate(items):
            if item.vector is not None:
                vectors[row] = item.vector
                has_vector[row] = True
            for code in item.concepts:
                concept_lists.setdefault(code, []).append(row)
        return cls(
            ids=np.fromiter((item.id for item in items), dtype=np.int64, count=n),
            user_ids=np.fromiter((item.user_id for item in items), dtype=np.int64, count=n),
            vectors=vectors,
            has_vector=has_vector,
            concept_rows={code: np.asarray(rows, dtype=np.int64) for code, rows in concept_lists.items()},
            concept_counts=np.fromiter((len(item.concepts) for item in items), dtype=np.int32, count=n),
            sectors=np.fromiter((_mask(item.sectors, _SECTORS) for item in items), dtype=np.int64, count=n),
            languages=np.fromiter(
                (_mask(item.languages, _LANGUAGES) for item in items), dtype=np.int64, count=n
            ),
            offers=np.fromiter((_mask(item.offers, _OFFERS) for item in items), dtype=np.int64, count=n),
            country=np.fromiter(
                (_COUNTRIES.get(item.country, -1) for item in items), dtype=np.int16, count=n
            ),
            region=np.fromiter((_REGIONS.get(item.region, -1) for item in items), dtype=np.int16, count=n),
            availability=np.fromiter(
                (AVAILABILITY_VALUE.get(item.availability, 0.5) for item in items), dtype=np.float32, count=n
            ),
            labelled=np.fromiter((item.labelled for item in items), dtype=bool, count=n),
            items=list(items),
            row_of={item.id: row for row, item in enumerate(items)},
        )


@dataclass
class Ranked:
    item: Item
    score: float
    reasons: list


def semantic_stretch(cosine: np.ndarray) -> np.ndarray:
    """Map the cosine band to 0..1, in place (np.clip with scalars is several times slower here)."""
    cosine = np.asarray(cosine, dtype=np.float32)
    cosine -= np.float32(SEMANTIC_FLOOR)
    cosine *= np.float32(1.0 / (SEMANTIC_CEILING - SEMANTIC_FLOOR))
    np.maximum(cosine, np.float32(0.0), out=cosine)
    np.minimum(cosine, np.float32(1.0), out=cosine)
    return cosine


def factors(query: Item, candidates: Candidates, *, query_is_project: bool) -> dict[str, np.ndarray]:
    """Each factor of the score, between 0 and 1, for every candidate."""
    n = len(candidates)
    covered = np.zeros(n, dtype=np.float32)
    for code in query.concepts:
        rows = candidates.concept_rows.get(code)
        if rows is not None:
            covered[rows] += 1.0
    if query_is_project:  # candidates are profiles: share of the project's needs they cover
        skills = covered / len(query.concepts) if query.concepts else covered
    else:  # candidates are projects: share of each project's needs the member covers
        skills = covered / np.maximum(candidates.concept_counts, 1)
    if query.vector is not None:
        # Rows without a vector are zeros: their cosine is 0, stretched to 0.
        semantic = semantic_stretch(candidates.vectors @ np.asarray(query.vector, dtype=np.float32))
    else:
        semantic = np.zeros(n, dtype=np.float32)
    country = _COUNTRIES.get(query.country, -2)
    region = _REGIONS.get(query.region, -2)
    if query_is_project:
        availability, labelled = candidates.availability, candidates.labelled.astype(np.float32)
    else:
        availability = np.full(n, AVAILABILITY_VALUE.get(query.availability, 0.5), dtype=np.float32)
        labelled = np.full(n, float(query.labelled), dtype=np.float32)
    return {
        "skills": skills,
        "semantic": semantic,
        "sector": ((candidates.sectors & _mask(query.sectors, _SECTORS)) != 0).astype(np.float32),
        "help": ((candidates.offers & _mask(query.offers, _OFFERS)) != 0).astype(np.float32),
        "languages": ((candidates.languages & _mask(query.languages, _LANGUAGES)) != 0).astype(np.float32),
        "origin": (candidates.region == region).astype(np.float32),
        "country": (candidates.country == country).astype(np.float32),
        "availability": availability,
        "label": labelled,
    }


def scores(query: Item, candidates: Candidates, *, query_is_project: bool, weights=None):
    weights = weights or WEIGHTS
    parts = factors(query, candidates, query_is_project=query_is_project)
    total = np.zeros(len(candidates), dtype=np.float32)
    for name, weight in weights.items():
        total += weight * parts[name]
    return total, parts


def rank(
    query: Item,
    candidates: Candidates,
    *,
    query_is_project: bool,
    limit: int = 10,
    exclude_ids=(),
    exclude_user_ids=(),
    weights=None,
    explain=True,
) -> list[Ranked]:
    """The ``limit`` best candidates for ``query``, best first, each with its reasons."""
    if not len(candidates):
        return []
    total, parts = scores(query, candidates, query_is_project=query_is_project, weights=weights)
    if exclude_ids:
        rows = [candidates.row_of[i] for i in exclude_ids if i in candidates.row_of]
        total[rows] = -np.inf
    if exclude_user_ids:
        total[np.isin(candidates.user_ids, np.fromiter(exclude_user_ids, dtype=np.int64))] = -np.inf
    if query.user_id:
        total[candidates.user_ids == query.user_id] = -np.inf  # never oneself
    limit = min(limit, len(candidates))
    top = np.argpartition(-total, limit - 1)[:limit]
    top = top[np.argsort(-total[top], kind="stable")]
    result = []
    for row in top:
        if not np.isfinite(total[row]):
            break
        item = candidates.items[row] if candidates.items else Item(id=int(candidates.ids[row]))
        reasons = (
            explanation(
                query,
                item,
                {name: float(values[row]) for name, values in parts.items()},
                query_is_project=query_is_project,
            )
            if explain
            else []
        )
        result.append(Ranked(item=item, score=float(total[row]), reasons=reasons))
    return result


def pair_score(project: Item, profile: Item, weights=None) -> tuple[float, list]:
    """Score and reasons of one pair, as the ranking would give them (for decisions)."""
    candidates = Candidates.from_items([profile])
    total, parts = scores(project, candidates, query_is_project=True, weights=weights)
    values = {name: float(array[0]) for name, array in parts.items()}
    return float(total[0]), explanation(project, profile, values, query_is_project=True)


def explanation(query: Item, other: Item, values: dict, *, query_is_project: bool) -> list[dict]:
    """Why a pair was suggested, as data (codes and values): rendered in the viewer's language later."""
    project, profile = (query, other) if query_is_project else (other, query)
    reasons = []
    if values["skills"] > 0:
        covered = [code for code in project.concepts if code in set(profile.concepts)]
        reasons.append({"code": "skills", "covered": covered, "needed": len(project.concepts)})
    if values["semantic"] >= SEMANTIC_REASON:
        reasons.append({"code": "semantic"})
    if values["sector"]:
        reasons.append({"code": "sector", "sector": next(iter(project.sectors), "")})
    if values["help"]:
        reasons.append({"code": "help", "kinds": [k for k in project.offers if k in set(profile.offers)]})
    if values["languages"]:
        common = [
            code for code in LanguageChoice.values if code in project.languages and code in profile.languages
        ]
        reasons.append({"code": "languages", "languages": common})
    if values["origin"]:
        reasons.append({"code": "origin", "region": project.region})
    if values["country"]:
        reasons.append({"code": "country", "country": profile.country, "city": profile.city})
    if values["availability"] >= 1:
        reasons.append({"code": "availability", "availability": profile.availability})
    if values["label"]:
        reasons.append({"code": "label"})
    return reasons
