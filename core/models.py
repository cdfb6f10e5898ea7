"""The audit log: who read, exported or changed what, when and why. One table for every app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyModel(models.Model):
    """Rows are written once: saving an existing row or deleting one through the model is refused.

    Retention purges old rows with a queryset ``delete()``, on purpose and from one task.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{type(self).__name__} rows are append-only.")


class AuditLog(AppendOnlyModel):
    """One staff or member action on personal or back-office data.

    ``action`` is "<app>.<verb>" (labels registered in core.registry); the target is named by its model
    label and id, never by a copy of its text, so the log itself holds no personal data beyond ids.
    """

    class Kind(models.TextChoices):
        READ = "read", _("Read")
        EXPORT = "export", _("Export")
        CHANGE = "change", _("Change")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.READ)
    action = models.CharField(_("action"), max_length=48, db_index=True)
    target_type = models.CharField(_("target type"), max_length=64, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    # Whose personal data it was, when it is one member's: lets a member's access report list it.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose data"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("why"), max_length=255, blank=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    # Other objects the action concerned, by role: {"source": 3, "batch": 12}.
    context = models.JSONField(_("context"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action}"

    @property
    def app(self) -> str:
        return self.action.split(".", 1)[0]


class DeferredTask(models.Model):
    """A task the broker could not take (Redis down): kept here and sent again once it is back, by the
    beat task ``deferred_tasks_send`` and when a worker starts. Tasks are idempotent, so a task sent
    twice after a crash between sending and deleting does no harm."""

    name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    options = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class SearchDocument(models.Model):
    """Folded text of one part of one object, for the site search (see core.search).

    ``kind`` names the provider ("members", "events", …), ``object_id`` the object in its app, ``part``
    the audience or section the text belongs to ("" when there is one). PostgreSQL searches it through
    a GIN expression index, SQLite through an FTS5 table kept in sync by triggers (migration 0003).
    """

    kind = models.CharField(max_length=24)
    object_id = models.BigIntegerField()
    part = models.CharField(max_length=24, blank=True)
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "part"], name="search_document_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id}:{self.part}"
