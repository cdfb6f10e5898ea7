"""The site search page and its suggestions: they list what the registered providers find.

Thin: each provider (core.search.SearchProvider, registered by the app holding the objects) applies its
own app's visibility rules; this module never names an app.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .registry import registry
from .search import terms

PAGE_SIZE = 10
PREVIEW_SIZE = 3  # results of each kind on the "all kinds" page
SUGGESTIONS_PER_KIND = 3
SUGGESTIONS_MAX = 8
QUERY_MAX_LENGTH = 200


@dataclass
class Facet:
    kind: str
    label: object
    count: int
    selected: bool = False
    capped: bool = False


def _query(request) -> str:
    return request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]


@require_GET
def search(request):
    query = _query(request)
    kind = request.GET.get("kind", "")
    providers = registry.search_provider_list(request)
    facets, sections, page_obj, total, hits_by_kind = [], [], None, 0, {}
    searched = bool(terms(query))
    if searched:
        for provider in providers:
            hits = provider.results(request, query)
            hits_by_kind[provider.kind] = hits
            count = min(hits.count(), hits.cap) if hits.capped else hits.count()
            facets.append(Facet(provider.kind, provider.label, count, provider.kind == kind, hits.capped))
        total = sum(facet.count for facet in facets)
        if kind in hits_by_kind:
            page_obj = Paginator(hits_by_kind[kind], PAGE_SIZE).get_page(request.GET.get("page"))
        else:
            kind = ""
            sections = [(facet, hits_by_kind[facet.kind][:PREVIEW_SIZE]) for facet in facets if facet.count]
    selected = next((facet for facet in facets if facet.selected), None)
    return render(
        request,
        "core/search.html",
        {
            "search_query": query,
            "kind": kind,
            "facets": facets,
            "selected_facet": selected,
            "sections": sections,
            "page_obj": page_obj,
            "result_count": selected.count if selected else total,
            "capped": selected.capped if selected else any(facet.capped for facet in facets),
            "searched": searched,
        },
    )


@require_GET
def search_suggest(request):
    """Up to a few results of each kind for what is typed so far: {"query", "results": [{kind, label,
    title, url}]}. The same providers as the page, so it shows nothing the page would not."""
    query = _query(request)
    results = []
    if terms(query):
        for provider in registry.search_provider_list(request):
            for hit in provider.results(request, query)[:SUGGESTIONS_PER_KIND]:
                results.append(
                    {"kind": hit.kind, "label": str(provider.label), "title": hit.title, "url": hit.url}
                )
            if len(results) >= SUGGESTIONS_MAX:
                break
    response = JsonResponse({"query": query, "results": results[:SUGGESTIONS_MAX]})
    response["Cache-Control"] = "private, no-store"
    return response
