"""Staff reads: read-only lists, each through the owning app's selectors and permission functions (the
ones its pages use), behind a token scope. Every read is written to the audit log with its row count.

A web session reaches them too (the docs page), as the pages do: staff roles count only after the
second factor (accounts.roles.user_roles), so a session without it gets 403 like a token without scope.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated

from accompaniment import permissions as case_permissions
from accompaniment import selectors as case_selectors
from community.profiles.choices import Region
from core.audit import audit_record
from core.models import AuditLog
from core.sectors import SectorChoice
from matching.segmentation import permissions as segment_permissions
from matching.segmentation import selectors as segment_selectors
from referential import permissions as referential_permissions
from referential import selectors as referential_selectors
from referential.linkage import permissions as linkage_permissions
from referential.linkage import selectors as linkage_selectors
from referential.models import ImportBatch
from watch import permissions as watch_permissions
from watch import selectors as watch_selectors
from watch.models import Distinction, Link

from . import scopes
from . import serializers as out
from .models import ApiToken
from .permissions import AppPermission, ScopeRequired
from .views import ERRORS, LANG, LocalizedMixin

MAX_ID = 2**31 - 1


def _id_field(**kwargs):
    return serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, **kwargs)


class StaffList(LocalizedMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, ScopeRequired, AppPermission]
    required_scope = ""
    filters_class = None  # a Serializer of optional query parameters, validated (a bad value is a 400)
    audit_name = ""

    def may_read(self, user) -> bool:  # pragma: no cover - every list names its app's function
        raise NotImplementedError

    def query(self):
        params = super().query()
        if self.filters_class is not None:
            filters = self.filters_class(data=self.request.query_params, partial=True)
            filters.is_valid(raise_exception=True)
            params.update(filters.validated_data)
        return params

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        token = self.request.auth if isinstance(self.request.auth, ApiToken) else None
        audit_record(
            self.request.user,
            "api.staff_read",
            kind=AuditLog.Kind.READ,
            detail=self.request.get_full_path(),
            endpoint=self.audit_name,
            rows=len(page) if page is not None else len(queryset),
            token=token.pk if token else None,
        )
        return page


def staff_schema(view, filters=None, extra=()):
    parameters = [LANG, OpenApiParameter("ordering", OpenApiTypes.STR, enum=list(view.orderings))]
    if filters is not None:
        parameters.append(filters)
    return extend_schema(
        parameters=[*parameters, *extra],
        responses={200: view.serializer_class(many=True), **ERRORS},
    )(view)


class ImportFilters(serializers.Serializer):
    source = _id_field(help_text="Source id.")
    status = serializers.ChoiceField(choices=ImportBatch.Status.choices, required=False)


class ImportList(StaffList):
    """Referential imports (``referential.selectors.batches``): analysts and administrators."""

    serializer_class = out.ImportBatchSerializer
    required_scope = scopes.READ_REFERENTIAL
    filters_class = ImportFilters
    audit_name = "referential.imports"
    orderings = {"created": ("created_at", "id"), "-created": ("-created_at", "-id")}
    default_ordering = "-created"

    def may_read(self, user):
        return referential_permissions.can_use_referential(user)

    def get_queryset(self):
        batches = referential_selectors.batches(self.params.get("source"), self.params.get("status", ""))
        return self.order(batches)


class RecordFilters(serializers.Serializer):
    source = _id_field(help_text="Source id.")
    batch = _id_field(help_text="Import id.")
    country = serializers.CharField(required=False, max_length=2, help_text="ISO 3166 country code.")
    golden = _id_field(help_text="Golden record id: the records linkage put in it.")


class RecordList(StaffList):
    """Referential source records (``referential.selectors.source_records_rows``)."""

    serializer_class = out.SourceRecordSerializer
    required_scope = scopes.READ_REFERENTIAL
    filters_class = RecordFilters
    audit_name = "referential.records"
    orderings = {
        "id": ("id",),
        "-id": ("-id",),
        "family_name": ("family_name", "given_name", "id"),
        "imported": ("imported_at", "id"),
        "-imported": ("-imported_at", "-id"),
    }
    default_ordering = "id"

    def may_read(self, user):
        return referential_permissions.can_use_referential(user)

    def get_queryset(self):
        source = self.params.get("source")
        rows = referential_selectors.source_records_rows([source] if source else None)
        if self.params.get("batch"):
            rows = rows.filter(batch_id=self.params["batch"])
        if self.params.get("country"):
            rows = rows.filter(country=self.params["country"].upper())
        if self.params.get("golden"):
            rows = rows.filter(golden_link__golden_id=self.params["golden"])
        return self.order(rows)


class GoldenFilters(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=200, help_text="Text in the name or email.")


class GoldenRecordList(StaffList):
    """Golden records of record linkage (``referential.linkage.selectors.golden_records``)."""

    serializer_class = out.GoldenRecordSerializer
    required_scope = scopes.READ_REFERENTIAL
    filters_class = GoldenFilters
    audit_name = "linkage.golden_records"
    orderings = {
        "name": ("display_name", "id"),
        "-updated": ("-updated_at", "-id"),
        "updated": ("updated_at", "id"),
    }
    default_ordering = "name"

    def may_read(self, user):
        return linkage_permissions.can_use_linkage(user)

    def get_queryset(self):
        return self.order(linkage_selectors.golden_records(self.params.get("q", "")))


class SegmentFilters(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=120, help_text="Text in the name.")


class SegmentList(StaffList):
    """Saved segments (``matching.segmentation.selectors.segments_all``): their filters and last count."""

    serializer_class = out.SegmentSerializer
    required_scope = scopes.READ_SEGMENTS
    filters_class = SegmentFilters
    audit_name = "segmentation.segments"
    orderings = {
        "created": ("created_at", "id"),
        "-created": ("-created_at", "-id"),
        "name": ("name", "id"),
    }
    default_ordering = "-created"

    def may_read(self, user):
        return segment_permissions.may_segment(user)

    def get_queryset(self):
        segments = segment_selectors.segments_all()
        if self.params.get("q"):
            segments = segments.filter(name__icontains=self.params["q"])
        return self.order(segments)


class CaseFilters(serializers.Serializer):
    stage = serializers.SlugField(required=False, max_length=40, help_text="Stage key.")
    region = serializers.ChoiceField(choices=Region.choices, required=False)
    sector = serializers.ChoiceField(choices=SectorChoice.choices, required=False)
    country = serializers.CharField(required=False, max_length=2, help_text="ISO 3166 country code.")
    open = serializers.BooleanField(
        required=False, help_text="Open cases only (true) or closed only (false)."
    )


class CaseList(StaffList):
    """Accompaniment cases the caller may handle (``accompaniment.selectors.staff_cases``): an advisor
    their own, a relay their countries', an administrator all; analysts none."""

    serializer_class = out.CaseSerializer
    required_scope = scopes.READ_CASES
    filters_class = CaseFilters
    audit_name = "accompaniment.cases"
    orderings = {
        "created": ("created_at", "id"),
        "-created": ("-created_at", "-id"),
        "due": ("due_at", "id"),
    }
    default_ordering = "-created"

    def may_read(self, user):
        return case_permissions.may_use_board(user)

    def get_queryset(self):
        cases = case_selectors.staff_cases(self.request.user).select_related("stage")
        for name in ("region", "sector"):
            if self.params.get(name):
                cases = cases.filter(**{name: self.params[name]})
        if self.params.get("stage"):
            cases = cases.filter(stage__key=self.params["stage"])
        if self.params.get("country"):
            cases = cases.filter(country=self.params["country"].upper())
        if "open" in self.params:
            cases = cases.filter(closed_at__isnull=self.params["open"])
        return self.order(cases)


class WatchFilters(serializers.Serializer):
    status = serializers.ChoiceField(choices=Link.Status.choices, required=False)
    distinction = serializers.ChoiceField(choices=Distinction.choices, required=False)


class WatchItemList(StaffList):
    """Press mentions linked to people (``watch.selectors.queue``), by status; pending by default."""

    serializer_class = out.WatchItemSerializer
    required_scope = scopes.READ_WATCH
    filters_class = WatchFilters
    audit_name = "watch.items"
    orderings = {
        "-score": ("-score", "-id"),
        "score": ("score", "id"),
        "-created": ("-created_at", "-id"),
        "created": ("created_at", "id"),
    }
    default_ordering = "-score"

    def may_read(self, user):
        return watch_permissions.may_use_watch(user)

    def get_queryset(self):
        items = watch_selectors.queue(self.params.get("status") or Link.Status.PENDING)
        if self.params.get("distinction"):
            items = items.filter(distinction=self.params["distinction"])
        return self.order(items)


ImportList = staff_schema(ImportList, ImportFilters)
RecordList = staff_schema(RecordList, RecordFilters)
GoldenRecordList = staff_schema(GoldenRecordList, GoldenFilters)
SegmentList = staff_schema(SegmentList, SegmentFilters)
CaseList = staff_schema(CaseList, CaseFilters)
WatchItemList = staff_schema(WatchItemList, WatchFilters)
