"""Who a campaign reaches, who it leaves out and why — shown before sending and kept per recipient."""

import pytest

from accounts.factories import UserFactory
from core.audiences import Contact
from outreach.audiences import audience_summary, candidates
from outreach.factories import CampaignFactory, CampaignSeriesFactory
from outreach.models import FirstContact, Recipient, SuppressedAddress
from privacy.factories import ConsentRecordFactory
from privacy.models import ConsentSource

from .helpers import contact, use_people

pytestmark = pytest.mark.django_db
Exclusion = Recipient.Exclusion


def _member(email, *, consent=True, source=ConsentSource.SIGNUP, language="fr", **kwargs):
    user = UserFactory(email=email, preferred_language=language, **kwargs)
    if consent is not None:
        ConsentRecordFactory(user=user, purpose="newsletter", granted=consent, source=source)
    return user


def test_each_person_is_reached_once_or_left_out_with_the_reason(notice):
    reached = _member("yes@example.org", language="ar")
    no_consent = _member("no@example.org", consent=False)
    never_asked = _member("never@example.org", consent=None)
    unsubscribed = _member("unsub@example.org", consent=False, source=ConsentSource.UNSUBSCRIBE)
    bounced = _member("bounced@example.org")
    suppressed = _member("suppressed@example.org")
    inactive = _member("inactive@example.org", is_active=False)
    SuppressedAddress.objects.create(email="bounced@example.org", reason="bounce")
    SuppressedAddress.objects.create(email="suppressed@example.org", reason="manual")
    people = [u.pk for u in (reached, no_consent, never_asked, unsubscribed, bounced, suppressed, inactive)]
    use_people([*people, reached.pk])  # named twice
    campaign = CampaignFactory(audience_source="test.people", audience_item="all", languages=("fr", "ar"))

    found, duplicates = candidates(campaign)
    reasons = {c.email: c.exclusion for c in found}
    assert duplicates == 1
    assert reasons == {
        "yes@example.org": "",
        "no@example.org": Exclusion.NO_CONSENT,
        "never@example.org": Exclusion.NO_CONSENT,
        "unsub@example.org": Exclusion.UNSUBSCRIBED,
        "bounced@example.org": Exclusion.BOUNCED,
        "suppressed@example.org": Exclusion.SUPPRESSED,
        "inactive@example.org": Exclusion.INACTIVE,
    }
    assert next(c for c in found if c.email == "yes@example.org").language == "ar"
    summary = audience_summary(campaign)
    assert summary["reached"] == 1 and summary["excluded_total"] == 7  # six rules and one duplicate
    assert summary["named"] == 8


def test_a_language_without_a_message_gets_the_declared_fallback(notice):
    english = _member("en@example.org", language="en")
    use_people([english.pk])
    campaign = CampaignFactory(
        audience_source="test.people", audience_item="all", languages=("fr", "ar"), fallback_language="ar"
    )
    (found,), _ = candidates(campaign)
    assert found.language == "ar"


def test_contacts_get_one_first_contact_per_series_and_never_after_an_objection(notice):
    use_people([contact(1), contact(2), contact(3), contact(1)])
    series = CampaignSeriesFactory()
    FirstContact.objects.create(
        series_key=f"s{series.pk}", email="contact2@partner.example", campaign=CampaignFactory(series=series)
    )
    SuppressedAddress.objects.create(email="contact3@partner.example", reason="objection")
    campaign = CampaignFactory(audience_source="test.people", audience_item="all", series=series)
    found, duplicates = candidates(campaign)
    reasons = {c.email: c.exclusion for c in found}
    assert reasons == {
        "contact1@partner.example": "",
        "contact2@partner.example": Exclusion.ALREADY_INVITED,
        "contact3@partner.example": Exclusion.OBJECTED,
    }
    assert duplicates == 1
    assert all(c.kind == Recipient.Kind.CONTACT and c.origin == "Consulat de Paris" for c in found)


def test_a_contact_whose_address_is_a_members_is_reached_as_the_member_under_their_consent(notice):
    _member("known@example.org", consent=False)
    use_people([Contact(key="test:x", email="Known@Example.org", name="Known", origin="Réseau")])
    campaign = CampaignFactory(audience_source="test.people", audience_item="all")
    (found,), _ = candidates(campaign)
    assert found.kind == Recipient.Kind.MEMBER and found.exclusion == Exclusion.NO_CONSENT
