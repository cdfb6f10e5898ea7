from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class CommunityGroup(models.Model):
    """A thematic (sector or skill) or geographic (country, city) network of members.

    ``name`` and ``description`` are what the creator wrote, in whatever language; ``name_fr``,
    ``name_ar``, ``name_en`` (and the same for the description) are optional translations the owners
    add. Pages, lists, search results, menus and notifications show ``local_name`` and
    ``local_description``: the reader's language when a translation exists, else the original. Kept
    as columns, like events' titles and labels' names: three optional fields per text, no join.
    """

    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic")
        GEOGRAPHIC = "geographic", _("Geographic")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open to all members")
        ON_REQUEST = "on_request", _("On request")
        INVITATION = "invitation", _("By invitation only")

    slug = models.SlugField(_("identifier"), unique=True, max_length=80)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=120, blank=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    description_fr = models.TextField(_("description in French"), blank=True, max_length=5000)
    description_ar = models.TextField(_("description in Arabic"), blank=True, max_length=5000)
    description_en = models.TextField(_("description in English"), blank=True, max_length=5000)
    sector = models.CharField(_("sector or skill"), max_length=80, blank=True)
    country = models.CharField(
        _("country code"), max_length=2, blank=True, help_text=_("Two letters, for example FR or CA.")
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    join_policy = models.CharField(
        _("who may join"), max_length=12, choices=JoinPolicy.choices, default="open"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "sector"]), models.Index(fields=["kind", "country"])]

    def __str__(self):
        return self.local_name

    def _in_reader_language(self, field):
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, field)

    @property
    def local_name(self):
        """The name in the reader's language when the owners gave one, else the name as created."""
        return self._in_reader_language("name")

    @property
    def local_description(self):
        return self._in_reader_language("description")


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MODERATOR = "moderator", _("Moderator")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PENDING = "pending", _("Request pending")
        INVITED = "invited", _("Invited")
        BANNED = "banned", _("Banned")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    group = models.ForeignKey(CommunityGroup, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="one_membership_per_group")]
        indexes = [models.Index(fields=["group", "status", "role"])]

    def __str__(self):
        return f"{self.user} — {self.group}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def can_moderate(self):
        return self.is_active and self.role in (self.Role.OWNER, self.Role.MODERATOR)


ACTIVE = Q(status=Membership.Status.ACTIVE)
