"""Features are computed in a task after a profile or project changes, never twice for the same text."""

from unittest import mock

import numpy as np
import pytest

from accounts.factories import UserFactory
from community.profiles.services import profile_save, project_save
from matching import embeddings
from matching.embeddings import vector_from_bytes
from matching.features import profile_features_refresh
from matching.models import ProfileFeatures, ProjectFeatures

pytestmark = pytest.mark.django_db

PROFILE = {
    "display_name": "Amina Data",
    "headline": "Ingénieure data",
    "bio": "Je construis des plateformes de données.",
    "sectors": ["digital"],
    "languages": ["fr", "ar"],
}


def test_saving_a_profile_and_project_queues_their_features_after_the_commit(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        profile = profile_save(user=user, data=PROFILE, skills=["Data engineering", "بايثون"])
        assert not ProfileFeatures.objects.exists()  # nothing computed inside the request's transaction
    features = ProfileFeatures.objects.get(profile=profile)
    assert features.concepts == ["python", "data-engineering"] or set(features.concepts) == {
        "python",
        "data-engineering",
    }
    vector = vector_from_bytes(features.vector)
    assert vector.shape == (embeddings.DIMENSIONS,) and abs(float(np.linalg.norm(vector)) - 1) < 0.01
    with django_capture_on_commit_callbacks(execute=True):
        project = project_save(
            profile=profile,
            data={
                "title": "Plateforme",
                "summary": "Données agricoles",
                "sector": "agriculture",
                "stage": "idea",
                "region": "oriental",
            },
            skills=["Irrigation"],
        )
    assert ProjectFeatures.objects.get(project=project).concepts == ["irrigation"]


def test_the_task_is_idempotent_and_embeds_again_only_when_the_text_changed():
    user = UserFactory()
    profile = profile_save(user=user, data=PROFILE, skills=["Python"])
    with mock.patch("matching.features.embed_texts", wraps=embeddings.embed_texts) as embed:
        assert profile_features_refresh(profile.pk) is True
        assert profile_features_refresh(profile.pk) is False
        assert embed.call_count == 1
        profile.bio = "Je construis des plateformes de données pour la santé."
        profile.save()
        assert profile_features_refresh(profile.pk) is True
        assert embed.call_count == 2
        # Tags changed, text the same order: concepts follow.
        profile.skills.set(["Python", "Cloud"])
        profile_features_refresh(profile.pk)
    assert set(ProfileFeatures.objects.get(profile=profile).concepts) == {"python", "cloud-computing"}


def test_a_deleted_profile_is_skipped():
    assert profile_features_refresh(987654) is False
