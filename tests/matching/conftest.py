"""Members who take part in matching, with their features computed by the real embedding model."""

import pytest

from accounts.factories import UserFactory
from community.profiles.factories import ProfileFactory, ProjectFactory
from matching.features import profile_features_refresh, project_features_refresh
from privacy.factories import ConsentRecordFactory


def consent(user, granted=True):
    ConsentRecordFactory(user=user, purpose="matching", granted=granted)
    return user


def competence(*, matching=True, features=True, **fields):
    """A member's profile (consenting to matching unless told otherwise), features computed."""
    user = UserFactory(preferred_language=fields.pop("preferred_language", "fr"))
    if matching:
        consent(user)
    fields.setdefault("directory", True)
    profile = ProfileFactory(user=user, **fields)
    if features:
        profile_features_refresh(profile.pk)
    return profile


def project_of(owner, *, features=True, **fields):
    project = ProjectFactory(owner=owner, **fields)
    if features:
        project_features_refresh(project.pk)
    return project


@pytest.fixture
def holder():
    """A project holder in France who speaks French and Arabic, consenting to matching."""
    return competence(
        display_name="Karim Holder",
        headline="Porteur de projet",
        bio="Je lance une coopérative.",
        sectors=["agriculture"],
        languages=["fr", "ar"],
        skills=[],
    )


@pytest.fixture
def web_project(holder):
    """An Arabic project needing web development and digital marketing, in Souss-Massa."""
    return project_of(
        holder,
        title="منصة رقمية لتعاونيات الأركان",
        summary="نحتاج إلى موقع إلكتروني ومتجر على الإنترنت لبيع زيت الأركان من تعاونيات نسائية.",
        sector="digital",
        region="souss-massa",
        help_needed=["expertise"],
        skills_needed=["تطوير الويب", "التسويق الرقمي"],
    )


@pytest.fixture
def web_developer():
    """A French web developer living in Lyon, from Souss-Massa: the best fit for web_project."""
    return competence(
        display_name="Nadia Web",
        headline="Développeuse web",
        bio="Je crée des sites et des boutiques en ligne pour des artisans.",
        sectors=["digital"],
        languages=["fr", "ar"],
        contributions=["expertise", "mentoring"],
        availability="hours-month",
        country="FR",
        city="Lyon",
        region_of_origin="souss-massa",
        skills=["Développement web", "Marketing digital"],
    )


@pytest.fixture
def cardiologist():
    return competence(
        display_name="Omar Heart",
        headline="Cardiologist",
        bio="Hospital cardiologist in Montreal.",
        sectors=["health"],
        languages=["en"],
        contributions=["mentoring"],
        country="CA",
        city="Montréal",
        region_of_origin="oriental",
        skills=["Cardiology"],
    )
