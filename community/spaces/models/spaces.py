import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n import localized
from core.storage import private_storage


class Space(models.Model):
    """A members' space whose doors open to holders of labels who accepted its charter."""

    class Mode(models.TextChoices):
        ANY_OF = "any_of", _("Any one of the labels")
        ALL_OF = "all_of", _("All of the labels")

    slug = models.SlugField(_("identifier"), unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    required_labels = models.ManyToManyField(
        "labels.Label", blank=True, related_name="spaces", verbose_name=_("required labels")
    )
    label_mode = models.CharField(_("label rule"), max_length=8, choices=Mode.choices, default=Mode.ANY_OF)
    charter = models.ForeignKey(
        "spaces.Charter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="spaces",
        verbose_name=_("charter to accept"),
    )
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="moderated_spaces",
        verbose_name=_("space moderators"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")

    @property
    def description(self):
        return localized(self, "description")


class SpaceVisit(models.Model):
    """A member entered the space: they appear in its member list while they still pass the gate."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_visits")
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="visits")
    first_visited_at = models.DateTimeField(default=timezone.now)
    last_visited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "space"], name="one_visit_row_per_member")]

    def __str__(self):
        return f"{self.user} — {self.space}"


def _document_path(instance, filename):
    return f"spaces/{instance.space_id}/{secrets.token_hex(16)}"


class Document(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="documents")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_document_path, storage=private_storage)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


def _new_token():
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a member's feed addresses; feed readers carry no session. Revocable."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_feed_tokens"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} — {self.created_at:%Y-%m-%d}"
