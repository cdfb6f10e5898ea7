from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n import localized


class Charter(models.Model):
    """A charter (cahier des charges) members accept before entering some spaces; it has versions."""

    slug = models.SlugField(_("identifier"), unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localized(self, "title")

    def current_version(self, at=None):
        """The version in force: the latest one published by now (None before the first)."""
        return (
            self.versions.filter(published_at__isnull=False, published_at__lte=at or timezone.now())
            .order_by("-published_at", "-id")
            .first()
        )


class CharterVersion(models.Model):
    """One wording of a charter. Once published, members must accept it to keep entering its spaces."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("version"), max_length=20)
    text_fr = models.TextField(_("text (French)"))
    text_ar = models.TextField(_("text (Arabic)"))
    text_en = models.TextField(_("text (English)"))
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Leave empty while drafting. From this moment members must accept this version."),
    )

    class Meta:
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        ordering = ["charter", "-published_at"]
        constraints = [
            models.UniqueConstraint(fields=["charter", "version"], name="one_charter_version_name")
        ]

    def __str__(self):
        return f"{self.charter} — {self.version}"

    @property
    def text(self):
        return localized(self, "text")


class CharterAcceptance(models.Model):
    """A member accepted a charter version at a given time. Append-only: never edited nor deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="charter_acceptances"
    )
    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="acceptances")
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("charter acceptance")
        verbose_name_plural = _("charter acceptances")
        indexes = [models.Index(fields=["user", "version"])]

    def __str__(self):
        return f"{self.user} — {self.version}"
