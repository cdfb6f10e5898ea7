from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n import localized


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
