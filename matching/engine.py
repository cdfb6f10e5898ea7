"""The matching score: pure numpy over a matrix of candidates, with no database access.

The site (selectors.py), the evaluation command and the benchmark all rank through ``rank`` here, on
``Candidates`` built from ``Item`` records. An item is either a competence (a member's profile) or a
project, described by the same fields so that one function scores both directions:

=============  ==============================  ======================================
field          profile                         project
=============  ==============================  ======================================
needs          skills as typed, with concepts  skills needed as typed, with concepts
concepts       concepts of the skills          concepts of the skills needed
text_concepts  concepts named in headline/bio  concepts named in title/summary
sectors        the member's sectors            the project's sector
languages      languages the member speaks     languages the project holder speaks
offers         ways the member contributes     kinds of help the project needs
country        country of residence            the project holder's country of residence
region         region of origin                region of Morocco where the project is
=============  ==============================  ======================================

Skills: every need the project lists counts, 1/N each. A need the taxonomy reads (one or more
concepts) is covered when the member has one of its concepts among their skills (half when the concept
is only named in their text); a need no concept reads is covered in proportion to the similarity of
the member's text to the need as typed. A project that lists no need is read through its text:
the skills factor is then the semantic one. Semantic: e5 vectors centred per language (see
``Centring``), so that the language a text is written in weighs less than what it says, and cosines
across two languages divided by how much the model compresses them (``cross_language_expansion``,
measured on the taxonomy's own fr/ar/en names), so that a fit who wrote in another language is not
outranked by a same-language text that merely shares its words.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from community.profiles.choices import Availability, Contribution, Region
from core.countries import country_codes
from core.languages import MUTUALLY_UNDERSTOOD, LanguageChoice
from core.sectors import SectorChoice, matching_sectors, sector_family

from .embeddings import DIMENSIONS

# Weights of the factors; they add up to 1 so that a score reads as a share of a perfect match.
# Justified by the ablation table in bench/README.md (matching_evaluate --ablation).
WEIGHTS = {
    "skills": 0.20,
    "semantic": 0.50,
    "sector": 0.10,
    "help": 0.10,
    "languages": 0.02,
    "origin": 0.02,
    "country": 0.02,
    "availability": 0.02,
    "label": 0.02,
}
# Cosine similarities of centred e5 vectors ("query: " on both sides): unrelated texts fall around
# 0-0.15, the same work described in another language 0.35-0.6; 0.10-0.50 is stretched to 0..1.
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.10, 0.50
# Raw (not centred) e5 cosines: about 0.79 unrelated, 0.88-0.90 the same work in another language.
RAW_BAND = (0.80, 0.92)
SEMANTIC_REASON = 0.5  # stretched similarity from which "describes close work" is said
# An unknown need (no concept) against a member's text: centred cosine band stretched to 0..1.
NEED_FLOOR, NEED_CEILING = 0.10, 0.45
NEED_REASON = 0.6  # from which an unknown need counts as covered in the reasons
TEXT_CONCEPT_CREDIT = 0.25  # a need whose concept the member only names in their text (keywords fool)
# A need read as a concept the member does not list: credit from the similarity of their text to the
# need as typed, at most this (a member who lists the concept gets 1).
KNOWN_NEED_SEMANTIC = 0.8
NEED_SHORTLIST = 3000  # rows whose texts are compared with each need (see _need_cosines)
SECTOR_SIBLING = 0.25  # another sector of the same family (agri-food for a farming project)
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
TEXT_LANGUAGES = ("fr", "ar", "en")
# How many texts of a language weigh as much as the shipped reference mean of that language.
CENTRING_PRIOR = 50
REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "centring.json"
_reference: dict = {}
# Compression of cosines between texts in two languages, measured on the taxonomy's fr/ar/en names
# (python -m matching.evaluation.cross_language): cross-language cosines are divided by it.
CROSS_LANGUAGE_FILE = Path(__file__).resolve().parent / "data" / "cross_language.json"
_UNKNOWN_LANGUAGE = len(TEXT_LANGUAGES)  # index of "" (language not told) in the expansion table


def reference_means() -> dict:
    """Shipped per-language means of e5 vectors of profile and project texts ("" = all languages),
    written by ``python -m matching.evaluation.centring``; {} when the file is absent."""
    if "value" not in _reference:
        try:
            data = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {"means": {}}
        _reference["value"] = {k: np.asarray(v, dtype=np.float32) for k, v in data["means"].items()}
    return _reference["value"]


def cross_language_expansion() -> np.ndarray:
    """(4, 4) factors by which a cosine between a text in language i and one in language j is
    multiplied (fr, ar, en, then unknown): 1 within a language or when one side's is unknown, 1/slope
    across languages (see matching/evaluation/cross_language.py). Ones when the file is absent.

    Centring per language removes what all texts of a language share, not the fact that two texts in
    one language about the same work also share words: measured on the evaluation set, relevant
    people who wrote in the project's language scored 0.03-0.06 higher in cosine than equally relevant
    people who wrote in another (bench/README.md, issue 14)."""
    if "expansion" not in _reference:
        table = np.ones((_UNKNOWN_LANGUAGE + 1, _UNKNOWN_LANGUAGE + 1), dtype=np.float32)
        try:
            data = json.loads(CROSS_LANGUAGE_FILE.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {"compression": {}}
        for pair, slope in data["compression"].items():
            first, second = (TEXT_LANGUAGES.index(code) for code in pair.split("-"))
            if 0 < slope <= 1:
                table[first, second] = table[second, first] = 1.0 / slope
        _reference["expansion"] = table
    return _reference["expansion"]


def _language_index(language: str) -> int:
    return TEXT_LANGUAGES.index(language) if language in TEXT_LANGUAGES else _UNKNOWN_LANGUAGE


def _mask(values, vocabulary) -> int:
    result = 0
    for value in values or ():
        result |= vocabulary.get(value, 0)
    return result


def _sector_masks(sectors) -> tuple[int, int]:
    """Sectors that match (equal, or family and member) and siblings (same family, different)."""
    matching, family = 0, 0
    for code in sectors or ():
        matching |= _mask(matching_sectors(code), _SECTORS)
        parent = sector_family(code)
        if parent:
            family |= _mask(matching_sectors(parent), _SECTORS)
    return matching, family & ~matching


def _widened_languages(languages) -> int:
    codes = set(languages or ())
    for code in list(codes):
        codes |= MUTUALLY_UNDERSTOOD.get(code, frozenset())
    return _mask(codes, _LANGUAGES)


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
    # Each tag as typed, with the concepts it names (empty: unknown to the taxonomy).
    needs: tuple = ()
    # One vector per need, in the order of ``needs`` (the tag as typed, embedded), or None.
    need_vectors: np.ndarray | None = None
    text_concepts: tuple = ()
    language: str = ""  # of the text: fr, ar, en or "" (unknown)

    def listed_needs(self) -> tuple:
        """The needs, or (for items built from concepts only) one need per concept."""
        return self.needs or tuple((code, (code,)) for code in self.concepts)


class Centring:
    """Per-language means of a pool of vectors: subtracting its language's mean from a vector removes
    the direction every text of that language shares, which otherwise outweighs the topic when texts
    in one language are compared with texts in another (issue 14, measured in bench/README.md)."""

    band = (SEMANTIC_FLOOR, SEMANTIC_CEILING)
    # Centred cosines are comparable across languages once divided by their compression; raw ones
    # (identity) sit in another band where the division would not mean the same.
    expands = True

    def __init__(self, vectors: np.ndarray, languages: np.ndarray, has_vector: np.ndarray, reference=None):
        """Means of the pool's vectors per language, blended with ``reference`` means (shipped, see
        reference_means) while a language has few texts: a handful of vectors give a noisy mean."""
        reference = reference if reference is not None else reference_means()
        self.means = {}
        count = int(has_vector.sum())
        pool = vectors[has_vector].mean(axis=0) if count else np.zeros(DIMENSIONS, dtype=np.float32)
        fallback = reference.get("", pool) if reference else pool
        weight = count / (count + CENTRING_PRIOR)
        self.overall = (weight * pool + (1 - weight) * fallback).astype(np.float32)
        for index, language in enumerate(TEXT_LANGUAGES):
            rows = has_vector & (languages == index)
            count = int(rows.sum())
            mean = vectors[rows].mean(axis=0) if count else self.overall
            prior = reference.get(language, self.overall) if reference else self.overall
            weight = count / (count + CENTRING_PRIOR)
            self.means[language] = (weight * mean + (1 - weight) * prior).astype(np.float32)

    @classmethod
    def identity(cls) -> "Centring":
        """No centring (raw vectors), for comparison and for pools too small to have means."""
        centring = cls.__new__(cls)
        centring.overall = np.zeros(DIMENSIONS, dtype=np.float32)
        centring.means = {language: centring.overall for language in TEXT_LANGUAGES}
        centring.band = RAW_BAND
        centring.expands = False
        return centring

    def apply(self, vector: np.ndarray, language: str) -> np.ndarray:
        centred = np.asarray(vector, dtype=np.float32) - self.means.get(language, self.overall)
        norm = float(np.linalg.norm(centred))
        return centred / norm if norm else centred

    def apply_rows(self, vectors: np.ndarray, languages: np.ndarray, has_vector: np.ndarray) -> np.ndarray:
        centred = vectors.copy()
        for index, language in enumerate(TEXT_LANGUAGES):
            rows = has_vector & (languages == index)
            centred[rows] -= self.means[language]
        rows = has_vector & (languages < 0)
        centred[rows] -= self.overall
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        centred /= norms
        centred[~has_vector] = 0.0
        return centred


@dataclass
class Candidates:
    """Columns of many items, for ranking them against one item of the other kind."""

    ids: np.ndarray
    user_ids: np.ndarray
    vectors: np.ndarray  # (n, DIMENSIONS) float32, centred per language; zero rows where none is known
    has_vector: np.ndarray
    concept_rows: dict  # concept code -> rows holding it among their skills
    text_concept_rows: dict  # concept code -> rows naming it in their text only
    concept_counts: np.ndarray
    sectors: np.ndarray
    languages: np.ndarray
    offers: np.ndarray
    country: np.ndarray  # index in _COUNTRIES, -1 when unknown
    region: np.ndarray
    availability: np.ndarray
    labelled: np.ndarray
    centring: Centring | None = None
    # Language of each row's text: index in TEXT_LANGUAGES, _UNKNOWN_LANGUAGE when not told.
    text_languages: np.ndarray | None = None
    # Needs of the rows (used when the rows are projects): need ids per concept, row of each need,
    # how many needs each row lists, and the unknown needs' vectors with their need ids.
    need_count: np.ndarray | None = None
    need_row: np.ndarray | None = None
    need_ids_by_concept: dict = field(default_factory=dict)
    vector_need_ids: np.ndarray | None = None  # needs with a vector
    vector_need_vectors: np.ndarray | None = None
    vector_need_weights: np.ndarray | None = None  # KNOWN_NEED_SEMANTIC for needs read as concepts, else 1
    items: list = field(default_factory=list)  # kept for the explanations (same order as the rows)
    row_of: dict = field(default_factory=dict)

    def __len__(self):
        return len(self.ids)

    def expansion(self, language: str) -> np.ndarray | None:
        """(n,) factors for the cosines of a text in ``language`` with each row's text (see
        cross_language_expansion), or None when they are all 1 (raw vectors, no languages known)."""
        if self.text_languages is None or (self.centring is not None and not self.centring.expands):
            return None
        factors = cross_language_expansion()[_language_index(language)][self.text_languages]
        return None if not len(factors) or bool(np.all(factors == 1.0)) else factors

    def centred(self, item: Item) -> np.ndarray | None:
        """The item's vector centred like the rows (for an item of this pool)."""
        if item.vector is None:
            return None
        return self.centring.apply(item.vector, item.language) if self.centring else item.vector

    @classmethod
    def from_items(cls, items: list[Item], *, centring: Centring | None = None) -> "Candidates":
        n = len(items)
        vectors = np.zeros((n, DIMENSIONS), dtype=np.float32)
        has_vector = np.zeros(n, dtype=bool)
        languages = np.fromiter(
            (TEXT_LANGUAGES.index(i.language) if i.language in TEXT_LANGUAGES else -1 for i in items),
            dtype=np.int8,
            count=n,
        )
        concept_lists: dict[str, list[int]] = {}
        text_lists: dict[str, list[int]] = {}
        need_count = np.zeros(n, dtype=np.float32)
        need_row, need_concepts, unknown_ids, unknown_vectors, unknown_weights = [], {}, [], [], []
        for row, item in enumerate(items):
            if item.vector is not None:
                vectors[row] = item.vector
                has_vector[row] = True
            for code in item.concepts:
                concept_lists.setdefault(code, []).append(row)
            own = set(item.concepts)
            for code in item.text_concepts:
                if code not in own:
                    text_lists.setdefault(code, []).append(row)
            needs = item.listed_needs()
            has_vectors = item.need_vectors is not None and len(item.need_vectors) == len(needs)
            for position, (_tag, codes) in enumerate(needs):
                need_id = len(need_row)
                need_row.append(row)
                for code in codes:
                    need_concepts.setdefault(code, []).append(need_id)
                if has_vectors:
                    unknown_ids.append(need_id)
                    unknown_vectors.append(item.need_vectors[position])
                    unknown_weights.append(KNOWN_NEED_SEMANTIC if codes else 1.0)
            need_count[row] = len(needs)
        centring = centring or Centring(vectors, languages, has_vector)
        return cls(
            ids=np.fromiter((item.id for item in items), dtype=np.int64, count=n),
            user_ids=np.fromiter((item.user_id for item in items), dtype=np.int64, count=n),
            vectors=centring.apply_rows(vectors, languages, has_vector),
            has_vector=has_vector,
            concept_rows={code: np.asarray(rows, dtype=np.int64) for code, rows in concept_lists.items()},
            text_concept_rows={code: np.asarray(rows, dtype=np.int64) for code, rows in text_lists.items()},
            concept_counts=np.fromiter((len(item.concepts) for item in items), dtype=np.int32, count=n),
            sectors=np.fromiter((_mask(item.sectors, _SECTORS) for item in items), dtype=np.int64, count=n),
            languages=np.fromiter(
                (_widened_languages(item.languages) for item in items), dtype=np.int64, count=n
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
            centring=centring,
            text_languages=np.where(languages < 0, _UNKNOWN_LANGUAGE, languages).astype(np.int8),
            need_count=need_count,
            need_row=np.asarray(need_row, dtype=np.int64),
            need_ids_by_concept={
                code: np.asarray(ids, dtype=np.int64) for code, ids in need_concepts.items()
            },
            vector_need_ids=np.asarray(unknown_ids, dtype=np.int64),
            vector_need_weights=np.asarray(unknown_weights, dtype=np.float32),
            vector_need_vectors=(
                centring.apply_rows(
                    np.asarray(unknown_vectors, dtype=np.float32),
                    np.full(len(unknown_vectors), -1, dtype=np.int8),
                    np.ones(len(unknown_vectors), dtype=bool),
                )
                if unknown_vectors
                else np.zeros((0, DIMENSIONS), dtype=np.float32)
            ),
            items=list(items),
            row_of={item.id: row for row, item in enumerate(items)},
        )


@dataclass
class Ranked:
    item: Item
    score: float
    reasons: list


def _stretch(cosine, floor, ceiling) -> np.ndarray:
    """Map a cosine band to 0..1, in place (np.clip with scalars is several times slower here)."""
    cosine = np.asarray(cosine, dtype=np.float32)
    cosine -= np.float32(floor)
    cosine *= np.float32(1.0 / (ceiling - floor))
    np.maximum(cosine, np.float32(0.0), out=cosine)
    np.minimum(cosine, np.float32(1.0), out=cosine)
    return cosine


def semantic_stretch(cosine: np.ndarray) -> np.ndarray:
    return _stretch(cosine, SEMANTIC_FLOOR, SEMANTIC_CEILING)


def _query_need_vectors(query: Item, centring: Centring | None):
    if query.need_vectors is None or not len(query.need_vectors):
        return None
    vectors = np.asarray(query.need_vectors, dtype=np.float32)
    if centring is None:
        return vectors
    key = (id(query.need_vectors), id(centring))
    if getattr(query, "_centred_needs", (None,))[0] != key:  # computed once per ranking, not per row
        centred = vectors - centring.overall
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        query._centred_needs = (key, centred / norms)
    return query._centred_needs[1]


def _skills_project_query(query: Item, candidates: Candidates, semantic: np.ndarray, need_cosines):
    """Share of the project's listed needs each member covers (candidates are profiles).

    ``need_cosines``: (n, needs) cosines of each member's text to each need, or None."""
    n = len(candidates)
    needs = query.listed_needs()
    if not needs:
        return semantic.copy()
    covered = np.zeros(n, dtype=np.float32)
    for position, (_tag, codes) in enumerate(needs):
        hit = np.zeros(n, dtype=np.float32)
        if need_cosines is not None:
            hit = _stretch(need_cosines[:, position], NEED_FLOOR, NEED_CEILING)
            if codes:
                hit *= np.float32(KNOWN_NEED_SEMANTIC)
        for code in codes:
            rows = candidates.text_concept_rows.get(code)
            if rows is not None:
                hit[rows] = np.maximum(hit[rows], TEXT_CONCEPT_CREDIT)
            rows = candidates.concept_rows.get(code)
            if rows is not None:
                hit[rows] = 1.0
        covered += hit
    return covered / len(needs)


def _skills_profile_query(query: Item, candidates: Candidates, semantic: np.ndarray, query_vector, expansion):
    """Share of each project's listed needs the member covers (candidates are projects).

    ``expansion``: (n,) cross-language factors of the rows (a need is typed in its project's language)."""
    n = len(candidates)
    if candidates.need_count is None or not len(candidates.need_row):
        return semantic.copy()
    covered_needs = np.zeros(len(candidates.need_row), dtype=np.float32)
    own = set(query.concepts)
    for code in query.text_concepts:
        ids = candidates.need_ids_by_concept.get(code)
        if ids is not None and code not in own:
            covered_needs[ids] = np.maximum(covered_needs[ids], TEXT_CONCEPT_CREDIT)
    for code in own:
        ids = candidates.need_ids_by_concept.get(code)
        if ids is not None:
            covered_needs[ids] = 1.0
    if query_vector is not None and len(candidates.vector_need_ids):
        cosines = candidates.vector_need_vectors @ query_vector
        if expansion is not None:
            cosines *= expansion[candidates.need_row[candidates.vector_need_ids]]
        similarity = _stretch(cosines, NEED_FLOOR, NEED_CEILING)
        similarity *= candidates.vector_need_weights
        covered_needs[candidates.vector_need_ids] = np.maximum(
            covered_needs[candidates.vector_need_ids], similarity
        )
    covered = np.bincount(candidates.need_row, weights=covered_needs, minlength=n).astype(np.float32)
    with np.errstate(invalid="ignore", divide="ignore"):
        skills = np.where(candidates.need_count > 0, covered / np.maximum(candidates.need_count, 1), semantic)
    return skills.astype(np.float32)


def _need_cosines(
    query: Item, candidates: Candidates, semantic: np.ndarray, need_vectors, expansion=None
) -> np.ndarray:
    """(n, needs) cosines of the rows' texts to the needs (typed in the project's language, so
    ``expansion`` applies as to its text), computed on a shortlist only: the
    NEED_SHORTLIST rows closest to the project's text and every row holding a needed concept. The
    others cannot reach the top through a need's similarity alone, and a second product over the whole
    matrix would double the ranking time at 100,000 members (bench/README.md)."""
    n = len(candidates)
    cosines = np.zeros((n, len(need_vectors)), dtype=np.float32)
    if n <= NEED_SHORTLIST:
        rows = np.arange(n)
    else:
        parts = [np.argpartition(-semantic, NEED_SHORTLIST - 1)[:NEED_SHORTLIST]]
        for _tag, codes in query.listed_needs():
            for code in codes:
                for table in (candidates.concept_rows, candidates.text_concept_rows):
                    if code in table:
                        parts.append(table[code])
        rows = np.unique(np.concatenate(parts))
    cosines[rows] = candidates.vectors[rows] @ np.asarray(need_vectors, dtype=np.float32).T
    if expansion is not None:
        cosines[rows] *= expansion[rows, None]
    return cosines


def factors(query: Item, candidates: Candidates, *, query_is_project: bool, query_vector=None) -> dict:
    """Each factor of the score, between 0 and 1, for every candidate.

    ``query_vector``: the query's vector centred by its own pool (see Centring); the raw one otherwise.
    """
    n = len(candidates)
    if query_vector is None and query.vector is not None:
        query_vector = (
            candidates.centring.apply(query.vector, query.language) if candidates.centring else (query.vector)
        )
    need_vectors = _query_need_vectors(query, candidates.centring) if query_is_project else None
    if need_vectors is not None and len(need_vectors) != len(query.listed_needs()):
        need_vectors = None
    # The text against every row (rows without a vector are zeros: cosine 0, stretched to 0), each
    # cosine across languages divided by how much e5 compresses that pair (cross_language_expansion).
    expansion = candidates.expansion(query.language)
    if query_vector is not None:
        floor, ceiling = (
            candidates.centring.band if candidates.centring else (SEMANTIC_FLOOR, SEMANTIC_CEILING)
        )
        cosines = candidates.vectors @ np.asarray(query_vector, dtype=np.float32)
        if expansion is not None:
            cosines *= expansion
        semantic = _stretch(cosines, floor, ceiling)
    else:
        semantic = np.zeros(n, dtype=np.float32)
    if query_is_project:
        need_cosines = None
        if need_vectors is not None:
            need_cosines = _need_cosines(query, candidates, semantic, need_vectors, expansion)
        skills = _skills_project_query(query, candidates, semantic, need_cosines)
    else:
        skills = _skills_profile_query(query, candidates, semantic, query_vector, expansion)
    country = _COUNTRIES.get(query.country, -2)
    region = _REGIONS.get(query.region, -2)
    if query_is_project:
        availability, labelled = candidates.availability, candidates.labelled.astype(np.float32)
    else:
        availability = np.full(n, AVAILABILITY_VALUE.get(query.availability, 0.5), dtype=np.float32)
        labelled = np.full(n, float(query.labelled), dtype=np.float32)
    matching, siblings = _sector_masks(query.sectors)
    sector = ((candidates.sectors & matching) != 0).astype(np.float32)
    sector = np.maximum(sector, SECTOR_SIBLING * ((candidates.sectors & siblings) != 0))
    return {
        "skills": skills,
        "semantic": semantic,
        "sector": sector.astype(np.float32),
        "help": ((candidates.offers & _mask(query.offers, _OFFERS)) != 0).astype(np.float32),
        "languages": ((candidates.languages & _widened_languages(query.languages)) != 0).astype(np.float32),
        "origin": (candidates.region == region).astype(np.float32),
        "country": (candidates.country == country).astype(np.float32),
        "availability": availability,
        "label": labelled,
    }


def scores(query: Item, candidates: Candidates, *, query_is_project: bool, weights=None, query_vector=None):
    weights = weights or WEIGHTS
    parts = factors(query, candidates, query_is_project=query_is_project, query_vector=query_vector)
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
    query_vector=None,
) -> list[Ranked]:
    """The ``limit`` best candidates for ``query``, best first, each with its reasons."""
    if not len(candidates):
        return []
    total, parts = scores(
        query, candidates, query_is_project=query_is_project, weights=weights, query_vector=query_vector
    )
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
                need_similarity=_need_similarity(query, candidates, row, query_is_project, query_vector),
            )
            if explain
            else []
        )
        result.append(Ranked(item=item, score=float(total[row]), reasons=reasons))
    return result


def _need_similarity(query, candidates, row, query_is_project, query_vector) -> list[float]:
    """Stretched similarity of each need of the project (in order) to the member's text, for reasons."""
    expansion = candidates.expansion(query.language)
    factor = np.float32(expansion[row]) if expansion is not None else np.float32(1.0)
    if query_is_project:
        vectors = _query_need_vectors(query, candidates.centring)
        if vectors is None:
            return []
        values = (vectors @ candidates.vectors[row]) * factor
        return [float(v) for v in _stretch(values, NEED_FLOOR, NEED_CEILING)]
    if query_vector is None or candidates.vector_need_vectors is None:
        return []
    ids = np.flatnonzero(candidates.need_row[candidates.vector_need_ids] == row)
    if not len(ids):
        return []
    values = (candidates.vector_need_vectors[ids] @ np.asarray(query_vector, dtype=np.float32)) * factor
    return [float(v) for v in _stretch(values, NEED_FLOOR, NEED_CEILING)]


def pair_score(project: Item, profile: Item, weights=None, *, profile_pool=None, project_pool=None):
    """Score and reasons of one pair, as the ranking would give them (for decisions).

    The pools (Candidates of profiles and of projects) give the centring each side gets when ranked;
    without them, vectors are compared raw.
    """
    centring = profile_pool.centring if profile_pool is not None else Centring.identity()
    candidates = Candidates.from_items([profile], centring=centring)
    query_vector = project_pool.centred(project) if project_pool is not None else project.vector
    if project_pool is None and query_vector is not None:
        query_vector = centring.apply(query_vector, project.language)
    total, parts = scores(
        project, candidates, query_is_project=True, weights=weights, query_vector=query_vector
    )
    values = {name: float(array[0]) for name, array in parts.items()}
    similarity = _need_similarity(project, candidates, 0, True, query_vector)
    reasons = explanation(project, profile, values, query_is_project=True, need_similarity=similarity)
    return float(total[0]), reasons


def explanation(
    query: Item, other: Item, values: dict, *, query_is_project: bool, need_similarity=()
) -> list:
    """Why a pair was suggested, as data (codes and values): rendered in the viewer's language later.

    The skills reason counts every need the project listed: those covered by concept, and unknown ones
    whose similarity to the member's text passes NEED_REASON (named as typed).
    """
    project, profile = (query, other) if query_is_project else (other, query)
    reasons = []
    own, named = set(profile.concepts), set(profile.text_concepts)
    covered, covered_tags = [], []
    needs = project.listed_needs()
    for position, (tag, codes) in enumerate(needs):
        if codes:
            hit = next((code for code in codes if code in own), None) or next(
                (code for code in codes if code in named), None
            )
            if hit and hit not in covered:
                covered.append(hit)
        else:
            similarity = need_similarity[position] if position < len(need_similarity) else 0.0
            if similarity >= NEED_REASON:
                covered_tags.append(tag)
    if needs and (covered or covered_tags):
        reasons.append(
            {"code": "skills", "covered": covered, "covered_tags": covered_tags, "needed": len(needs)}
        )
    if values["semantic"] >= SEMANTIC_REASON:
        reasons.append({"code": "semantic", "skills": [c for c in profile.concepts if c not in covered][:3]})
    if values["sector"] >= 1:
        reasons.append({"code": "sector", "sector": next(iter(project.sectors), "")})
    if values["help"]:
        reasons.append({"code": "help", "kinds": [k for k in project.offers if k in set(profile.offers)]})
    if values["languages"]:
        widened = _widened_languages(profile.languages)
        common = [
            code for code in LanguageChoice.values if code in project.languages and _LANGUAGES[code] & widened
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
