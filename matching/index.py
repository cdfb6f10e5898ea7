"""The candidate matrices the site ranks: built from the database, kept in process memory.

A matrix holds only members who may be suggested at all: active accounts whose latest decision grants
the matching consent, with a profile not hidden by moderation. It is rebuilt when the version stamp
(versions.py) moves: after a profile, project, consent or label changes. Selectors check the few
candidates they show against the database again, so a stale matrix can lower recall, never leak.
"""

import threading
import time

from django.conf import settings

from community.labels.selectors import grants_active_all, holds_any_label
from community.profiles.models import Profile, Project
from privacy.models import ConsentPurpose
from privacy.selectors import users_with_consent

from . import versions
from .embeddings import DIMENSIONS, vector_from_bytes
from .engine import Candidates, Item
from .models import ProfileFeatures, ProjectFeatures
from .taxonomy import tag_needs

_lock = threading.Lock()
_cache: dict = {}


def _labelled_user_ids() -> set[int]:
    return set(grants_active_all().values_list("user_id", flat=True))


def _matching_users():
    return users_with_consent(ConsentPurpose.MATCHING).filter(is_active=True).values("pk")


def _cached(name: str, build):
    """The matrix, rebuilt when its stamp moved, at most once per MATCHING_INDEX_REFRESH_SECONDS.

    Rebuilding reads every candidate (seconds at 100,000 members), so a busy site should not do it
    on every profile edit: between rebuilds, new or changed members wait a little to be suggested;
    members who left (consent, block, moderation, visibility) are filtered out by the selectors'
    database check at once.
    """
    stamp = versions.current(name)
    interval = getattr(settings, "MATCHING_INDEX_REFRESH_SECONDS", 30)
    with _lock:
        entry = _cache.get(name)
        if entry is None or (entry[0] != stamp and time.monotonic() - entry[1] >= interval):
            entry = (stamp, time.monotonic(), build())
            _cache[name] = entry
        return entry[2]


def profile_candidates() -> Candidates:
    return _cached(versions.PROFILES, _build_profiles)


def project_candidates() -> Candidates:
    return _cached(versions.PROJECTS, _build_projects)


def _build_profiles() -> Candidates:
    labelled = _labelled_user_ids()
    rows = (
        ProfileFeatures.objects.filter(
            profile__hidden_at__isnull=True, profile__user_id__in=_matching_users()
        )
        .values_list(
            "profile_id",
            "profile__user_id",
            "vector",
            "concepts",
            "profile__sectors",
            "profile__languages",
            "profile__contributions",
            "profile__country",
            "profile__city",
            "profile__region_of_origin",
            "profile__availability",
            "text_concepts",
            "language",
        )
        .order_by("profile_id")
    )
    items = [
        Item(
            id=row[0],
            user_id=row[1],
            vector=vector_from_bytes(row[2]) if row[2] is not None else None,
            concepts=tuple(row[3]),
            sectors=tuple(row[4] or ()),
            languages=tuple(row[5] or ()),
            offers=tuple(row[6] or ()),
            country=row[7],
            city=row[8],
            region=row[9],
            availability=row[10],
            labelled=row[1] in labelled,
            text_concepts=tuple(row[11] or ()),
            language=row[12],
        )
        for row in rows
    ]
    return Candidates.from_items(items)


def _build_projects() -> Candidates:
    rows = (
        ProjectFeatures.objects.filter(
            project__owner__hidden_at__isnull=True, project__owner__user_id__in=_matching_users()
        )
        .values_list(
            "project_id",
            "project__owner__user_id",
            "vector",
            "concepts",
            "project__sector",
            "project__owner__languages",
            "project__help_needed",
            "project__owner__country",
            "project__owner__city",
            "project__region",
            "needs",
            "need_vectors",
            "text_concepts",
            "language",
        )
        .order_by("project_id")
    )
    items = [
        Item(
            id=row[0],
            user_id=row[1],
            vector=vector_from_bytes(row[2]) if row[2] is not None else None,
            concepts=tuple(row[3]),
            sectors=(row[4],),
            languages=tuple(row[5] or ()),
            offers=tuple(row[6] or ()),
            country=row[7],
            city=row[8],
            region=row[9],
            needs=_needs(row[10]),
            need_vectors=_rows(row[11]),
            text_concepts=tuple(row[12] or ()),
            language=row[13],
        )
        for row in rows
    ]
    return Candidates.from_items(items)


def _needs(stored) -> tuple:
    return tuple((tag, tuple(codes)) for tag, codes in stored or ())


def _rows(data):
    if data is None:
        return None
    return vector_from_bytes(data).reshape(-1, DIMENSIONS)


def profile_item(profile: Profile) -> Item:
    """The member as a query, from their stored features (or their tags while none are computed)."""
    features = ProfileFeatures.objects.filter(profile=profile).first()
    if features is None:  # not derived yet: its tags, read now (no model involved)
        features = ProfileFeatures(needs=[[t, c] for t, c in tag_needs(profile.skills.names())])
        features.concepts = list(dict.fromkeys(c for _t, codes in features.needs for c in codes))
    vector = features.vector
    return Item(
        id=profile.pk,
        user_id=profile.user_id,
        vector=vector_from_bytes(vector) if vector is not None else None,
        concepts=tuple(features.concepts),
        needs=_needs(features.needs),
        text_concepts=tuple(features.text_concepts),
        language=features.language,
        sectors=tuple(profile.sectors or ()),
        languages=tuple(profile.languages or ()),
        offers=tuple(profile.contributions or ()),
        country=profile.country,
        city=profile.city,
        region=profile.region_of_origin,
        availability=profile.availability,
        labelled=holds_any_label(profile.user),
    )


def project_item(project: Project) -> Item:
    features = ProjectFeatures.objects.filter(project=project).first()
    if features is None:  # not derived yet: its tags, read now (no model involved)
        features = ProjectFeatures(needs=[[t, c] for t, c in tag_needs(project.skills_needed.names())])
        features.concepts = list(dict.fromkeys(c for _t, codes in features.needs for c in codes))
    vector = features.vector
    owner = project.owner
    return Item(
        id=project.pk,
        user_id=owner.user_id,
        vector=vector_from_bytes(vector) if vector is not None else None,
        concepts=tuple(features.concepts),
        needs=_needs(features.needs),
        need_vectors=_rows(features.need_vectors),
        text_concepts=tuple(features.text_concepts),
        language=features.language,
        sectors=(project.sector,),
        languages=tuple(owner.languages or ()),
        offers=tuple(project.help_needed or ()),
        country=owner.country,
        city=owner.city,
        region=project.region,
    )
