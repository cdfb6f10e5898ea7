import re

from wagtailcache.cache import cache_page

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve as static_serve

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cms import views as cms_views

from . import ops

WAGTAIL_UTILITY_PATTERNS = [p for p in wagtail_urls.urlpatterns if getattr(p, "name", "") != "wagtail_serve"]

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Outside i18n_patterns: the language is ?lang= or Accept-Language (api/language.py).
    path("api/v1/", include("api.urls")),
    path("healthz", ops.healthz, name="healthz"),
    path("readyz", ops.readyz, name="readyz"),
    path("metrics", ops.metrics, name="metrics"),
    # The demo's five news feeds, served by the site itself (404 unless settings.WATCH_DEMO_FEEDS).
    path("watch-demo-feeds/", include("watch.demo_urls")),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("allauth.urls")),
    path("account/api-tokens/", include("api.account_urls")),
    path("account/", include("privacy.urls")),
    path("search/", cms_views.search, name="search"),
    path("community/", include("community.urls")),
    path("events/", include("events.urls")),
    # Mounted here, not inside matching/urls.py, so that its namespace stays "segmentation".
    path("matching/segments/", include("matching.segmentation.urls")),
    path("matching/", include("matching.urls")),
    # Mounted here, not inside referential/urls.py, so that its namespace stays "linkage".
    path("referential/linkage/", include("referential.linkage.urls")),
    path("referential/", include("referential.urls")),
    path("outreach/", include("outreach.urls")),
    path("accompaniment/", include("accompaniment.urls")),
    path("watch/", include("watch.urls")),
    path("dashboard/", include("dashboards.urls")),
    path("translation-missing/<int:page_id>/", cms_views.translation_missing, name="translation_missing"),
    # Wagtail's patterns in their order, its page view last and through the page cache (cms/pagecache.py).
    *WAGTAIL_UTILITY_PATTERNS,
    re_path(serve_pattern, cache_page(wagtail_views.serve), name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Laptops and the demo server have no web server in front to hand out uploaded files.
    media = re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
        static_serve,
        {"document_root": settings.MEDIA_ROOT},
    )
    urlpatterns = [media, *urlpatterns]

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
