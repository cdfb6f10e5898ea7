"""The analysts' queue of frequent unknown tags, and adding one to the taxonomy as a synonym.

Reads the tags no concept matched (stored in the features of profiles and projects), grouped by
normalised spelling, most frequent first. Adding a tag as a concept's synonym re-reads the features of
everyone who typed it (background tasks), so they meet the members who wrote the concept otherwise.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from core.audit import audit_record
from core.models import AuditLog

from .models import ProfileFeatures, ProjectFeatures, SkillConcept
from .tasks import profile_features_later, project_features_later
from .text import normalise


@dataclass
class UnknownTag:
    key: str
    spelling: str  # the most frequent way it is written
    profiles: int = 0
    projects: int = 0
    spellings: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return self.profiles + self.projects


def unknown_tags_frequent(limit: int = 100) -> list[UnknownTag]:
    tags: dict[str, UnknownTag] = {}
    for model, side in ((ProfileFeatures, "profiles"), (ProjectFeatures, "projects")):
        for unknown in (
            model.objects.exclude(unknown_tags=[]).values_list("unknown_tags", flat=True).iterator()
        ):
            for tag in set(unknown or ()):
                key = normalise(tag)
                if not key:
                    continue
                entry = tags.setdefault(key, UnknownTag(key=key, spelling=tag))
                entry.spellings[tag] += 1
                setattr(entry, side, getattr(entry, side) + 1)
    for entry in tags.values():
        entry.spelling = entry.spellings.most_common(1)[0][0]
    return sorted(tags.values(), key=lambda e: (-e.count, e.key))[:limit]


@transaction.atomic
def synonym_add(*, user, concept: SkillConcept, tag: str) -> bool:
    """Add ``tag`` to the concept's synonyms; False if the taxonomy already read it that way."""
    tag = " ".join(tag.split())[:120]
    key = normalise(tag)
    if not key or key in {normalise(spelling) for spelling in concept.spellings()}:
        return False
    concept.synonyms = [*concept.synonyms, tag]
    concept.save(update_fields=["synonyms", "updated_at"])  # the signal moves the taxonomy stamp
    for model, later in (
        (ProfileFeatures, profile_features_later),
        (ProjectFeatures, project_features_later),
    ):
        owner = "profile_id" if model is ProfileFeatures else "project_id"
        for owner_id, unknown in model.objects.exclude(unknown_tags=[]).values_list(owner, "unknown_tags"):
            if any(normalise(t) == key for t in unknown or ()):
                later(owner_id)
    audit_record(user, "matching.synonym_add", concept, kind=AuditLog.Kind.CHANGE, detail=tag)
    return True
