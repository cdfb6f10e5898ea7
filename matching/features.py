"""Deriving matching features (taxonomy concepts, embedding) from a profile or a project.

Called by the tasks in tasks.py (after the commit that changed the profile or project), by the demo
seeder and by the evaluation. Idempotent: the embedding is computed again only when the text changed.
"""

from django.db import transaction
from django.utils import translation

from community.profiles.models import Profile, Project
from core.sectors import SectorChoice

from . import versions
from .embeddings import embed_texts, text_hash, vector_to_bytes
from .models import ProfileFeatures, ProjectFeatures
from .taxonomy import tags_to_concepts


def _sector_names(codes) -> list[str]:
    with translation.override("en"):
        return [str(SectorChoice(code).label) for code in codes if code in SectorChoice.values]


# A single word read as a concept inside free text must be this long: "web" or "IT" in a bio say little.
TEXT_SHORTEST_WORD = 5


def text_concepts(text: str, *, index=None) -> list[str]:
    """Concepts named in free text (headline, bio, title, summary): multi-word spellings and long words."""
    from .taxonomy import taxonomy_index

    return (index or taxonomy_index()).inner(text, shortest_word=TEXT_SHORTEST_WORD)


def profile_text(*, headline="", bio="", skills=(), sectors=()) -> str:
    parts = [headline, bio, ", ".join(skills), ", ".join(_sector_names(sectors))]
    return "\n".join(part for part in parts if part)


def project_text(*, title="", summary="", skills=(), sector="") -> str:
    parts = [title, summary, ", ".join(skills), ", ".join(_sector_names([sector] if sector else []))]
    return "\n".join(part for part in parts if part)


def _refresh(features, *, tags, text, embed=True) -> bool:
    """Update concepts and (when the text changed) the vector; True when something changed."""
    concepts, unknown = tags_to_concepts(tags, nearest=embed)
    digest = text_hash(text)
    changed = features.pk is None or concepts != features.concepts or unknown != features.unknown_tags
    features.concepts, features.unknown_tags = concepts, unknown
    if embed and (digest != features.text_hash or features.vector is None):
        features.vector = vector_to_bytes(embed_texts([text])[0])
        features.text_hash = digest
        changed = True
    if changed:
        features.save()
    return changed


def profile_features_refresh(profile_id: int, *, embed=True) -> bool:
    profile = Profile.objects.filter(pk=profile_id).first()
    if profile is None:
        transaction.on_commit(lambda: versions.bump(versions.PROFILES))
        return False
    tags = sorted(profile.skills.names(), key=str.casefold)
    text = profile_text(headline=profile.headline, bio=profile.bio, skills=tags, sectors=profile.sectors)
    features = ProfileFeatures.objects.filter(profile=profile).first() or ProfileFeatures(profile=profile)
    changed = _refresh(features, tags=tags, text=text, embed=embed)
    # Consent, visibility or moderation may have changed without the text: the matrix is rebuilt anyway.
    transaction.on_commit(lambda: versions.bump(versions.PROFILES, versions.PROJECTS))
    return changed


def project_features_refresh(project_id: int, *, embed=True) -> bool:
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        transaction.on_commit(lambda: versions.bump(versions.PROJECTS))
        return False
    tags = sorted(project.skills_needed.names(), key=str.casefold)
    text = project_text(title=project.title, summary=project.summary, skills=tags, sector=project.sector)
    features = ProjectFeatures.objects.filter(project=project).first() or ProjectFeatures(project=project)
    changed = _refresh(features, tags=tags, text=text, embed=embed)
    transaction.on_commit(lambda: versions.bump(versions.PROJECTS))
    return changed


class _Silent:
    def advance(self, count=1):
        pass

    def close(self):
        pass


def features_refresh_all(batch_size: int = 64, *, everything=False, progress=None) -> tuple[int, int]:
    """Compute the features of every profile and project, embedding in batches (seeders, operators).

    Same result as the per-object tasks, faster for many rows. ``everything`` embeds again texts whose
    vector is current (after a model change); ``progress(label, total)`` returns a bar to advance.
    Returns (profiles, projects) embedded.
    """
    profiles = projects = 0
    pending = []
    bar = _Silent()

    def flush(model, lookup):
        nonlocal profiles, projects
        if not pending:
            return
        vectors = embed_texts([text for _obj, _features, text in pending])
        for (_obj, features, text), vector in zip(pending, vectors, strict=True):
            features.vector = vector_to_bytes(vector)
            features.text_hash = text_hash(text)
            features.save()
        bar.advance(len(pending))
        if model is ProfileFeatures:
            profiles += len(pending)
        else:
            projects += len(pending)
        pending.clear()

    if progress:
        bar = progress("profiles", Profile.objects.count())
    for profile in Profile.objects.prefetch_related("skills").order_by("pk"):
        tags = sorted((tag.name for tag in profile.skills.all()), key=str.casefold)
        text = profile_text(headline=profile.headline, bio=profile.bio, skills=tags, sectors=profile.sectors)
        features = ProfileFeatures.objects.filter(profile=profile).first() or ProfileFeatures(profile=profile)
        features.concepts, features.unknown_tags = tags_to_concepts(tags, nearest=True)
        if features.text_hash == text_hash(text) and features.vector is not None and not everything:
            features.save()
            bar.advance()
            continue
        pending.append((profile, features, text))
        if len(pending) >= batch_size:
            flush(ProfileFeatures, "profile")
    flush(ProfileFeatures, "profile")
    bar.close()
    if progress:
        bar = progress("projects", Project.objects.count())
    for project in Project.objects.select_related("owner").prefetch_related("skills_needed").order_by("pk"):
        tags = sorted((tag.name for tag in project.skills_needed.all()), key=str.casefold)
        text = project_text(title=project.title, summary=project.summary, skills=tags, sector=project.sector)
        features = ProjectFeatures.objects.filter(project=project).first() or ProjectFeatures(project=project)
        features.concepts, features.unknown_tags = tags_to_concepts(tags, nearest=True)
        if features.text_hash == text_hash(text) and features.vector is not None and not everything:
            features.save()
            bar.advance()
            continue
        pending.append((project, features, text))
        if len(pending) >= batch_size:
            flush(ProjectFeatures, "project")
    flush(ProjectFeatures, "project")
    bar.close()
    transaction.on_commit(lambda: versions.bump(versions.PROFILES, versions.PROJECTS))
    return profiles, projects
