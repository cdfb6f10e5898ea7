"""One search across the site: the text index both engines read, and the providers apps register.

Each app that holds something worth finding registers a ``SearchProvider`` in ``core.registry`` from its
AppConfig.ready(). The provider answers "which of my objects match these words *and* may this visitor
see them?" with its own app's selectors and permissions; the search page only lists what providers give.

Apps keep ``SearchDocument`` rows for their objects (``index_object`` on save, ``unindex_object`` on
delete). A row holds folded text (core.text.fold: case, accents, harakat, tatweel, alef/hamza/ta marbuta
variants do not matter) for one ``part`` of one object; an app that shows different text to different
audiences writes one part per audience and searches only the part the visitor may read.

Engines, behind ``matching_ids``: PostgreSQL full text (``kafaat_search_vector(text)``, i.e.
``to_tsvector('simple', text)`` declared as costly as it is, with a GIN expression index: migration 0004)
on the scaled set-up, an SQLite FTS5 table kept in sync by triggers on the embedded one (migration 0003).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection, transaction
from django.db.models import F, Func, Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import SearchDocument
from .text import fold

MAX_TERMS = 6
_WORD = re.compile(r"[^\W_]+")
_FTS_MATCH = "SELECT rowid FROM core_searchdocument_fts WHERE core_searchdocument_fts MATCH %s"


def terms(query: str) -> list[str]:
    """Distinct folded words of a query, in order (at most MAX_TERMS); punctuation never reaches an engine."""
    seen: list[str] = []
    for word in _WORD.findall(fold(query)):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def _match_q(words: list[str]) -> Q:
    """Every word must start a word of the document (prefix match, so typing finds as you go)."""
    if connection.vendor == "postgresql":
        raw = " & ".join(f"{word}:*" for word in words)
        return Q(fts=SearchQuery(raw, config="simple", search_type="raw"))
    if connection.vendor == "sqlite":
        expression = " AND ".join(f'"{word}"*' for word in words)
        # The words are parameters; the words themselves hold letters and digits only (terms()).
        return Q(id__in=RawSQL(_FTS_MATCH, (expression,)))  # noqa: S611
    condition = Q()  # any other database: a portable, slower fallback
    for word in words:
        condition &= Q(text__startswith=word) | Q(text__contains=f" {word}")
    return condition


def documents_matching(kind: str, query: str, parts: Iterable[str] | None = None) -> QuerySet:
    """Index rows of ``kind`` whose text holds every word of ``query`` (none for an empty query)."""
    words = terms(query)
    if not words:
        return SearchDocument.objects.none()
    rows = SearchDocument.objects.filter(kind=kind)
    if parts is not None:
        rows = rows.filter(part__in=list(parts))
    if connection.vendor == "postgresql":
        # The expression of the GIN indexes, so that the planner can use them.
        rows = rows.annotate(
            fts=Func(F("text"), function="kafaat_search_vector", output_field=SearchVectorField())
        )
    return rows.filter(_match_q(words))


def matching_ids(kind: str, query: str, parts: Iterable[str] | None = None) -> QuerySet:
    """Ids of the objects of ``kind`` matching ``query``, as a subquery for ``pk__in``."""
    return documents_matching(kind, query, parts).values("object_id")


# --- Writing the index ------------------------------------------------------------------------------


def index_object(kind: str, object_id: int, parts: dict[str, str]) -> None:
    """Replace the rows of one object: {part: text}; empty texts are not stored."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()
        SearchDocument.objects.bulk_create(
            SearchDocument(kind=kind, object_id=object_id, part=part, text=fold(text))
            for part, text in parts.items()
            if text and text.strip()
        )


def unindex_object(kind: str, object_id: int) -> None:
    SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()


def reindex(kind: str, documents: Iterable[tuple[int, str, str]], batch_size: int = 2000) -> int:
    """Rebuild every row of ``kind`` from (object_id, part, text) triples; returns the rows written."""
    written = 0
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind).delete()
        batch = []
        for object_id, part, text in documents:
            if not (text and text.strip()):
                continue
            batch.append(SearchDocument(kind=kind, object_id=object_id, part=part, text=fold(text)))
            if len(batch) >= batch_size:
                SearchDocument.objects.bulk_create(batch)
                written += len(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        written += len(batch)
    return written


# --- Providers --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One result as the search page shows it. ``title`` and ``snippet`` are user text unless the
    provider says otherwise: the page isolates them with dir="auto"."""

    kind: str
    title: str
    url: str
    snippet: str = ""


class HitList:
    """A lazy, countable list of hits over a queryset (what Django's Paginator needs)."""

    def __init__(self, rows, to_hit: Callable, count: Callable | None = None, cap: int | None = None):
        """``cap``: the provider stopped at ``cap`` + 1 rows (see ``capped``)."""
        self.rows = rows
        self.to_hit = to_hit
        self._count = count
        self._cached_count = None
        self.cap = cap

    @property
    def capped(self) -> bool:
        """More rows matched than the provider sorts and counts: the page says "more than ``cap``"."""
        return self.cap is not None and self.count() > self.cap

    def count(self) -> int:
        if self._cached_count is None:
            if self._count is not None:
                self._cached_count = self._count()
            elif hasattr(self.rows, "count"):
                self._cached_count = self.rows.count()
            else:
                self._cached_count = len(self.rows)
        return self._cached_count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.to_hit(row) for row in self.rows[index]]
        return self[index : index + 1][0]


@dataclass(frozen=True)
class SearchProvider:
    """What one app offers the site search.

    ``results(request, query)`` → a HitList of what this visitor may see, best first; ``visible(request)``
    says whether the kind is offered at all (staff-only records); ``documents()`` yields
    (object_id, part, text) for a full rebuild of the app's rows (``manage.py search_reindex``).
    """

    kind: str
    label: object
    results: Callable
    order: int = 50
    visible: Callable | None = None
    documents: Callable | None = None

    def offered_to(self, request) -> bool:
        return self.visible is None or bool(self.visible(request))
