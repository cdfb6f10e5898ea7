from django.core.paginator import Paginator
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import translation

from wagtail.models import Page

from cms import selectors
from core.unavailable import unavailable_response

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    search_results, results, count = None, [], 0
    if query:
        paginator = Paginator(selectors.search_pages(query, selectors.active_locale()), SEARCH_PAGE_SIZE)
        search_results = paginator.get_page(request.GET.get("page"))
        results = selectors.specific_pages(search_results)
        count = paginator.count
    return render(
        request,
        "cms/search.html",
        {"search_query": query, "search_results": search_results, "results": results, "result_count": count},
    )


def translation_missing(request, page_id):
    """Tell, in the language asked for, that a page has no translation in it yet.

    Answers 200: the site links here on purpose from its language switcher, so this is a real page, not an
    error (a 404 would make every such link look broken to link checkers); robots are told not to index it.
    Unknown, unpublished or private pages get the ordinary 404.
    """
    page = get_object_or_404(selectors.visible(Page.objects.all()), id=page_id)
    versions = selectors.page_versions(page, request)
    current = next((version for version in versions if version.code == translation.get_language()), None)
    if current is not None:  # translated since the link was made
        return redirect(current.url)
    home = selectors.home_page_for(request)
    context = {
        "switcher_page": page,
        "translations": versions,
        "home_url": (home.get_url(request) if home else None) or "/",
    }
    response = render(request, "cms/translation_missing.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    unavailable = unavailable_response()
    if unavailable is not None:
        return unavailable
    # No request context: the database or a context processor may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
