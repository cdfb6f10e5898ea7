"""What matching holds about a member, as a section of their data export (privacy/export.py).

The decisions the member took on suggestions, the introductions that followed, and what matching read
from their profile and projects (taxonomy concepts, unknown tags, the text's language). The embedding
vectors are numbers derived from the same text: their presence is stated, not their bytes.
"""

from django.db.models import Q

from community.profiles.models import Profile, Project

from .models import Introduction, MatchDecision, ProfileFeatures, ProjectFeatures


def _features(row) -> dict:
    return {
        "concepts": row.concepts,
        "unknown_tags": row.unknown_tags,
        "needs": row.needs,
        "text_concepts": row.text_concepts,
        "language": row.language,
        "embedded": row.vector is not None,
        "updated_at": row.updated_at,
    }


def matching_export(user):
    profile = Profile.objects.filter(user=user).first()
    projects = list(Project.objects.filter(owner__user=user).order_by("id")) if profile else []
    decisions = MatchDecision.objects.filter(decided_by=user).select_related("project", "profile")
    data = {
        "decisions": [
            {
                "project": d.project.title,
                "profile": d.profile.display_name,
                "side": d.side,
                "decision": d.verdict,
                "score": d.score,
                "reasons": d.reasons,
                "at": d.created_at,
            }
            for d in decisions.order_by("created_at", "id")
        ],
        "introductions": [],
        "profile_features": None,
        "project_features": [],
    }
    if profile is None:
        return data, []
    introductions = Introduction.objects.filter(Q(profile=profile) | Q(project__owner=profile))
    data["introductions"] = [
        {"project": i.project.title, "profile": i.profile.display_name, "at": i.created_at}
        for i in introductions.select_related("project", "profile").order_by("created_at", "id")
    ]
    features = ProfileFeatures.objects.filter(profile=profile).first()
    data["profile_features"] = _features(features) if features else None
    data["project_features"] = [
        {"project": row.project.title, **_features(row)}
        for row in ProjectFeatures.objects.filter(project__in=projects).select_related("project")
    ]
    return data, []
