from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Block(models.Model):
    """The blocker no longer hears from the blocked member, who no longer sees their restricted fields."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once")]

    def __str__(self):
        return f"{self.blocker} ⊘ {self.blocked}"


class Report(models.Model):
    """A member tells moderators that a profile, post or comment breaks the rules."""

    class Category(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HARASSMENT = "harassment", _("Harassment or hate")
        INAPPROPRIATE = "inappropriate", _("Inappropriate content")
        FALSE = "false", _("False information or impersonation")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("report", "Open")
        DISMISSED = "dismissed", pgettext_lazy("report", "Dismissed")
        ACTIONED = "actioned", pgettext_lazy("report", "Acted upon")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="reports_made"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    category = models.CharField(_("reason"), max_length=16, choices=Category.choices)
    text = models.TextField(_("details"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["reporter", "content_type", "object_id"], name="report_once")
        ]
        indexes = [models.Index(fields=["status", "content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_category_display()} ({self.content_type_id}:{self.object_id})"


class ModerationAction(models.Model):
    """Append-only record of what a moderator did, to whom, and why."""

    class Action(models.TextChoices):
        DISMISS = "dismiss", _("Dismiss the reports")
        HIDE = "hide", _("Hide the content")
        WARN = "warn", _("Warn the author")
        SUSPEND = "suspend", _("Suspend the author")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    reason = models.TextField(_("reason"), max_length=2000)
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()} — {self.created_at:%Y-%m-%d}"


class Suspension(models.Model):
    """The account is deactivated from created_at to ends_at; a periodic task lifts it afterwards."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(_("ends at"), db_index=True)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} → {self.ends_at:%Y-%m-%d}"
