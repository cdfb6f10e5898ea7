"""Demo segments for the demo analyst (``seed_demo`` calls this after the community seeders)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Segment
from .services import segment_create

DEMO_ANALYST = "analyst@kafaat.localhost"
DEMO_SEGMENTS = [
    (
        "Porteurs de projets agricoles et énergie en Europe — prototype ou lancés",
        {
            "audience": "holders",
            "sector": ["agriculture", "energy"],
            "stage": ["prototype", "launched"],
            "country": ["BE", "DE", "ES", "FR", "IT", "NL"],
        },
    ),
    (
        "Mentors du numérique actifs cette année",
        {"sector": ["digital"], "contribution": ["mentoring"], "activity": "365"},
    ),
]


@transaction.atomic
def seed_segments() -> list[Segment]:
    """Two saved segments owned by the demo analyst. Idempotent (matched by name)."""
    analyst = get_user_model().objects.filter(email=DEMO_ANALYST).first()
    if analyst is None:
        return []
    segments = []
    for name, filters in DEMO_SEGMENTS:
        segment = Segment.objects.filter(owner=analyst, name=name).first()
        segments.append(segment or segment_create(owner=analyst, name=name, filters=filters))
    return segments
