"""The evaluation on what the project page shows: the set entered through the site's services.

Every profile and project of the labelled set is created as a member would create it (accounts,
``profile_save`` / ``project_save`` with the skills as typed, the matching consent), their features
derived and embedded as the background tasks do, then each project's holder reads page 1 of
``selectors.competences_page``: the 10 suggestions shown, after the database checks, one card per
person. Everything runs in one transaction rolled back at the end: the database is left as it was.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.profiles.services import profile_save, project_save
from privacy.models import PrivacyNotice
from privacy.selectors import notice_current
from privacy.services import consent_record

from .. import selectors, versions
from ..features import embed_pending, profile_features_refresh, project_features_refresh
from .run import Totals, _grades, metrics


class _Rollback(Exception):
    pass


def _member(index, *, language, fields, skills):
    user = get_user_model().objects.create_user(
        email=f"evaluation-{index}@kafaat.invalid", password=None, preferred_language=language
    )
    consent_record(user=user, purpose="matching", granted=True, source="settings")
    # Suggestions show only people listed in the directory (community.profiles.permissions.
    # may_view_profile): without this consent the page reads no one and every figure is 0.
    consent_record(user=user, purpose="directory", granted=True, source="settings")
    return profile_save(user=user, data=fields, skills=skills)


def _notice():
    """A privacy notice in force (consents need one); created inside the rolled-back transaction."""
    if notice_current() is None:
        PrivacyNotice.objects.create(version="evaluation", published_at=timezone.now())


def evaluate_page(data: dict, *, log=None):
    result = {}
    try:
        with transaction.atomic():
            _notice()
            profiles = {}
            for p in data["profiles"]:
                profiles[p["id"]] = _member(
                    p["id"],
                    language=p["language"],
                    skills=p["tags"],
                    fields={
                        "display_name": f"Profile {p['id']}",
                        "headline": p["headline"],
                        "bio": p["bio"],
                        "sectors": p["sectors"],
                        "languages": p["languages"],
                        "contributions": p["contributions"],
                        "country": p["country"],
                        "city": p["city"],
                        "region_of_origin": p["region"],
                        "availability": p["availability"],
                    },
                )
            projects = []
            for p in data["projects"]:
                owner = _member(
                    100000 + p["id"],
                    language=p["language"],
                    skills=[],
                    fields={
                        "display_name": f"Holder {p['id']}",
                        "languages": p["owner_languages"],
                        "country": p["owner_country"],
                    },
                )
                project = project_save(
                    profile=owner,
                    data={
                        "title": p["title"],
                        "summary": p["summary"],
                        "sector": p["sector"],
                        "stage": "idea",
                        "region": p["region"],
                        "funding_need": "",
                        "help_needed": p["help_needed"],
                        "visibility": 1,
                    },
                    skills=p["tags"],
                )
                projects.append((p, owner, project))
            for profile in profiles.values():
                profile_features_refresh(profile.pk, embed=False)
            for _p, owner, project in projects:
                profile_features_refresh(owner.pk, embed=False)
                project_features_refresh(project.pk, embed=False)
            if log:
                log("Embedding the set as the background task does…")
            embed_pending()
            versions.bump(versions.PROFILES, versions.PROJECTS, versions.TAXONOMY)
            row_of = {profile.pk: pid for pid, profile in profiles.items()}
            language_of = {p["id"]: p["language"] for p in data["profiles"]}
            totals = Totals()
            for p, owner, project in projects:
                page = selectors.competences_page(owner.user, project, 1)
                shown = [row_of.get(item.profile.pk, -1) for item in page]
                grades = _grades(p)
                cross = {pid for pid in grades if language_of[pid] != p["language"]}
                slices = [f"project in {p['language']}", "lists its needs" if p["tags"] else "describes only"]
                totals.add(metrics(shown, grades, cross), slices)
            result = totals.result(len(projects))
            raise _Rollback
    except _Rollback:
        pass
    versions.bump(versions.PROFILES, versions.PROJECTS)
    return result
