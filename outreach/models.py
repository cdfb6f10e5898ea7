"""Campaigns, their messages per language, and one send record per recipient.

A campaign is written in the Wagtail admin (a snippet with a message per language), given an audience
and sent from the staff pages. Sending creates one ``Recipient`` row per person, claimed atomically before
its mail goes out (see sending.py): that row is what makes a campaign reach each person exactly once.
"""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin

from privacy.models import ConsentPurpose

from .validation import message_problems

LANGUAGES = ("fr", "ar", "en")
LANGUAGE_CHOICES = [(code, label) for code, label in settings.LANGUAGES if code in LANGUAGES]
# The consent purposes a campaign may be sent under (privacy.ConsentPurpose).
PURPOSES = (ConsentPurpose.NEWSLETTER, ConsentPurpose.EVENT_INVITATIONS, ConsentPurpose.PROGRAMME_CALLS)
PURPOSE_CHOICES = [(purpose.value, purpose.label) for purpose in PURPOSES]


class CampaignSeries(models.Model):
    """Campaigns that belong together: a person who is not a member is invited at most once per series."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("campaign series")
        verbose_name_plural = _("campaign series")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Campaign(PreviewableMixin, ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    name = models.CharField(
        _("name"), max_length=160, help_text=_("For staff only; recipients never see it.")
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=PURPOSE_CHOICES,
        default=ConsentPurpose.NEWSLETTER,
        help_text=_("Members receive the campaign only if they consented to this purpose."),
    )
    series = models.ForeignKey(
        CampaignSeries,
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
        help_text=_("People who are not members are invited at most once per series."),
    )
    fallback_language = models.CharField(
        _("fallback language"),
        max_length=8,
        choices=LANGUAGE_CHOICES,
        default="fr",
        help_text=_("Recipients whose language has no message receive this one."),
    )
    send_email = models.BooleanField(_("send by email"), default=True)
    send_in_app = models.BooleanField(
        _("show in the members' notification centre"),
        default=True,
    )
    track_clicks_members = models.BooleanField(_("count members' clicks"), default=True)
    track_clicks_contacts = models.BooleanField(
        _("count clicks of people who are not members"),
        default=False,
        help_text=_("Off by default: people who never signed up are not followed."),
    )
    conversion_window_days = models.PositiveSmallIntegerField(
        _("conversion window (days)"),
        default=30,
        help_text=_("Sign-ups, event answers and applications within this time after a click count."),
    )
    # The audience: a source registered in core.registry, one of its items, and its filters.
    audience_source = models.CharField(_("audience source"), max_length=64, blank=True)
    audience_item = models.CharField(_("audience"), max_length=120, blank=True)
    audience_filters = models.JSONField(_("audience filters"), default=dict, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # What was approved (messages and audience): sending refuses a campaign changed since.
    approved_fingerprint = models.CharField(max_length=64, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    prepared_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "scheduled_at"])]

    def __str__(self):
        return self.name

    # Wagtail preview: one mode per language and part; the preview panel offers the device widths.
    @property
    def preview_modes(self):
        modes = []
        for code, label in LANGUAGE_CHOICES:
            modes.append((f"html-{code}", _("Email in %(language)s") % {"language": label}))
        for code, label in LANGUAGE_CHOICES:
            modes.append((f"text-{code}", _("Plain text in %(language)s") % {"language": label}))
        return modes

    def serve_preview(self, request, mode_name):
        from .preview import campaign_preview_response  # rendering imports this module

        return campaign_preview_response(self, request, mode_name)

    @property
    def series_key(self) -> str:
        return f"s{self.series_id}" if self.series_id else f"c{self.pk}"


class CampaignMessage(models.Model):
    """The campaign in one language. Personalisation: {{ first_name }}, {{ name }}, {{ country }}, with a
    fallback after a bar: {{ first_name|friend }}. Nothing else is interpreted."""

    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="messages")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    subject = models.CharField(_("subject"), max_length=200)
    preheader = models.CharField(
        _("preview line"),
        max_length=200,
        blank=True,
        help_text=_("Shown by mail programs after the subject."),
    )
    body = RichTextField(
        _("message"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"], blank=False
    )
    button_label = models.CharField(_("button text"), max_length=80, blank=True)
    button_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button leads to a page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    button_url = models.URLField(
        _("or to an address"),
        blank=True,
        help_text=_("An event or another page of the site, or an allowed partner site."),
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "language"], name="outreach_one_message_per_language")
        ]

    def __str__(self):
        return f"{self.campaign_id}/{self.language}"

    def clean(self):
        problems = message_problems(self)
        if problems:
            raise ValidationError(problems)


class Recipient(models.Model):
    """One person of one campaign: the send record.

    queued → sending (claimed by one worker) → sent (handed to the mail server) → delivered / bounced;
    or excluded (with the reason) before sending, or failed (a permanent refusal). The claim is a token:
    only the worker holding the current claim may pass the point of no return (see sending.py).
    """

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member")
        CONTACT = "contact", _("Not a member")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        BOUNCED = "bounced", _("Bounced")
        FAILED = "failed", _("Failed")
        EXCLUDED = "excluded", _("Excluded")

    class Exclusion(models.TextChoices):
        NO_CONSENT = "no_consent", _("No consent for this purpose")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Address bounced before")
        SUPPRESSED = "suppressed", _("On the suppression list")
        OBJECTED = "objected", _("Objected to being contacted")
        NO_ADDRESS = "no_address", _("No email address")
        INACTIVE = "inactive", _("Account inactive")
        ALREADY_INVITED = "already_invited", _("Already invited in this series")
        DUPLICATE = "duplicate", _("Same address twice in the audience")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="recipients")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    contact_key = models.CharField(max_length=80, blank=True)
    # Unique per campaign: the address, or "user:<id>" / "contact:<key>" for someone without one.
    address_key = models.CharField(max_length=254)
    email = models.CharField(_("email"), max_length=254, blank=True)
    domain = models.CharField(max_length=254, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8)
    country = models.CharField(_("country"), max_length=2, blank=True)
    origin = models.CharField(_("origin of the data"), max_length=300, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    exclusion = models.CharField(_("left out because"), max_length=16, choices=Exclusion.choices, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    first_click_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "address_key"], name="outreach_recipient_once")
        ]
        indexes = [
            models.Index(fields=["campaign", "status", "id"], name="outreach_recipient_queue"),
            models.Index(fields=["user", "sent_at"], name="outreach_recipient_user"),
            models.Index(fields=["email"], name="outreach_recipient_email"),
            models.Index(fields=["sent_at"], name="outreach_recipient_sent"),
        ]

    def __str__(self):
        return f"{self.campaign_id}:{self.address_key}"


class CampaignLink(models.Model):
    """A link of a campaign's messages; the redirect reads the address here, never from the request."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="links")
    url = models.CharField(_("address"), max_length=1000)
    anonymous_clicks = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("campaign link")
        verbose_name_plural = _("campaign links")
        constraints = [models.UniqueConstraint(fields=["campaign", "url"], name="outreach_link_once")]

    def __str__(self):
        return self.url


class Click(models.Model):
    """A click of a recipient on a link (tracked links only)."""

    link = models.ForeignKey(CampaignLink, on_delete=models.CASCADE, related_name="clicks")
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="clicks")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("click")
        verbose_name_plural = _("clicks")
        indexes = [models.Index(fields=["recipient", "at"])]

    def __str__(self):
        return f"{self.recipient_id} → {self.link_id}"


class Conversion(models.Model):
    """Something a person did within the window after following a campaign's link."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="conversions")
    recipient = models.ForeignKey(
        Recipient, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=32)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conversion")
        verbose_name_plural = _("conversions")
        indexes = [models.Index(fields=["campaign", "kind"])]

    def __str__(self):
        return f"{self.campaign_id}: {self.kind}"


class SuppressedAddress(models.Model):
    """An address no campaign may reach again: hard bounce, complaint, objection or staff decision."""

    class Reason(models.TextChoices):
        BOUNCE = "bounce", _("Permanent delivery failure")
        COMPLAINT = "complaint", _("Marked as spam")
        OBJECTION = "objection", _("Objected to being contacted")
        MANUAL = "manual", _("Added by staff")

    email = models.CharField(_("email"), max_length=254, unique=True)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppression list")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.email


class FirstContact(models.Model):
    """A person who is not a member was invited once in this series: never again in it."""

    series_key = models.CharField(max_length=24)
    email = models.CharField(max_length=254)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series_key", "email"], name="outreach_first_contact_once")
        ]

    def __str__(self):
        return f"{self.series_key}: {self.email}"
