"""Saved segments of members and project holders, and the log of their exports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Segment(models.Model):
    """A named set of filters an analyst keeps; its members are computed again on each read or refresh.

    ``member_count`` is what the last refresh found, shown in lists without recounting.
    """

    name = models.CharField(_("name"), max_length=120)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="segments",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    refreshed_at = models.DateTimeField(_("refreshed at"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("members at the last refresh"), null=True, blank=True)

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name


class SegmentExport(models.Model):
    """One CSV export: who took which segment, when, and how many rows left the platform.

    Rows are never changed; the segment's name is copied so the log still reads after a deletion.
    """

    class Kind(models.TextChoices):
        MEMBERS = "members", _("Members")
        TARGETS = "targets", _("Priority targets")

    segment = models.ForeignKey(
        Segment, on_delete=models.SET_NULL, null=True, related_name="exports", verbose_name=_("segment")
    )
    segment_name = models.CharField(_("segment name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEMBERS)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("exported by"),
    )
    exported_at = models.DateTimeField(_("exported at"), auto_now_add=True, db_index=True)
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        verbose_name = _("segment export")
        verbose_name_plural = _("segment exports")
        ordering = ["-exported_at", "-id"]

    def __str__(self):
        return f"{self.segment_name} / {self.exported_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Export log rows are append-only.")
        super().save(*args, **kwargs)
