"""Demo matching (seed_demo, order 80): taxonomy, matching consents, features, so suggestions show.

Idempotent. Embeddings are computed here, in batches (those the profile seeder's tasks already
computed are kept: same text). The taxonomy's own concepts are not embedded in the demo (they only
serve to read unknown tags; `manage.py matching_taxonomy_load --embed` does it).
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from community.profiles.models import Profile
from community.profiles.services import profile_save, project_save
from privacy.models import ConsentPurpose, ConsentRecord
from privacy.selectors import notice_current
from privacy.services import consent_record

from .features import features_refresh_all
from .taxonomy import taxonomy_load

DEMO_MEMBER = "member@kafaat.localhost"


def _demo_member_profile():
    """The demo member gets a competence profile and a project, to see both kinds of suggestions."""
    user = get_user_model().objects.filter(email=DEMO_MEMBER).first()
    if user is None or Profile.objects.filter(user=user).exists():
        return
    profile = profile_save(
        user=user,
        data={
            "display_name": "Salma Demo",
            "country": "FR",
            "city": "Lyon",
            "region_of_origin": "souss-massa",
            "headline": "Ingénieure logiciel, développement web",
            "bio": "Je développe des applications web et mobiles et j'accompagne des startups.",
            "sectors": ["digital"],
            "languages": ["fr", "ar", "en"],
            "contributions": ["mentoring", "expertise"],
            "availability": "hours-month",
        },
        skills=["Développement web", "Python", "Gestion de projet"],
    )
    project_save(
        profile=profile,
        data={
            "title": "Plateforme de vente en ligne pour coopératives d'argan",
            "summary": "Une boutique en ligne pour les coopératives féminines d'argan de Souss-Massa, "
            "avec paiement mobile et export vers l'Europe.",
            "sector": "agriculture",
            "stage": "prototype",
            "region": "souss-massa",
            "funding_need": "100k-1m",
            "help_needed": ["mentoring", "expertise", "investment"],
            "visibility": 1,
        },
        skills=["E-commerce", "Export", "Marketing digital", "Coopératives agricoles"],
    )


@transaction.atomic
def seed_matching() -> None:
    taxonomy_load()
    _demo_member_profile()
    if notice_current() is not None:
        # Most demo members agreed to matching (as they might at sign-up); a few did not.
        granted = set(
            ConsentRecord.objects.filter(purpose=ConsentPurpose.MATCHING).values_list("user_id", flat=True)
        )
        for index, profile in enumerate(Profile.objects.select_related("user").order_by("pk")):
            if profile.user_id not in granted and index % 5 != 4:
                consent_record(
                    user=profile.user, purpose=ConsentPurpose.MATCHING, granted=True, source="settings"
                )
    features_refresh_all()
