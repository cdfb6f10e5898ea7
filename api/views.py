"""Thin API views. Reads go through the apps' selectors and permission functions, as the pages do."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated

from django.contrib.auth.models import AnonymousUser
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import translation

from wagtail.models import Locale

from cms import selectors as cms_selectors
from cms.models import NewsArticlePage, ProgrammePage, ServicePage
from community.messaging import selectors as messaging_selectors
from community.notifications import selectors as notification_selectors
from community.profiles import selectors as profile_selectors
from events import selectors as event_selectors

from . import scopes
from . import serializers as out
from .language import LANGUAGE_CODES, requested_language
from .permissions import ScopeRequired

ERRORS = {
    400: out.ErrorSerializer,
    401: out.ErrorSerializer,
    403: out.ErrorSerializer,
    404: out.ErrorSerializer,
    429: out.ErrorSerializer,
}
LANG = OpenApiParameter(
    "lang", OpenApiTypes.STR, enum=LANGUAGE_CODES, description="Language; default: Accept-Language."
)


def _ordering(name, choices):
    return OpenApiParameter(name, OpenApiTypes.STR, enum=choices, description="Sort order.")


class _Query(serializers.Serializer):
    """Query parameters, validated so that a bad value is a 400 in the common error body."""

    lang = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False)
    ordering = serializers.CharField(required=False)

    def __init__(self, *args, orderings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ordering"] = serializers.ChoiceField(choices=list(orderings), required=False)


class LocalizedMixin:
    """Serve the list in ``?lang`` or the Accept-Language; wording and URLs follow it."""

    orderings: dict = {}
    default_ordering = ""

    def query(self):
        # PostgreSQL refuses NUL in text: a filter holding one is the caller's error, not a 500.
        for name, values in self.request.query_params.lists():
            if any("\x00" in value for value in values):
                raise ValidationError({name: [ProhibitNullCharactersValidator.message]})
        query = _Query(data=self.request.query_params, orderings=self.orderings, partial=True)
        query.is_valid(raise_exception=True)
        return query.validated_data

    def list(self, request, *args, **kwargs):
        self.params = self.query()
        with translation.override(requested_language(request)):
            return super().list(request, *args, **kwargs)

    def order(self, queryset):
        return queryset.order_by(*self.orderings[self.params.get("ordering") or self.default_ordering])


class PageList(LocalizedMixin, generics.ListAPIView):
    """Live, public pages of one language (``cms.selectors.visible``): never a draft nor a private page."""

    model = None
    orderings = {
        "title": ("title", "id"),
        "-title": ("-title", "-id"),
        "published": ("first_published_at", "id"),
        "-published": ("-first_published_at", "-id"),
    }
    default_ordering = "title"

    def get_queryset(self):
        locale = Locale.objects.filter(language_code=requested_language(self.request)).first()
        if locale is None:
            return self.model.objects.none()
        pages = cms_selectors.visible(self.model.objects.filter(locale=locale)).select_related("locale")
        return self.order(self.filter(pages))

    def filter(self, pages):
        return pages


@extend_schema(
    parameters=[
        LANG,
        _ordering("ordering", list(PageList.orderings)),
        OpenApiParameter("sector", OpenApiTypes.STR, description="Sector code, e.g. digital."),
        OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166 country code, e.g. FR."),
    ],
    responses={200: out.ProgrammeSerializer(many=True), **ERRORS},
)
class ProgrammeList(PageList):
    model = ProgrammePage
    serializer_class = out.ProgrammeSerializer

    def filter(self, pages):
        sector = self.request.query_params.get("sector", "")
        country = self.request.query_params.get("country", "")
        if sector:
            pages = pages.filter(sector_tags__slug=sector)
        if country:
            pages = pages.filter(country_tags__name__iexact=country)
        return pages.distinct().prefetch_related("sector_tags", "country_tags")


@extend_schema(
    parameters=[LANG, _ordering("ordering", list(PageList.orderings))],
    responses={200: out.ServiceSerializer(many=True), **ERRORS},
)
class ServiceList(PageList):
    model = ServicePage
    serializer_class = out.ServiceSerializer


class NewsList(PageList):
    model = NewsArticlePage
    serializer_class = out.NewsSerializer
    orderings = {**PageList.orderings, "date": ("date", "id"), "-date": ("-date", "-id")}
    default_ordering = "-date"


NewsList = extend_schema(
    parameters=[LANG, _ordering("ordering", list(NewsList.orderings))],
    responses={200: out.NewsSerializer(many=True), **ERRORS},
)(NewsList)


@extend_schema(
    parameters=[
        LANG,
        _ordering("ordering", ["start", "-start"]),
        OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166 country code, e.g. FR."),
        OpenApiParameter("city", OpenApiTypes.STR),
        OpenApiParameter("online", OpenApiTypes.BOOL, description="Online and hybrid events only."),
        OpenApiParameter("theme", OpenApiTypes.STR, description="Sector code."),
        OpenApiParameter("q", OpenApiTypes.STR, description="Text in the title or description."),
    ],
    responses={200: out.SessionSerializer(many=True), **ERRORS},
)
class EventList(LocalizedMixin, generics.ListAPIView):
    """Upcoming sessions of public events only, whoever asks: a gated or private event is never listed."""

    serializer_class = out.SessionSerializer
    orderings = {"start": ("start",), "-start": ("-start",)}
    default_ordering = "start"

    def get_queryset(self):
        params = self.request.query_params
        online = params.get("online", "").lower() in ("1", "true")
        sessions = event_selectors.upcoming_sessions(
            AnonymousUser(),
            country=params.get("country", ""),
            city=params.get("city", ""),
            online=online,
            theme=params.get("theme", ""),
            q=params.get("q", ""),
        )
        return sorted(sessions, key=lambda s: s.start, reverse=self.params.get("ordering") == "-start")


class MemberMixin(LocalizedMixin):
    permission_classes = [IsAuthenticated, ScopeRequired]
    required_scope = scopes.READ_ME


@extend_schema(responses={200: out.ProfileSerializer, **ERRORS})
class MyProfile(generics.RetrieveAPIView):
    """The signed-in member's own profile."""

    permission_classes = [IsAuthenticated, ScopeRequired]
    required_scope = scopes.READ_ME
    serializer_class = out.ProfileSerializer

    def get_object(self):
        profile = profile_selectors.profile_for_user(self.request.user)
        if profile is None:
            raise NotFound()
        return profile


@extend_schema(
    parameters=[LANG, _ordering("ordering", ["created", "-created", "title"])],
    responses={200: out.ProjectSerializer(many=True), **ERRORS},
)
class MyProjects(MemberMixin, generics.ListAPIView):
    serializer_class = out.ProjectSerializer
    orderings = {
        "created": ("created_at", "id"),
        "-created": ("-created_at", "-id"),
        "title": ("title", "id"),
    }
    default_ordering = "-created"

    def get_queryset(self):
        profile = profile_selectors.profile_for_user(self.request.user)
        if profile is None:
            return []
        return self.order(profile.projects.prefetch_related("skills_needed"))


@extend_schema(
    parameters=[
        LANG,
        OpenApiParameter(
            "past_days", OpenApiTypes.INT, description="Also sessions ended this many days ago."
        ),
    ],
    responses={200: out.RSVPSerializer(many=True), **ERRORS},
)
class MyRSVPs(MemberMixin, generics.ListAPIView):
    """The member's answers to sessions they may still see (``events.selectors.my_sessions``)."""

    serializer_class = out.RSVPSerializer

    def get_queryset(self):
        try:
            past_days = min(max(int(self.request.query_params.get("past_days", 0)), 0), 3660)
        except ValueError:
            past_days = 0
        return [
            {"rsvp": rsvp, "session": session}
            for session, rsvp in event_selectors.my_sessions(self.request.user, include_past_days=past_days)
        ]


@extend_schema(
    parameters=[
        LANG,
        _ordering("ordering", ["created", "-created"]),
        OpenApiParameter("unread", OpenApiTypes.BOOL, description="Unread notifications only."),
    ],
    responses={200: out.NotificationSerializer(many=True), **ERRORS},
)
class MyNotifications(MemberMixin, generics.ListAPIView):
    serializer_class = out.NotificationSerializer
    orderings = {"created": ("created_at", "id"), "-created": ("-created_at", "-id")}
    default_ordering = "-created"

    def get_queryset(self):
        notifications = notification_selectors.notifications_of(self.request.user)
        if self.request.query_params.get("unread", "").lower() in ("1", "true"):
            notifications = notifications.filter(read_at__isnull=True)
        return self.order(notifications)

    def paginate_queryset(self, queryset):
        # Worded in the reader's language after slicing, as the notification centre does.
        page = super().paginate_queryset(queryset)
        return notification_selectors.worded(page) if page is not None else page


@extend_schema(parameters=[LANG], responses={200: out.ConversationSerializer(many=True), **ERRORS})
class MyConversations(MemberMixin, generics.ListAPIView):
    """The member's conversations, latest activity first: those the messaging app lets them read now.

    ``messaging.selectors.conversations_of`` is the inbox's own list: current participations, groups the
    member is an active member of, spaces whose gate still lets them in. Titles only, never a message.
    """

    required_scope = scopes.READ_CONVERSATIONS
    serializer_class = out.ConversationSerializer

    def get_queryset(self):
        return messaging_selectors.conversations_of(self.request.user)

    def paginate_queryset(self, rows):
        # Other participants' names for this page only, in one query, worded in the caller's language.
        page = super().paginate_queryset(rows)
        if page is None:
            return page
        others = messaging_selectors.others_in(self.request.user, [row["conversation"].id for row in page])
        return [
            {
                **row,
                "title": messaging_selectors.title_as_seen(
                    row["conversation"], others.get(row["conversation"].id, [])
                ),
            }
            for row in page
        ]


@extend_schema(exclude=True)
class NotFoundView(generics.GenericAPIView):
    """Any other path under /api/v1/: the common error body, not the site's language redirect."""

    def get(self, request, *args, **kwargs):
        raise NotFound()

    post = put = patch = delete = get
