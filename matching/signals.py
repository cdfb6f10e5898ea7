"""Matching follows changes in the community without the community knowing it (DESIGN: edges read the core).

A profile or project saved, or its tags changed, queues its features task after the commit; a
consent, label or moderation change moves the version stamp, so the candidate matrices are rebuilt.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from community.labels.models import LabelGrant
from community.profiles.models import Profile, Project, TaggedNeededSkill, TaggedSkill
from privacy.models import ConsentRecord

from . import versions
from .models import SkillConcept
from .tasks import concepts_embed_later, profile_features_later, project_features_later


def _profile_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        profile_features_later(instance.pk)


def _project_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        project_features_later(instance.pk)


def _profile_tag_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        profile_features_later(instance.content_object_id)


def _project_tag_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        project_features_later(instance.content_object_id)


def _candidates_changed(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: versions.bump(versions.PROFILES, versions.PROJECTS))


def _concept_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: versions.bump(versions.TAXONOMY))
        if instance.vector is None:
            concepts_embed_later()


def connect():
    post_save.connect(_profile_saved, sender=Profile, dispatch_uid="matching_profile_saved")
    post_save.connect(_project_saved, sender=Project, dispatch_uid="matching_project_saved")
    for signal in (post_save, post_delete):
        name = signal is post_save and "saved" or "deleted"
        signal.connect(_profile_tag_changed, sender=TaggedSkill, dispatch_uid=f"matching_skill_{name}")
        signal.connect(_project_tag_changed, sender=TaggedNeededSkill, dispatch_uid=f"matching_need_{name}")
        signal.connect(_candidates_changed, sender=ConsentRecord, dispatch_uid=f"matching_consent_{name}")
        signal.connect(_candidates_changed, sender=LabelGrant, dispatch_uid=f"matching_label_{name}")
    post_delete.connect(_candidates_changed, sender=Profile, dispatch_uid="matching_profile_deleted")
    post_delete.connect(_candidates_changed, sender=Project, dispatch_uid="matching_project_deleted")
    post_save.connect(_concept_saved, sender=SkillConcept, dispatch_uid="matching_concept_saved")
