"""What the site search finds among pages: live, public pages of the active language (Wagtail search)."""

from django.utils.translation import gettext_lazy as _

from core.search import HitList, SearchHit, SearchProvider

from . import selectors
from .templatetags.cms_tags import teaser

PAGES = "pages"


class PageHits(HitList):
    """Wagtail's results give base pages; a slice is turned into specific pages in one query."""

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        pages = selectors.specific_pages(self.rows[index])
        return [
            SearchHit(kind=PAGES, title=page.title, url=page.get_url() or page.url, snippet=teaser(page))
            for page in pages
        ]


def _results(request, query):
    return PageHits(selectors.search_pages(query, selectors.active_locale()), to_hit=None)


PROVIDER = SearchProvider(kind=PAGES, label=_("Pages"), results=_results, order=10)
