"""Personalisation is data, never code; links must be allowed; Arabic reads right to left."""

import pytest

from django.core.exceptions import ValidationError

from outreach.factories import CampaignFactory, CampaignMessageFactory
from outreach.messages import Outbox
from outreach.models import Recipient

pytestmark = pytest.mark.django_db


def _recipient(campaign, **kwargs):
    defaults = {"pk": 7, "kind": "member", "email": "a@example.org", "language": "fr", "country": "BE"}
    return Recipient(campaign=campaign, **(defaults | kwargs))


def test_fields_are_escaped_and_fall_back_and_template_code_stays_text(settings):
    settings.SITE_URL = "https://kafaat.example"
    campaign = CampaignFactory(languages=())
    CampaignMessageFactory(
        campaign=campaign,
        subject="{{ first_name|Ami }}, {{ country }}",
        body="<p>Bonjour {{ first_name|Ami }} {% load x %}{{ request.user }}</p>",
    )
    outbox = Outbox(campaign, track=False)
    _language, subject, html, text = outbox.parts(_recipient(campaign, name="<script>x</script> Doe"))
    assert subject == "<script>x</script>, Belgique"
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert "{% load x %}" in html  # the writer's text is never a template
    _language, subject, html, text = outbox.parts(_recipient(campaign, name="", country=""))
    assert subject.startswith("Ami,") and "Bonjour Ami" in text


def test_unknown_fields_and_links_to_other_sites_are_refused_on_save(settings):
    settings.SITE_URL = "https://kafaat.example"
    settings.OUTREACH_LINK_ALLOWED_HOSTS = ["partner.example"]
    message = CampaignMessageFactory.build(
        campaign=CampaignFactory(languages=()),
        subject="{{ firstname }}",
        body='<p><a href="https://evil.example/">x</a> <a href="https://partner.example/a">ok</a></p>',
    )
    with pytest.raises(ValidationError) as error:
        message.full_clean()
    assert set(error.value.message_dict) == {"subject", "body"}
    assert "evil.example" in " ".join(error.value.message_dict["body"])


def test_arabic_email_is_right_to_left_and_links_are_signed_redirects(settings):
    settings.SITE_URL = "https://kafaat.example"
    campaign = CampaignFactory(languages=())
    CampaignMessageFactory(
        campaign=campaign,
        language="ar",
        body='<p>مرحبا <a href="https://kafaat.example/ar/events/">الفعاليات</a></p>',
    )
    campaign.fallback_language = "ar"
    _language, _subject, html, text = Outbox(campaign).parts(_recipient(campaign, language="ar"))
    assert '<html lang="ar" dir="rtl">' in html and "direction: rtl" in html
    assert "https://kafaat.example/ar/outreach/l/7." in html  # tracked: the member's own redirect
    assert "https://kafaat.example/ar/events/" not in html
    contact = _recipient(campaign, language="ar", kind="contact", origin="Consulat")
    _language, _subject, html, text = Outbox(campaign).parts(contact)
    assert "/ar/outreach/go/" in html and "Consulat" in html  # not followed; the data's origin said
