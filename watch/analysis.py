"""One article's text → mentions, each with its link (or none) and distinction; no database writes.

Shared by the pipeline (services.article_process), the evaluation and the benchmark, so what is
measured is what runs.
"""

import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings

from core.registry import person_directory
from core.text import fold

from .distinctions import classify
from .linking import Context, Scored, best_link
from .mentions import Found, NameIndex, paragraph_around

DIASPORA_CUES = re.compile(
    r"(?<!\w)(marocain|marocaine|moroccan|maroc|morocco|d'origine marocaine|moroccan-born|diaspora|mre|"
    r"مغربي|مغربيه|المغرب|الجاليه)",
)
_CAPITALISED = re.compile(r"\b([A-Z][a-zà-ÿ'’-]+(?:[ ]+(?:[Ee]l|[Bb]en|[A-Z][a-zà-ÿ'’-]+)){1,2})\b")
# Capitalised words that open a sentence or name a thing, not a person.
_NOT_GIVEN = {
    "le",
    "la",
    "les",
    "the",
    "un",
    "une",
    "a",
    "an",
    "au",
    "en",
    "de",
    "du",
    "des",
    "prix",
    "this",
    "ministre",
    "president",
    "président",
    "université",
    "university",
    "in",
    "at",
    "for",
    "pour",
}


@dataclass
class Result:
    found: Found
    paragraph_start: int
    paragraph: str
    link: Scored | None
    distinction: str


@dataclass
class CandidateName:
    name: str
    start: int
    end: int
    paragraph: str
    distinction: str
    cues: list


_index: NameIndex | None = None
_index_at = 0.0
_index_lock = threading.Lock()


def name_index(refresh: bool = False) -> NameIndex:
    """The directory's names, rebuilt after ``WATCH_INDEX_TTL_SECONDS`` (new records, new objections)."""
    global _index, _index_at
    ttl = getattr(settings, "WATCH_INDEX_TTL_SECONDS", 600)
    with _index_lock:
        if refresh or _index is None or (_index_at != float("inf") and time.monotonic() - _index_at > ttl):
            _index = NameIndex(person_directory())
            _index_at = time.monotonic()
        return _index


def name_index_set(index: NameIndex) -> None:
    """Use this index until ``index_reset`` (the evaluation's and the benchmark's own registry)."""
    global _index, _index_at
    with _index_lock:
        _index, _index_at = index, float("inf")


def index_reset() -> None:
    global _index
    with _index_lock:
        _index = None


def analyse(title: str, body: str, index: NameIndex) -> list[Result]:
    results = []
    contexts: dict[int, Context] = {}
    seen_people: set[str] = set()
    for found in index.find(body):
        begin, paragraph = paragraph_around(body, found.start, found.end)
        context = contexts.get(begin)
        if context is None:
            # The paragraph, the one before it (the lead often says where) and the title.
            _before, previous = (
                paragraph_around(body, max(begin - 2, 0), max(begin - 1, 0)) if begin else (0, "")
            )
            context = contexts[begin] = Context(f"{previous}\n{paragraph}\n{title}", index.key)
        link = best_link(found.people, context, found.form, found.exact_ids)
        first = bool(link) and link.person.id not in seen_people
        if link:
            seen_people.add(link.person.id)
        distinction = (
            classify(
                title=title,
                body=body,
                start=found.start,
                end=found.end,
                surface=found.surface,
                first_mention=first,
            )
            if link
            else "none"
        )
        results.append(Result(found, begin, paragraph, link, distinction))
    return results


def candidates(title: str, body: str, index: NameIndex, known: list[Found]) -> list[CandidateName]:
    """Latin-script names nobody in the directory holds, given a distinction in their sentence and a
    diaspora cue in their paragraph: people an analyst may want to add."""
    taken = [(f.start, f.end) for f in known]
    out, names = [], set()
    for match in _CAPITALISED.finditer(body):
        start, end = match.span(1)
        if any(a < end and start < b for a, b in taken):
            continue
        name = match.group(1)
        if name in names or len(name.split()) < 2 or name.split()[0].lower() in _NOT_GIVEN:
            continue
        begin, paragraph = paragraph_around(body, start, end)
        cues = sorted(set(DIASPORA_CUES.findall(fold(paragraph))))
        if not cues:
            continue
        distinction = classify(
            title=title, body=body, start=start, end=end, surface=name, first_mention=False
        )
        if distinction == "none":
            continue
        names.add(name)
        out.append(CandidateName(name, start, end, paragraph, distinction, cues))
    return out
