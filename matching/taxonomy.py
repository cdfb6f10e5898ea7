"""The skills taxonomy: loading the shipped data, and normalising free tags to concepts."""

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from . import versions
from .embeddings import embed_passages, vector_from_bytes, vector_to_bytes
from .models import SkillConcept
from .text import normalise, sorted_key, stem_words, words

DATA_FILE = Path(__file__).resolve().parent / "data" / "skills.json"
# An unknown tag is read as its nearest concept when their cosine similarity (both embedded as
# passages by multilingual-e5-small) passes the threshold and leads the runner-up by the margin:
# unrelated short terms score about 0.85-0.89; "Cardiologie interventionnelle" scores 0.935 with
# cardiology and 0.90 with the next concept; "برمجة المواقع" is 0.921/0.919 between two, so stays a tag.
NEAREST_CONCEPT_THRESHOLD = 0.92
NEAREST_CONCEPT_MARGIN = 0.01


def taxonomy_data(path=DATA_FILE) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["skills"]


@transaction.atomic
def taxonomy_load(entries=None, *, embed=False) -> tuple[int, int]:
    """Create the shipped concepts that are missing and refresh the ones the data changed.

    Idempotent. Synonyms staff added in the admin are kept (the union is stored). Rows are written
    without the per-concept save signal, so that only ``embed`` decides whether the concepts without a
    vector are embedded (in one background task): after a flush, the test settings reload 350 concepts
    and must not embed them each time. Returns (created, updated).
    """
    from .tasks import concepts_embed_later  # noqa: PLC0415 — tasks imports this module (concept_text, concepts_embed_all)

    existing = {concept.code: concept for concept in SkillConcept.objects.all()}
    new, changed = [], []
    for entry in entries if entries is not None else taxonomy_data():
        fields = {
            "sector": entry["sector"],
            "name_fr": entry["fr"],
            "name_ar": entry["ar"],
            "name_en": entry["en"],
        }
        concept = existing.get(entry["code"])
        if concept is None:
            concept = SkillConcept(code=entry["code"], synonyms=entry.get("synonyms", []), **fields)
            existing[concept.code] = concept
            new.append(concept)
            continue
        synonyms = list(dict.fromkeys([*concept.synonyms, *entry.get("synonyms", [])]))
        moved = any(getattr(concept, name) != value for name, value in fields.items())
        if moved or synonyms != concept.synonyms:
            for name, value in fields.items():
                setattr(concept, name, value)
            concept.synonyms = synonyms
            concept.vector = None
            concept.updated_at = timezone.now()  # bulk_update leaves auto_now fields alone
            if concept.pk is not None:  # not a code listed twice in the file
                changed.append(concept)
    SkillConcept.objects.bulk_create(new)
    SkillConcept.objects.bulk_update(
        changed, ["sector", "name_fr", "name_ar", "name_en", "synonyms", "vector", "updated_at"]
    )
    if embed and any(concept.vector is None for concept in existing.values()):
        concepts_embed_later()
    if new or changed:
        transaction.on_commit(lambda: versions.bump(versions.TAXONOMY))
    return len(new), len(changed)


def concept_text(concept: SkillConcept) -> str:
    return f"{concept.name_en} / {concept.name_fr} / {concept.name_ar}"


@dataclass(frozen=True)
class ConceptName:
    fr: str
    ar: str
    en: str

    def current(self) -> str:
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, language, "") or self.en


# Inside a tag: "BIM (Revit, Tekla)", "SEO / SEA", "Marketing & ventes", "تسويق، مبيعات".
_BRACKETS = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
_PARTS = re.compile(r"\s*(?:[,;/|&+،؛]|\s-\s|\bet\b|\band\b)\s*")
# A phrase found inside a longer tag counts from this many letters when it is a single word, so that
# "IT" or "R" do not stick to every tag that contains them.
_SHORTEST_INNER_WORD = 3


@dataclass
class TaxonomyIndex:
    by_key: dict[str, str]
    by_sorted_key: dict[str, str]
    sectors: dict[str, str]
    codes: list[str]
    names: dict  # code -> ConceptName
    vector_codes: list[str]  # the concepts embedded so far, in the order of ``vectors``
    vectors: np.ndarray | None
    by_stems: dict = None  # stemmed words (tuple) -> code, for phrases inside longer tags
    longest: int = 1

    def lookup(self, tag: str) -> str | None:
        """The concept of a whole tag, or None: one spelling of it, up to word order and plurals."""
        return (
            self.by_key.get(normalise(tag))
            or self.by_sorted_key.get(sorted_key(tag))
            or (self.by_stems or {}).get(tuple(stem_words(words(tag))))
        )

    def inner(self, text: str, *, shortest_word=_SHORTEST_INNER_WORD) -> list[str]:
        """Concepts named inside ``text``: the longest spellings first, never overlapping."""
        stems = stem_words(words(text))
        taken = [False] * len(stems)
        found = []
        for size in range(min(self.longest, len(stems)), 0, -1):
            for start in range(len(stems) - size + 1):
                if any(taken[start : start + size]):
                    continue
                phrase = tuple(stems[start : start + size])
                code = (self.by_stems or {}).get(phrase)
                if code is None or (size == 1 and len(phrase[0]) < shortest_word):
                    continue
                taken[start : start + size] = [True] * size
                found.append((start, code))
        return list(dict.fromkeys(code for _start, code in sorted(found)))

    def tag_concepts(self, tag: str) -> list[str]:
        """Every concept a typed tag names, most telling first.

        The whole tag as a spelling; else the words before a bracket and each item inside it
        ("BIM (Revit, Tekla)" is BIM); else each part between separators; else the spellings found
        inside it ("Développeuse web full stack" is web development).
        """
        code = self.lookup(tag)
        if code:
            return [code]
        found = []
        inside = _BRACKETS.findall(tag)
        head = _BRACKETS.sub(" ", tag)
        parts = [head, *inside] if inside else [tag]
        for part in parts:
            pieces = [piece for piece in _PARTS.split(part) if piece.strip()]
            for piece in pieces if len(pieces) > 1 or inside else [part]:
                code = self.lookup(piece)
                found.extend([code] if code else self.inner(piece))
        return list(dict.fromkeys(found))


_lock = threading.Lock()
_index: dict = {}


def taxonomy_index() -> TaxonomyIndex:
    stamp = versions.current(versions.TAXONOMY)
    with _lock:
        if _index.get("stamp") != stamp:
            _index["value"] = _build_index()
            _index["stamp"] = stamp
        return _index["value"]


def index_from_entries(entries) -> TaxonomyIndex:
    """An index of the shipped data (or any entries) without the database: for measuring coverage."""
    concepts = [
        SkillConcept(
            code=e["code"],
            sector=e["sector"],
            name_fr=e["fr"],
            name_ar=e["ar"],
            name_en=e["en"],
            synonyms=e.get("synonyms", []),
        )
        for e in entries
    ]
    return _build_index(concepts)


def _build_index(concepts=None) -> TaxonomyIndex:
    by_key, by_sorted_key, sectors, codes, names, vector_codes, vectors = {}, {}, {}, [], {}, [], []
    for concept in SkillConcept.objects.order_by("id") if concepts is None else concepts:
        sectors[concept.code] = concept.sector
        names[concept.code] = ConceptName(concept.name_fr, concept.name_ar, concept.name_en)
        codes.append(concept.code)
        if concept.vector is not None:
            vector_codes.append(concept.code)
            vectors.append(concept.vector)
        for spelling in concept.spellings():
            by_key.setdefault(normalise(spelling), concept.code)
            by_sorted_key.setdefault(sorted_key(spelling), concept.code)
    by_key.pop("", None)
    by_sorted_key.pop("", None)
    by_stems = {}
    for key, code in by_key.items():
        by_stems.setdefault(tuple(stem_words(key.split())), code)
    matrix = None
    if vectors:
        matrix = np.vstack([vector_from_bytes(vector) for vector in vectors])
    longest = max((len(stems) for stems in by_stems), default=1)
    return TaxonomyIndex(
        by_key, by_sorted_key, sectors, codes, names, vector_codes, matrix, by_stems, longest
    )


_nearest_seen: dict = {}


def _nearest(index: TaxonomyIndex, tag: str) -> str | None:
    """The concept closest to an unknown tag, if close enough; remembered per taxonomy version."""
    key = (id(index), normalise(tag))
    if key not in _nearest_seen:
        similarities = index.vectors @ embed_passages([tag])[0]
        order = np.argsort(-similarities)[:2]
        best = float(similarities[order[0]])
        runner_up = float(similarities[order[1]]) if len(order) > 1 else -1.0
        close = best >= NEAREST_CONCEPT_THRESHOLD and best - runner_up >= NEAREST_CONCEPT_MARGIN
        if len(_nearest_seen) > 10_000:
            _nearest_seen.clear()
        _nearest_seen[key] = index.vector_codes[int(order[0])] if close else None
    return _nearest_seen[key]


def tags_to_concepts(tags, *, nearest=False) -> tuple[list[str], list[str]]:
    """Concept codes for free tags (in order, without repeats) and the tags no concept matched.

    With ``nearest``, an unmatched tag is embedded and read as the closest concept when the similarity
    passes NEAREST_CONCEPT_THRESHOLD (this costs an embedding per tag: background tasks only).
    """
    concepts, unknown = [], []
    for tag, codes in tag_needs(tags, nearest=nearest):
        concepts.extend(code for code in codes if code not in concepts)
        if not codes:
            unknown.append(tag)
    return concepts, unknown


def tag_needs(tags, *, nearest=False, index=None) -> list[tuple[str, list[str]]]:
    """Each tag with the concepts it names (an empty list when none: an unknown tag)."""
    index = index or taxonomy_index()
    result = []
    for tag in tags:
        codes = index.tag_concepts(tag)
        if not codes and nearest and index.vectors is not None and normalise(tag):
            code = _nearest(index, tag)
            codes = [code] if code else []
        result.append((tag, codes))
    return result


def concepts_embed_all(batch_size: int = 64, *, everything=False, progress=None) -> int:
    """Embed every concept that has no vector yet (``everything``: all of them, after a model change),
    in batches. ``progress(count)`` is called after each batch. Returns how many were embedded."""
    query = SkillConcept.objects.all() if everything else SkillConcept.objects.filter(vector__isnull=True)
    concepts = list(query.order_by("pk"))
    for start in range(0, len(concepts), batch_size):
        chunk = concepts[start : start + batch_size]
        vectors = embed_passages([concept_text(concept) for concept in chunk])
        for concept, vector in zip(chunk, vectors, strict=True):
            SkillConcept.objects.filter(pk=concept.pk).update(vector=vector_to_bytes(vector))
        if progress:
            progress(len(chunk))
    if concepts:
        transaction.on_commit(lambda: versions.bump(versions.TAXONOMY))
    return len(concepts)
