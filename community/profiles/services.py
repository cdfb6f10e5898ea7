"""Writes about profiles, projects and accounts. Views call these, never the models' save()."""

import hashlib
import hmac
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q

from core.audit import audit_record
from core.models import AuditLog
from core.sectors import SectorChoice
from privacy.exports import exports_delete
from privacy.selectors import consent_history

from .models import Profile, Project
from .photos import photo_reencode
from .text import fold, key, skill_slug

logger = logging.getLogger(__name__)

PROFILE_FIELDS = (
    "display_name",
    "name_arabic",
    "country",
    "city",
    "region_of_origin",
    "links",
    "headline",
    "bio",
    "sectors",
    "years_experience",
    "education",
    "languages",
    "contributions",
    "availability",
    "vis_name",
    "vis_photo",
    "vis_about",
    "vis_skills",
    "vis_career",
    "vis_languages",
    "vis_country",
    "vis_origin",
    "vis_city",
    "vis_links",
    "vis_contact",
)
PROJECT_FIELDS = (
    "title",
    "summary",
    "sector",
    "stage",
    "region",
    "funding_need",
    "help_needed",
    "visibility",
)


def profile_denormalise(profile: Profile, skill_names) -> Profile:
    """Fill the directory's search columns from the fields (no save; bulk loaders call this too)."""
    sector_labels = [str(SectorChoice(code).label) for code in profile.sectors if code in SectorChoice.values]
    profile.search_name = fold(f"{profile.display_name} {profile.name_arabic}")[:255]
    profile.search_about = fold(f"{profile.headline} {profile.bio}")
    profile.search_skills = fold(" ".join([*skill_names, *profile.sectors, *sector_labels]))
    profile.sectors_key = key(profile.sectors)
    profile.languages_key = key(profile.languages)
    profile.contributions_key = key(profile.contributions)
    profile.city_key = fold(profile.city)[:120]
    profile.skills_key = key(skill_slug(name) for name in skill_names)
    return profile


def project_denormalise(project: Project, skill_names) -> Project:
    project.search_text = fold(" ".join([project.title, project.summary, *skill_names]))
    project.help_key = key(project.help_needed)
    return project


def _photo_delete(profile: Profile) -> None:
    if profile.photo:
        name = profile.photo.name
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def profile_save(*, user, data: dict, skills: list[str], photo=None, remove_photo=False) -> Profile:
    """Create the member's profile on first edit, or update it; the photo is re-encoded here."""
    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    if photo is not None or remove_photo:
        _photo_delete(profile)
        profile.photo = None
    if photo is not None:
        profile.photo.save("photo.jpg", ContentFile(photo_reencode(photo)), save=False)
    profile_denormalise(profile, skills)
    profile.save()
    profile.skills.set(skills, clear=True)
    return profile


@transaction.atomic
def project_save(
    *, profile: Profile, data: dict, skills: list[str], project: Project | None = None
) -> Project:
    project = project or Project(owner=profile)
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    project_denormalise(project, skills)
    project.save()
    project.skills_needed.set(skills, clear=True)
    return project


@transaction.atomic
def project_delete(project: Project) -> None:
    project.delete()


def email_fingerprint(email: str) -> str:
    """A keyed hash of the address: proves a later claim about this person without keeping it."""
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, email.strip().casefold().encode(), hashlib.sha256).hexdigest()


def _consent_proof_keep(user) -> None:
    """Law 09-08 / GDPR art. 7(1): the controller must be able to show consent was given. The records
    go with the account; a minimal proof stays in the audit log (kept 3 years): purpose, decision,
    date, notice version and a fingerprint of the email, no name, no address."""
    fingerprint = email_fingerprint(user.email)
    for record in consent_history(user):
        decision = "granted" if record.granted else "refused"
        audit_record(
            None,
            "privacy.consent_proof",
            kind=AuditLog.Kind.CHANGE,
            detail=f"{record.purpose}:{decision}:{record.created_at:%Y-%m-%d}",
            email_fingerprint=fingerprint,
            notice=record.notice.version,
            source=record.source,
        )


@transaction.atomic
def member_delete(user) -> None:
    """Erase the member: profile, projects, photo file, label evidence files, then the account itself.

    What they wrote elsewhere keeps its place with no author ("Deleted member"), as those foreign keys
    are SET_NULL; the 1:1 conversations they were in lose the key that named their id. Consents,
    labels, blocks and notifications go with the account (CASCADE).
    """
    from community.labels.models import EvidenceFile  # labels build on profiles' floor
    from community.messaging.models import Conversation

    _consent_proof_keep(user)
    exports_delete(user)  # the data archives' files (the rows go with the account)

    for evidence in EvidenceFile.objects.filter(application__applicant=user):
        evidence.file.delete(save=False)  # the rows go with the account; files would stay on disk
    Conversation.objects.filter(
        Q(direct_key__startswith=f"{user.pk}:") | Q(direct_key__endswith=f":{user.pk}")
    ).update(direct_key=None)
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        _photo_delete(profile)
        profile.projects.all().delete()
        profile.delete()
    user_id = user.pk
    get_user_model().objects.filter(pk=user_id).delete()
    logger.info("Member account %s deleted at the member's request", user_id)


def relay_contact_save(form) -> None:
    """A relay's own contact settings (RelayContactForm, validated); suggestions show them at once."""
    form.save()
