"""Test factories for outreach, and a quick way to make thousands of consenting members."""

import factory
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model

from accounts.factories import UserFactory
from community.profiles.models import Profile
from privacy.models import ConsentRecord, ConsentSource
from privacy.selectors import notice_current
from privacy.services import consents_in_force_rebuild

from .models import Campaign, CampaignMessage, CampaignSeries, SuppressedAddress

BODIES = {
    "fr": "<p>Bonjour {{ first_name|à vous }}, découvrez le programme.</p>",
    "ar": "<p>مرحبا {{ first_name|بكم }}، اكتشفوا البرنامج.</p>",
    "en": "<p>Hello {{ first_name|there }}, discover the programme.</p>",
}
SUBJECTS = {"fr": "Appel à projets", "ar": "دعوة لتقديم المشاريع", "en": "Call for projects"}


class CampaignSeriesFactory(DjangoModelFactory):
    class Meta:
        model = CampaignSeries

    name = factory.Sequence(lambda n: f"Series {n}")


class CampaignFactory(DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Campaign {n}")
    purpose = "newsletter"
    created_by = factory.SubFactory(UserFactory)
    updated_by = factory.SelfAttribute("created_by")

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        """``languages=("fr", "ar")``: one message each (default: fr, ar, en)."""
        if not create:
            return
        for language in extracted if extracted is not None else ("fr", "ar", "en"):
            CampaignMessageFactory(campaign=self, language=language)


class CampaignMessageFactory(DjangoModelFactory):
    class Meta:
        model = CampaignMessage

    campaign = factory.SubFactory(CampaignFactory, languages=())
    language = "fr"
    subject = factory.LazyAttribute(lambda o: SUBJECTS[o.language])
    preheader = ""
    body = factory.LazyAttribute(lambda o: BODIES[o.language])


class SuppressedAddressFactory(DjangoModelFactory):
    class Meta:
        model = SuppressedAddress

    email = factory.Sequence(lambda n: f"suppressed{n}@example.org")
    reason = SuppressedAddress.Reason.MANUAL


def members_bulk(
    count: int,
    *,
    languages=("fr", "ar", "en"),
    purposes=("newsletter",),
    domain="example.org",
    prefix="member",
    countries=("FR", "BE", "MA"),
) -> list[int]:
    """``count`` active members with a profile and the given consents, in bulk (fast enough for 100,000)."""
    User = get_user_model()  # noqa: N806
    users = [
        User(
            email=f"{prefix}{i}@{domain}",
            first_name=f"Prénom{i}",
            last_name=f"Nom{i}",
            preferred_language=languages[i % len(languages)],
            password="!",  # noqa: S106 — unusable password
        )
        for i in range(count)
    ]
    User.objects.bulk_create(users, batch_size=2000)
    ids = list(
        User.objects.filter(email__startswith=prefix, email__endswith=f"@{domain}").values_list(
            "pk", flat=True
        )
    )
    Profile.objects.bulk_create(
        [
            Profile(user_id=pk, display_name=f"Membre {pk}", country=countries[n % len(countries)])
            for n, pk in enumerate(ids)
        ],
        batch_size=2000,
    )
    notice = notice_current()
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(
                user_id=pk, purpose=purpose, granted=True, notice=notice, source=ConsentSource.SIGNUP
            )
            for pk in ids
            for purpose in purposes
        ],
        batch_size=2000,
    )
    consents_in_force_rebuild(ids)
    return ids
