"""Deriving matching features (needs, concepts, text language, embeddings) from profiles and projects.

Two halves. ``*_features_refresh`` reads the tags and text (cheap: no model) and marks the row for
embedding when its text or unknown tags changed. ``embed_pending`` embeds the marked rows in batches
(one model call per batch); the background task ``matching_features_embed`` runs it. Neither runs in
a request: signals queue tasks after the commit (see tasks.py for the eager set-up). Idempotent.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import translation

from community.profiles.models import Profile, Project
from core.sectors import SectorChoice

from . import versions
from .embeddings import embed_passages, embed_texts, text_hash, vector_to_bytes
from .models import ProfileFeatures, ProjectFeatures
from .taxonomy import tag_needs, taxonomy_index
from .text import text_language

# A single word read as a concept inside free text must be this long: "web" or "IT" in a bio say little.
TEXT_SHORTEST_WORD = 5
# Only so much of a bio or summary is embedded (characters): e5 reads 512 tokens at most, and a long
# text costs time in the worker without saying more about the skills.
TEXT_CAP = 1500
BATCH = 64


def text_concepts(text: str, *, index=None) -> list[str]:
    """Concepts named in free text (headline, bio, title, summary): multi-word spellings and long words."""
    return (index or taxonomy_index()).inner(text, shortest_word=TEXT_SHORTEST_WORD)


def _sector_names(codes) -> list[str]:
    with translation.override("en"):
        return [str(SectorChoice(code).label) for code in codes if code in SectorChoice.values]


def profile_text(*, headline="", bio="", skills=(), sectors=()) -> str:
    parts = [headline, (bio or "")[:TEXT_CAP], ", ".join(skills), ", ".join(_sector_names(sectors))]
    return "\n".join(part for part in parts if part)


def project_text(*, title="", summary="", skills=(), sector="") -> str:
    parts = [
        title,
        (summary or "")[:TEXT_CAP],
        ", ".join(skills),
        ", ".join(_sector_names([sector] if sector else [])),
    ]
    return "\n".join(part for part in parts if part)


def _derive(features, *, tags, text, free_text, nearest) -> bool:
    """Set the cheap fields; True when they changed. Marks the row for embedding (text_hash "")."""
    needs = [[tag, codes] for tag, codes in tag_needs(tags, nearest=nearest)]
    concepts = list(dict.fromkeys(code for _tag, codes in needs for code in codes))
    unknown = [tag for tag, codes in needs if not codes]
    values = {
        "needs": needs,
        "concepts": concepts,
        "unknown_tags": unknown,
        "text_concepts": text_concepts(free_text),
        "language": text_language(text),
    }
    changed = features.pk is None or any(getattr(features, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(features, name, value)
    return changed


def _stale(features, text) -> bool:
    needs_digest = text_hash("\n".join(features.unknown_tags)) if features.unknown_tags else ""
    return (
        features.vector is None
        or features.text_hash != text_hash(text)
        or features.needs_hash != needs_digest
    )


def _profile_inputs(profile):
    tags = sorted(profile.skills.names(), key=str.casefold)
    text = profile_text(headline=profile.headline, bio=profile.bio, skills=tags, sectors=profile.sectors)
    return tags, text, f"{profile.headline}\n{profile.bio}"


def _project_inputs(project):
    tags = sorted(project.skills_needed.names(), key=str.casefold)
    text = project_text(title=project.title, summary=project.summary, skills=tags, sector=project.sector)
    return tags, text, f"{project.title}\n{project.summary}"


def profile_features_refresh(profile_id: int, *, embed=True) -> bool:
    """Derive a profile's features; with ``embed``, embed it now if needed (tasks, tests, seeders)."""
    profile = Profile.objects.filter(pk=profile_id).first()
    if profile is None:
        transaction.on_commit(lambda: versions.bump(versions.PROFILES))
        return False
    tags, text, free_text = _profile_inputs(profile)
    features = ProfileFeatures.objects.filter(profile=profile).first() or ProfileFeatures(profile=profile)
    changed = _derive(features, tags=tags, text=text, free_text=free_text, nearest=embed)
    if changed or features.pk is None:
        features.save()
    if _stale(features, text):
        if embed:
            _embed_rows(ProfileFeatures, [features])
            changed = True
        elif features.text_hash:
            features.text_hash = ""  # marked: embed_pending picks it up (the old vector serves meanwhile)
            features.save(update_fields=["text_hash", "updated_at"])
    # Consent, visibility or moderation may have changed without the text: the matrix is rebuilt anyway.
    transaction.on_commit(lambda: versions.bump(versions.PROFILES, versions.PROJECTS))
    return changed


def project_features_refresh(project_id: int, *, embed=True) -> bool:
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        transaction.on_commit(lambda: versions.bump(versions.PROJECTS))
        return False
    tags, text, free_text = _project_inputs(project)
    features = ProjectFeatures.objects.filter(project=project).first() or ProjectFeatures(project=project)
    changed = _derive(features, tags=tags, text=text, free_text=free_text, nearest=embed)
    if changed or features.pk is None:
        features.save()
    if _stale(features, text):
        if embed:
            _embed_rows(ProjectFeatures, [features])
            changed = True
        elif features.text_hash:
            features.text_hash = ""  # marked: embed_pending picks it up (the old vector serves meanwhile)
            features.save(update_fields=["text_hash", "updated_at"])
    transaction.on_commit(lambda: versions.bump(versions.PROJECTS))
    return changed


def _text_of(model, features) -> str:
    if model is ProfileFeatures:
        return _profile_inputs(features.profile)[1]
    return _project_inputs(features.project)[1]


def _embed_rows(model, rows) -> int:
    """Embed a batch of feature rows: one model call for the texts, one for the unknown tags."""
    if not rows:
        return 0
    texts = [_text_of(model, features) for features in rows]
    vectors = embed_texts(texts)
    unknown = [tag for features in rows for tag in features.unknown_tags]
    tag_vectors = embed_passages(unknown) if unknown else None
    start = 0
    for features, text, vector in zip(rows, texts, vectors, strict=True):
        count = len(features.unknown_tags)
        features.vector = vector_to_bytes(vector)
        features.text_hash = text_hash(text)
        if count:
            features.need_vectors = vector_to_bytes(tag_vectors[start : start + count])
            features.needs_hash = text_hash("\n".join(features.unknown_tags))
        else:
            features.need_vectors, features.needs_hash = None, ""
        start += count
        features.save(update_fields=["vector", "text_hash", "need_vectors", "needs_hash", "updated_at"])
    return len(rows)


def embed_pending(batch_size: int = BATCH, *, limit: int | None = None) -> int:
    """Embed, in batches, the features marked stale (no vector, or text or unknown tags changed).

    A row is stale when its stored hashes do not match; rows without a vector are found by the database,
    the others by comparing hashes here. Returns how many rows were embedded.
    """
    done = 0
    for model, related in ((ProfileFeatures, "profile"), (ProjectFeatures, "project")):
        prefetch = "profile__skills" if related == "profile" else "project__skills_needed"
        query = model.objects.select_related(related).prefetch_related(prefetch).order_by("pk")
        stale = list(query.filter(Q(vector__isnull=True) | Q(text_hash="")))
        for start in range(0, len(stale), batch_size):
            done += _embed_rows(model, stale[start : start + batch_size])
            if limit and done >= limit:
                break
    if done:
        transaction.on_commit(lambda: versions.bump(versions.PROFILES, versions.PROJECTS))
    return done


class _Silent:
    def advance(self, count=1):
        pass

    def close(self):
        pass


def features_refresh_all(batch_size: int = BATCH, *, everything=False, progress=None) -> tuple[int, int]:
    """Compute the features of every profile and project, embedding in batches (seeders, operators).

    Same result as the per-object tasks, faster for many rows. ``everything`` embeds again texts whose
    vector is current (after a model change); ``progress(label, total)`` returns a bar to advance.
    Returns (profiles, projects) embedded.
    """
    counts = []
    for model, owner_model, inputs, related, prefetch in (
        (ProfileFeatures, Profile, _profile_inputs, "profile", "skills"),
        (ProjectFeatures, Project, _project_inputs, "project", "skills_needed"),
    ):
        bar = progress(f"{related}s", owner_model.objects.count()) if progress else _Silent()
        existing = {getattr(f, f"{related}_id"): f for f in model.objects.all()}
        pending, embedded = [], 0
        for owner in owner_model.objects.prefetch_related(prefetch).order_by("pk"):
            tags, text, free_text = inputs(owner)
            features = existing.get(owner.pk) or model(**{related: owner})
            if (
                _derive(features, tags=tags, text=text, free_text=free_text, nearest=True)
                or features.pk is None
            ):
                features.save()
            setattr(features, related, owner)
            if everything or _stale(features, text):
                pending.append(features)
            else:
                bar.advance()
            if len(pending) >= batch_size:
                embedded += _embed_rows(model, pending)
                bar.advance(len(pending))
                pending = []
        embedded += _embed_rows(model, pending)
        bar.advance(len(pending))
        bar.close()
        counts.append(embedded)
    transaction.on_commit(lambda: versions.bump(versions.PROFILES, versions.PROJECTS))
    return counts[0], counts[1]
