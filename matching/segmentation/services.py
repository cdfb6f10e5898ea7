"""Writes about segments: save, refresh, delete, export (each export logged)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.labels.models import LabelGrant
from community.profiles.choices import FundingBand, Region, Stage
from core.countries import country_name
from core.csvfile import csv_text
from core.sectors import SectorChoice

from .filters import clean_filters, last_activity_expression
from .models import Segment, SegmentExport
from .scoring import priority_targets
from .selectors import segment_count, segment_profiles


class SegmentError(Exception):
    """A request the service refuses, with a message for the analyst."""


@transaction.atomic
def segment_create(*, owner, name: str, filters: dict) -> Segment:
    name = (name or "").strip()
    if not name:
        raise SegmentError(_("Give the segment a name."))
    cleaned = clean_filters(filters)
    return Segment.objects.create(
        owner=owner,
        name=name[:120],
        filters=cleaned,
        member_count=segment_count(cleaned),
        refreshed_at=timezone.now(),
    )


@transaction.atomic
def segment_refresh(segment: Segment) -> Segment:
    """Count the members again now (filters are re-validated: a label may have been deleted)."""
    segment = Segment.objects.select_for_update().get(pk=segment.pk)
    segment.filters = clean_filters(segment.filters)
    segment.member_count = segment_count(segment.filters)
    segment.refreshed_at = timezone.now()
    segment.save(update_fields=["filters", "member_count", "refreshed_at"])
    return segment


@transaction.atomic
def segment_delete(segment: Segment) -> None:
    segment.delete()  # the export log keeps the segment's name


@dataclass
class Export:
    filename: str
    content: str
    rows: int


def _join(choices, values) -> str:
    labels = dict(choices)
    return ", ".join(str(labels.get(value, value)) for value in values)


def _member_rows(segment):
    profiles = segment_profiles(segment.filters).annotate(last_activity=last_activity_expression())
    profiles = profiles.prefetch_related("projects")
    labels = {}
    grants = (
        LabelGrant.objects.active().filter(user_id__in=profiles.values("user_id")).select_related("label")
    )
    for grant in grants.order_by("label__slug"):
        labels.setdefault(grant.user_id, []).append(grant.label.name)
    header = [
        _("Member number"),
        _("Display name"),
        _("Country of residence"),
        _("Sectors"),
        _("Ways to contribute"),
        _("Projects"),
        _("Project stages"),
        _("Labels"),
        _("Last activity"),
    ]
    rows = []
    for profile in profiles:
        projects = list(profile.projects.all())
        rows.append(
            [
                profile.pk,
                profile.display_name,
                country_name(profile.country) if profile.country else "",
                ", ".join(str(label) for label in profile.sector_labels()),
                ", ".join(str(label) for label in profile.contribution_labels()),
                " | ".join(project.title for project in projects),
                _join(Stage.choices, sorted({project.stage for project in projects})),
                ", ".join(labels.get(profile.user_id, [])),
                profile.last_activity.date().isoformat() if profile.last_activity else "",
            ]
        )
    return header, rows


def _target_rows(segment):
    header = [
        _("Rank"),
        _("Project"),
        _("Project holder"),
        _("Country of residence"),
        _("Sector"),
        _("Stage"),
        _("Region of Morocco"),
        _("Funding need"),
        _("Score"),
        _("Stage points"),
        _("Funding points"),
        _("Competence points"),
        _("Programme points"),
    ]
    rows = []
    for rank, score in enumerate(priority_targets(segment.filters), start=1):
        project = score.project
        points = score.points
        rows.append(
            [
                rank,
                project.title,
                project.owner.display_name,
                country_name(project.owner.country) if project.owner.country else "",
                dict(SectorChoice.choices).get(project.sector, project.sector),
                dict(Stage.choices).get(project.stage, project.stage),
                dict(Region.choices).get(project.region, project.region),
                dict(FundingBand.choices).get(project.funding_need, ""),
                score.total,
                points["stage"],
                points["funding"],
                points["competences"],
                points["programmes"],
            ]
        )
    return header, rows


@transaction.atomic
def segment_export(*, segment: Segment, by, kind: str = SegmentExport.Kind.MEMBERS) -> Export:
    """Build the CSV of a segment's members (or ranked projects) and log who took it, when, how many rows.

    The log row and the file come from the same transaction: no file leaves without its log row.
    """
    if kind not in SegmentExport.Kind.values:
        raise SegmentError(_("Unknown kind of export."))
    header, rows = (_target_rows if kind == SegmentExport.Kind.TARGETS else _member_rows)(segment)
    SegmentExport.objects.create(
        segment=segment, segment_name=segment.name, kind=kind, exported_by=by, row_count=len(rows)
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    return Export(
        filename=f"segment-{segment.pk}-{kind}-{stamp}.csv", content=csv_text(header, rows), rows=len(rows)
    )
