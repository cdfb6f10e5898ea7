"""Finding 5: every free-text input has a length cap, in the form and in the model."""

import importlib

import pytest

from django import forms
from django.apps import apps
from django.db import models

from accounts.factories import UserFactory
from community.profiles.models import Profile

PROJECT_APPS = ("accounts", "privacy", "community", "events", "matching", "referential", "outreach", "core")
# Fields that are no free text a member writes for others to read.
# (allauth's signup form declares "username"; this site has none, allauth drops the field.)
UNCAPPED_FORM_FIELDS = {"password", "password1", "password2", "oldpassword", "code", "username"}
# Model text written by staff in the admin (whose forms Wagtail and Django build) or by the system.
UNCAPPED_MODEL_FIELDS = {
    "privacy.PrivacyNotice.summary": "written by administrators",
    "labels.Label.description_fr": "written by moderators in the admin",
    "labels.Label.description_ar": "written by moderators in the admin",
    "labels.Label.description_en": "written by moderators in the admin",
    "labels.Label.evidence_fr": "written by moderators in the admin",
    "labels.Label.evidence_ar": "written by moderators in the admin",
    "labels.Label.evidence_en": "written by moderators in the admin",
    "notifications.Notification.body": "written by the site from capped inputs",
    "spaces.CharterVersion.text_fr": "a charter, written by moderators in the admin",
    "spaces.CharterVersion.text_ar": "a charter, written by moderators in the admin",
    "spaces.CharterVersion.text_en": "a charter, written by moderators in the admin",
    "spaces.Space.description_fr": "written by moderators in the admin",
    "spaces.Space.description_ar": "written by moderators in the admin",
    "spaces.Space.description_en": "written by moderators in the admin",
    "referential.ImportBatch.error": "written by the import task",
    "linkage.LinkageRun.error": "written by the linkage task",
    "outreach.CampaignMessage.body": "written by editors, two-factor staff (outreach app)",
    "core.SearchDocument.text": "written by the site search's index from the apps' own capped fields",
}


def _project_forms():
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in PROJECT_APPS:
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


def test_every_text_field_of_every_project_form_is_capped():
    uncapped = []
    for form_class in _project_forms():
        for name, field in form_class.base_fields.items():
            if (
                type(field) in (forms.CharField,)
                and field.max_length is None
                and name not in UNCAPPED_FORM_FIELDS
            ):
                uncapped.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert not uncapped, uncapped


def test_every_text_field_members_edit_is_capped_in_the_model():
    uncapped = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            label = f"{model._meta.label}.{field.name}"
            free_text = isinstance(field, models.TextField) and field.editable
            if free_text and field.max_length is None and label not in UNCAPPED_MODEL_FIELDS:
                uncapped.append(label)
    assert not uncapped, uncapped


@pytest.mark.django_db
def test_a_long_bio_is_refused_by_the_profile_form(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/fr/community/members/me/", {"display_name": "Nadia", "bio": "x" * 200_000})
    assert response.status_code in (200, 400)
    assert not Profile.objects.filter(user=user, bio__startswith="xxxx").exists()
