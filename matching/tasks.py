"""Background work of matching. Tasks take ids, reload, and are idempotent (eager in the embedded set-up)."""

from celery import shared_task

from core.oncommit import once_on_commit


@shared_task(name="matching_profile_features")
def profile_features_task(profile_id: int) -> bool:
    from .features import profile_features_refresh

    return profile_features_refresh(profile_id)


@shared_task(name="matching_project_features")
def project_features_task(project_id: int) -> bool:
    from .features import project_features_refresh

    return project_features_refresh(project_id)


@shared_task(name="matching_concept_embed")
def concept_embed_task(concept_id: int) -> bool:
    """Embed a taxonomy concept's names (used to read unknown tags as their nearest concept)."""
    from . import versions
    from .embeddings import embed_passages, vector_to_bytes
    from .models import SkillConcept
    from .taxonomy import concept_text

    concept = SkillConcept.objects.filter(pk=concept_id).first()
    if concept is None or concept.vector is not None:
        return False
    vector = vector_to_bytes(embed_passages([concept_text(concept)])[0])
    SkillConcept.objects.filter(pk=concept_id).update(vector=vector)
    versions.bump(versions.TAXONOMY)
    return True


@shared_task(name="matching_concepts_embed")
def concepts_embed_task() -> int:
    """Embed, in batches, every concept without a vector (after a migration or a taxonomy load)."""
    from .taxonomy import concepts_embed_all

    return concepts_embed_all()


def profile_features_later(profile_id: int) -> None:
    once_on_commit(("profile", profile_id), lambda: profile_features_task.delay(profile_id))


def project_features_later(project_id: int) -> None:
    once_on_commit(("project", project_id), lambda: project_features_task.delay(project_id))


def concept_embed_later(concept_id: int) -> None:
    once_on_commit(("concept", concept_id), lambda: concept_embed_task.delay(concept_id))


def concepts_embed_later() -> None:
    once_on_commit(("concepts",), lambda: concepts_embed_task.delay())
