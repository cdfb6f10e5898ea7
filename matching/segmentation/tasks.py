from celery import shared_task

from .models import Segment
from .services import segment_refresh


@shared_task(name="segment_refresh")
def segment_refresh_task(segment_id: int) -> int | None:
    """Recount a saved segment; idempotent; a segment deleted meanwhile is skipped."""
    segment = Segment.objects.filter(pk=segment_id).first()
    if segment is None:
        return None
    return segment_refresh(segment).member_count
