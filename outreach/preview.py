"""The Wagtail admin's preview of a campaign: its email in one language, HTML or plain text, as a
member named in the sample would get it. The preview panel offers the device widths."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .messages import Outbox
from .models import Recipient


def sample_recipient(campaign, language: str) -> Recipient:
    return Recipient(
        pk=0,
        campaign=campaign,
        kind=Recipient.Kind.MEMBER,
        email="amina@example.org",
        name=_("Amina El Idrissi"),
        language=language,
        country="FR",
    )


def campaign_preview_response(campaign, request, mode_name: str) -> HttpResponse:
    part, _sep, language = (mode_name or "html-fr").partition("-")
    outbox = Outbox(campaign, track=False)
    if not outbox.messages:
        return HttpResponse(_("Write a message in at least one language to see a preview."))
    _language, subject, html, text = outbox.parts(sample_recipient(campaign, language or "fr"))
    if part == "text":
        return HttpResponse(f"{subject}\n\n{text}", content_type="text/plain; charset=utf-8")
    return HttpResponse(html)
