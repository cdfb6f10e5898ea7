"""Saved segments as a campaign audience (core.audiences), registered from this app's AppConfig.

A segment holds members who consented to matching; the campaign then asks its own purpose's consent.
"""

from django.utils.translation import gettext_lazy as _

from .models import Segment
from .permissions import may_segment
from .selectors import segment_members, segments_all


class SegmentAudience:
    key = "matching.segments"
    label = _("Saved segments")

    def items(self, user):
        if not may_segment(user):
            return []
        return [(str(segment.pk), segment.name) for segment in segments_all()]

    def filters(self):
        return []

    def recipients(self, item_key, filters):
        segment = Segment.objects.filter(pk=int(item_key)).first() if str(item_key).isdigit() else None
        if segment is None:
            return []
        return segment_members(segment).values_list("pk", flat=True)
