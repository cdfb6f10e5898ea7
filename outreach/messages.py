"""The emails of one campaign: compiled once per language and kind of recipient, filled per recipient."""

from django.urls import reverse
from django.utils import translation

from privacy.selectors import notice_url

from . import links, mail, tokens
from .models import Campaign, CampaignLink, Recipient
from .rendering import compile_message, field_values, message_for, render

_HOLE = "987654321"  # fits every path converter, replaced by the token


def _url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return links.absolute(reverse(name, args=args))


class _Addresses:
    """Absolute addresses per (view, language), reversed once with a hole where each token goes."""

    def __init__(self):
        self._templates = {}

    def __call__(self, name: str, language: str, token: str) -> str:
        key = (name, language)
        if key not in self._templates:
            self._templates[key] = _url(name, language, _HOLE)
        return self._templates[key].replace(_HOLE, token)


class Outbox:
    def __init__(self, campaign: Campaign, *, track: bool = True):
        self.campaign = campaign
        self.messages = list(campaign.messages.all())
        self.track = track
        self._compiled = {}
        self._link_ids = {}
        self.address = _Addresses()

    def compiled(self, language: str, contact: bool):
        message = message_for(self.messages, language, self.campaign.fallback_language)
        key = (message.language, contact)
        if key not in self._compiled:
            self._compiled[key] = compile_message(self.campaign, message, contact=contact)
        return self._compiled[key]

    def link_id(self, url: str) -> int:
        if url not in self._link_ids:
            link, _ = CampaignLink.objects.get_or_create(campaign=self.campaign, url=url[:1000])
            self._link_ids[url] = link.pk
        return self._link_ids[url]

    def _tracks(self, recipient: Recipient) -> bool:
        if not self.track:
            return False
        if recipient.kind == Recipient.Kind.CONTACT:
            return self.campaign.track_clicks_contacts
        return self.campaign.track_clicks_members

    def parts(self, recipient: Recipient, *, open_pixel: bool = False) -> tuple[str, str, str, str]:
        """Language, subject, HTML and text of the recipient's email."""
        contact = recipient.kind == Recipient.Kind.CONTACT
        compiled = self.compiled(recipient.language, contact)
        language = compiled.language
        tracked = self._tracks(recipient)

        def link_href(index, url):
            if not self.track:
                return url
            if tracked:
                return self.address(
                    "outreach:click", language, tokens.make("click", recipient.pk, self.link_id(url))
                )
            return self.address(
                "outreach:go", language, tokens.make("go", self.campaign.pk, self.link_id(url))
            )

        unsubscribe = self.address("outreach:unsubscribe", language, tokens.make("unsubscribe", recipient.pk))
        system = {
            "unsubscribe_url": unsubscribe,
            "web_url": self.address("outreach:message", language, str(self.campaign.pk or 0)),
            "privacy_url": links.absolute(notice_url(language)),
            "origin": recipient.origin,
            "open_pixel": (
                f'<img src="{self.address("outreach:open", language, tokens.make("open", recipient.pk))}" '
                'width="1" height="1" alt="">'
                if open_pixel
                else ""
            ),
        }
        subject, html, text = render(
            compiled, fields=field_values(recipient, language), system=system, link_href=link_href
        )
        return language, subject, html, text

    def email(self, recipient: Recipient, *, open_pixel: bool = False):
        language, subject, html, text = self.parts(recipient, open_pixel=open_pixel)
        unsubscribe = self.address("outreach:unsubscribe", language, tokens.make("unsubscribe", recipient.pk))
        headers = {
            "Message-ID": mail.message_id(self.campaign.pk, recipient.pk),
            # RFC 8058: mail programs offer a one-click unsubscribe that POSTs to this address.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"<{self.campaign.purpose.replace('_', '-')}.{mail.mail_domain()}>",
            "Content-Language": language,
        }
        return mail.build(
            to=recipient.email,
            name=recipient.name,
            subject=subject,
            html=html,
            text=text,
            headers=headers,
            sender=mail.envelope_sender(recipient.pk),
        )
