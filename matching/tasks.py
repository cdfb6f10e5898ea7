"""Background work of matching. Tasks take ids, reload, and are idempotent.

Reading tags and text (features_refresh with embed=False) is cheap and runs as a task after the commit.
Embedding is not: ``features_embed`` embeds every row marked stale, in batches, in a worker. When tasks
run eagerly (the embedded set-up, no broker), the embedding goes to a background thread of the process
so that the request that saved a profile never waits for the model (setting MATCHING_EAGER_THREAD).
"""

import threading

from celery import shared_task

from django.conf import settings
from django.db import connection

from core.oncommit import once_on_commit

from . import versions
from .embeddings import embed_passages, vector_to_bytes
from .features import embed_pending, profile_features_refresh, project_features_refresh
from .models import SkillConcept
from .taxonomy import concept_text, concepts_embed_all


@shared_task(name="matching_profile_features")
def profile_features_task(profile_id: int) -> bool:
    changed = profile_features_refresh(profile_id, embed=False)
    features_embed_later()
    return changed


@shared_task(name="matching_project_features")
def project_features_task(project_id: int) -> bool:
    changed = project_features_refresh(project_id, embed=False)
    features_embed_later()
    return changed


@shared_task(name="matching_features_embed")
def features_embed_task() -> int:
    """Embed the stale features of profiles and projects, in batches (one model call per batch)."""
    return embed_pending()


@shared_task(name="matching_concept_embed")
def concept_embed_task(concept_id: int) -> bool:
    """Embed a taxonomy concept's names (used to read unknown tags as their nearest concept)."""
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
    return concepts_embed_all()


_running = threading.Lock()
_again = threading.Event()


def _embed_in_thread(task) -> None:
    """Run ``task`` until no new request for it arrived meanwhile; one thread at a time."""
    _again.set()
    while _again.is_set() and _running.acquire(blocking=False):
        try:
            while _again.is_set():
                _again.clear()
                task.apply()
        finally:
            _running.release()
            connection.close()


def _send_slow(task) -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER and getattr(settings, "MATCHING_EAGER_THREAD", True):
        threading.Thread(target=_embed_in_thread, args=(task,), daemon=True, name="matching-embed").start()
    else:
        task.delay()


def profile_features_later(profile_id: int) -> None:
    once_on_commit(("profile", profile_id), lambda: profile_features_task.delay(profile_id))


def project_features_later(project_id: int) -> None:
    once_on_commit(("project", project_id), lambda: project_features_task.delay(project_id))


def features_embed_later() -> None:
    once_on_commit(("features-embed",), lambda: _send_slow(features_embed_task))


def concept_embed_later(concept_id: int) -> None:
    once_on_commit(("concept", concept_id), lambda: concept_embed_task.delay(concept_id))


def concepts_embed_later() -> None:
    once_on_commit(("concepts",), lambda: _send_slow(concepts_embed_task))
