import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from community.i18n import localized
from core.storage import private_storage

MAX_EVIDENCE_FILES = 3


class Label(models.Model):
    """A distinction moderators grant to members, such as "verified competence"."""

    slug = models.SlugField(_("identifier"), unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    evidence_fr = models.TextField(_("evidence required (French)"), blank=True)
    evidence_ar = models.TextField(_("evidence required (Arabic)"), blank=True)
    evidence_en = models.TextField(_("evidence required (English)"), blank=True)
    badge = models.CharField(_("badge symbol"), max_length=4, default="✔")
    badge_colour = models.CharField(_("badge colour"), max_length=7, default="#0b5d3b")
    validity_days = models.PositiveIntegerField(
        _("validity (days)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a label that does not expire."),
    )
    is_active = models.BooleanField(_("open to applications"), default=True)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")

    @property
    def description(self):
        return localized(self, "description")

    @property
    def evidence(self):
        return localized(self, "evidence")


class LabelGrantQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(ended_at__isnull=True).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=at))


class LabelGrant(models.Model):
    """A member holds a label from granted_at until it expires or is ended (revoked or lapsed)."""

    class EndReason(models.TextChoices):
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="label_grants")
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="grants")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=16, choices=EndReason.choices, blank=True)

    objects = LabelGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("label held")
        verbose_name_plural = _("labels held")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "label"], condition=Q(ended_at__isnull=True), name="one_open_grant_per_label"
            )
        ]
        indexes = [models.Index(fields=["label", "ended_at", "expires_at"])]

    def __str__(self):
        return f"{self.label} — {self.user}"


def _evidence_path(instance, filename):
    # The member's file name is kept in EvidenceFile.original_name, never in the path.
    return f"labels/evidence/{uuid.uuid4().hex}"




class LabelApplication(models.Model):
    """A member asks moderators for a label, with a statement and evidence."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("label application", "Pending")
        GRANTED = "granted", pgettext_lazy("label application", "Granted")
        REFUSED = "refused", pgettext_lazy("label application", "Refused")
        WITHDRAWN = "withdrawn", pgettext_lazy("label application", "Withdrawn")

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="label_applications"
    )
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="applications")
    statement = models.TextField(_("statement"), max_length=5000)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("label application")
        verbose_name_plural = _("label applications")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "label"], condition=Q(status="pending"), name="one_pending_application"
            )
        ]

    def __str__(self):
        return f"{self.label} — {self.applicant}"


class EvidenceFile(models.Model):
    application = models.ForeignKey(LabelApplication, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["id"]

    def __str__(self):
        return self.original_name


class LabelDecision(models.Model):
    """Append-only history of what moderators (or expiry) decided about a member's label."""

    class Action(models.TextChoices):
        GRANTED = "granted", pgettext_lazy("label decision", "Granted")
        REFUSED = "refused", pgettext_lazy("label decision", "Refused")
        REVOKED = "revoked", pgettext_lazy("label decision", "Revoked")
        EXPIRED = "expired", pgettext_lazy("label decision", "Expired")

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="decisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("decision"), max_length=16, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    application = models.ForeignKey(
        LabelApplication, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    grant = models.ForeignKey(
        LabelGrant, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("label decision")
        verbose_name_plural = _("label decisions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.label} — {self.member}"
