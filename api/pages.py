"""Wagtail's own API v2 for published pages, mounted at /api/v1/pages/ beside the rest of the API.

Mounted under /api/v1/ (not a separate /api/v2/): one base address for partners, the same personal
tokens, rate limits, error body and language handling, and the same OpenAPI document and authorization
harness. Wagtail's response shape is kept (``meta.total_count``, ``items``, ``limit``/``offset``), as
Wagtail documents it, so Wagtail's own clients work unchanged.

Only live pages that an anonymous visitor may open (``cms.selectors.visible``): a page with a view
restriction of any kind (password, signed-in members, groups), and everything under it, is never listed
and its detail is a 404, whoever asks, a signed-in staff member included.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import JSONRenderer

from django.core.validators import ProhibitNullCharactersValidator
from django.http import Http404
from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import get_page_models

from cms import selectors as cms_selectors

from . import serializers as out
from .language import LANGUAGE_CODES

ERRORS = {
    400: out.ErrorSerializer,
    401: out.ErrorSerializer,
    404: out.ErrorSerializer,
    429: out.ErrorSerializer,
}
ORDERINGS = ["id", "-id", "title", "-title", "first_published_at", "-first_published_at"]


def _page_types():
    return sorted(model._meta.label for model in get_page_models() if not model._meta.abstract)


class _PageMeta(serializers.Serializer):
    type = serializers.CharField()
    detail_url = serializers.URLField()
    html_url = serializers.CharField(allow_null=True)
    slug = serializers.CharField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    locale = serializers.ChoiceField(choices=LANGUAGE_CODES)
    translation_key = serializers.UUIDField(
        help_text="The same in every translation of a page: filter by it to find the other languages."
    )


class _PageItem(serializers.Serializer):
    id = serializers.IntegerField()
    meta = _PageMeta()
    title = serializers.CharField()


class _Total(serializers.Serializer):
    total_count = serializers.IntegerField(min_value=0)


class PageListSerializer(serializers.Serializer):
    """Wagtail's listing: the total (before ``limit``/``offset``) and one page of items."""

    meta = _Total()
    items = _PageItem(many=True)


class _PageDetailMeta(_PageMeta):
    show_in_menus = serializers.BooleanField()
    seo_title = serializers.CharField(allow_blank=True)
    search_description = serializers.CharField(allow_blank=True)
    alias_of = serializers.JSONField(allow_null=True)
    parent = serializers.JSONField(allow_null=True, help_text="Null when the parent is not public.")


class PageDetailSerializer(serializers.Serializer):
    """Wagtail's detail: the common fields, then the page type's own ``api_fields``."""

    id = serializers.IntegerField()
    meta = _PageDetailMeta()
    title = serializers.CharField()


_LIST_PARAMETERS = [
    OpenApiParameter("locale", OpenApiTypes.STR, enum=LANGUAGE_CODES, description="One language's pages."),
    OpenApiParameter(
        "translation_of",
        OpenApiTypes.INT,
        description="The translations of this page (its id): with locale, the one page in that language.",
    ),
    OpenApiParameter(
        "translation_key", OpenApiTypes.UUID, description="The page in every language it was translated to."
    ),
    OpenApiParameter(
        "type", OpenApiTypes.STR, enum=_page_types(), description="Page type, e.g. cms.ProgrammePage."
    ),
    OpenApiParameter("order", OpenApiTypes.STR, enum=ORDERINGS, description="Sort order."),
    OpenApiParameter("limit", OpenApiTypes.INT, description="Items per answer (at most 100; default 20)."),
    OpenApiParameter("offset", OpenApiTypes.INT, description="Items to skip."),
]


MAX_OFFSET = 2**63 - 1


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's PagesAPIViewSet on public pages only, with the translation key and the common errors."""

    renderer_classes = [JSONRenderer]
    meta_fields = [*PagesAPIViewSet.meta_fields, "translation_key"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translation_key"]

    @extend_schema(
        operation_id="pages_list",
        summary="Published public pages",
        description=(
            "Live pages without any view restriction, in every language (filter with locale); "
            "translation_key is shared by the translations of one page."
        ),
        parameters=_LIST_PARAMETERS,
        responses={200: PageListSerializer, **ERRORS},
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        operation_id="pages_retrieve",
        summary="One published public page",
        description="A live page without any view restriction; any other id is a 404.",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Page id.")],
        responses={200: PageDetailSerializer, **ERRORS},
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    def get_base_queryset(self):
        # Wagtail leaves out the restrictions this request does not pass; a partner API leaves out all.
        return cms_selectors.visible(super().get_base_queryset())

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any("\x00" in value for value in values):
                raise ValidationError({name: [ProhibitNullCharactersValidator.message]})
        # Wagtail takes any integer; past a 64-bit one, PostgreSQL's OFFSET fails (a server error).
        offset = request.GET.get("offset", "").strip()
        if offset.isdecimal() and int(offset) > MAX_OFFSET:  # "²" is a digit int() refuses
            too_large = str(serializers.IntegerField.default_error_messages["max_value"])
            raise ValidationError({"offset": [too_large.format(max_value=MAX_OFFSET)]})
        locale = request.GET.get("locale")
        if locale is not None and locale not in LANGUAGE_CODES:
            invalid = str(serializers.ChoiceField.default_error_messages["invalid_choice"])
            raise ValidationError({"locale": [invalid.format(input=locale)]})

    def handle_exception(self, exc):
        # Wagtail answers {"message": …} in English; the common body (api/errors.py) is worded in the
        # caller's language, Wagtail's own explanation kept under "errors".
        if isinstance(exc, BadRequestError):
            exc = ValidationError({"query": [str(exc)]})
        elif isinstance(exc, Http404):
            exc = NotFound()
        return super(BaseAPIViewSet, self).handle_exception(exc)

    @classmethod
    def get_urlpatterns(cls):
        # Listing and detail; Wagtail's find/ (a redirect by html_path) is left out.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


# Reversed as "api:wagtail:pages:…" (api/urls.py mounts the router's patterns in the "wagtail" namespace).
router = WagtailAPIRouter("api:wagtail")
router.register_endpoint("pages", PublicPagesAPIViewSet)
