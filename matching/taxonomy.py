"""The skills taxonomy: loading the shipped data, and normalising free tags to concepts."""

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from django.db import transaction

from . import versions
from .models import SkillConcept
from .text import normalise, sorted_key

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

    Idempotent. Synonyms staff added in the admin are kept (the union is stored). With ``embed``, the
    concepts without a vector are embedded in background tasks. Returns (created, updated).
    """
    from .tasks import concept_embed_later

    created = updated = 0
    for entry in entries if entries is not None else taxonomy_data():
        concept = SkillConcept.objects.filter(code=entry["code"]).first()
        fields = {
            "sector": entry["sector"],
            "name_fr": entry["fr"],
            "name_ar": entry["ar"],
            "name_en": entry["en"],
        }
        if concept is None:
            concept = SkillConcept.objects.create(
                code=entry["code"], synonyms=entry.get("synonyms", []), **fields
            )
            created += 1
        else:
            synonyms = list(dict.fromkeys([*concept.synonyms, *entry.get("synonyms", [])]))
            changed = any(getattr(concept, name) != value for name, value in fields.items())
            if changed or synonyms != concept.synonyms:
                for name, value in fields.items():
                    setattr(concept, name, value)
                concept.synonyms = synonyms
                concept.vector = None
                concept.save()
                updated += 1
        if embed and concept.vector is None:
            concept_embed_later(concept.pk)
    if created or updated:
        transaction.on_commit(lambda: versions.bump(versions.TAXONOMY))
    return created, updated


def concept_text(concept: SkillConcept) -> str:
    return f"{concept.name_en} / {concept.name_fr} / {concept.name_ar}"


@dataclass(frozen=True)
class ConceptName:
    fr: str
    ar: str
    en: str

    def current(self) -> str:
        from django.conf import settings
        from django.utils import translation

        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, language, "") or self.en


@dataclass
class TaxonomyIndex:
    by_key: dict[str, str]
    by_sorted_key: dict[str, str]
    sectors: dict[str, str]
    codes: list[str]
    names: dict  # code -> ConceptName
    vector_codes: list[str]  # the concepts embedded so far, in the order of ``vectors``
    vectors: np.ndarray | None

    def lookup(self, tag: str) -> str | None:
        return self.by_key.get(normalise(tag)) or self.by_sorted_key.get(sorted_key(tag))


_lock = threading.Lock()
_index: dict = {}


def taxonomy_index() -> TaxonomyIndex:
    stamp = versions.current(versions.TAXONOMY)
    with _lock:
        if _index.get("stamp") != stamp:
            _index["value"] = _build_index()
            _index["stamp"] = stamp
        return _index["value"]


def _build_index() -> TaxonomyIndex:
    by_key, by_sorted_key, sectors, codes, names, vector_codes, vectors = {}, {}, {}, [], {}, [], []
    for concept in SkillConcept.objects.order_by("id"):
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
    matrix = None
    if vectors:
        from .embeddings import vector_from_bytes

        matrix = np.vstack([vector_from_bytes(vector) for vector in vectors])
    return TaxonomyIndex(by_key, by_sorted_key, sectors, codes, names, vector_codes, matrix)


_nearest_seen: dict = {}


def _nearest(index: TaxonomyIndex, tag: str) -> str | None:
    """The concept closest to an unknown tag, if close enough; remembered per taxonomy version."""
    key = (id(index), normalise(tag))
    if key not in _nearest_seen:
        from .embeddings import embed_passages

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
    index = taxonomy_index()
    concepts, unknown = [], []
    for tag in tags:
        code = index.lookup(tag)
        if code is None and nearest and index.vectors is not None and normalise(tag):
            code = _nearest(index, tag)
        if code is None:
            unknown.append(tag)
        elif code not in concepts:
            concepts.append(code)
    return concepts, unknown


def concepts_embed_all(batch_size: int = 64) -> int:
    """Embed every concept that has no vector yet, in batches (seeders and operators). Returns how many."""
    from .embeddings import embed_passages, vector_to_bytes

    concepts = list(SkillConcept.objects.filter(vector__isnull=True).order_by("pk"))
    for start in range(0, len(concepts), batch_size):
        chunk = concepts[start : start + batch_size]
        vectors = embed_passages([concept_text(concept) for concept in chunk])
        for concept, vector in zip(chunk, vectors, strict=True):
            SkillConcept.objects.filter(pk=concept.pk).update(vector=vector_to_bytes(vector))
    if concepts:
        transaction.on_commit(lambda: versions.bump(versions.TAXONOMY))
    return len(concepts)
