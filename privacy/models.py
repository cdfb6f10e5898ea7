"""Consent per purpose and privacy-notice versions (law 09-08 / CNDP and GDPR).

Every decision a person takes about their data is kept as its own row: rows are appended, never
changed, so the history shows what was agreed to, when, from where, and under which notice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


class ConsentPurpose(models.TextChoices):
    """What a member may agree to, each on its own; none is needed to hold an account."""

    DIRECTORY = "directory", _("Be listed in the member directory")
    MATCHING = "matching", _("Receive matching suggestions")
    NEWSLETTER = "newsletter", _("Receive newsletters")
    EVENT_INVITATIONS = "event_invitations", _("Receive event invitations")
    PROGRAMME_CALLS = "programme_calls", _("Receive calls for applications to programmes")
    WATCH = "watch", _("Be recognised in public news by the information watch")
    ANALYTICS = "analytics", _("Help us measure our messages")

    @property
    def description(self):
        return CONSENT_PURPOSE_DESCRIPTIONS[self.value]


CONSENT_PURPOSE_DESCRIPTIONS = {
    ConsentPurpose.DIRECTORY.value: _(
        "Other members can find your profile in the directory, showing only the fields you choose to "
        "make visible."
    ),
    ConsentPurpose.MATCHING.value: _(
        "We use your skills and projects to suggest people, projects and programmes that could be "
        "relevant to you."
    ),
    ConsentPurpose.NEWSLETTER.value: _(
        "We send you news about programmes, calls and events by email. You can stop them at any time."
    ),
    ConsentPurpose.EVENT_INVITATIONS.value: _(
        "We invite you by email to meetups and events that match your country, city or interests."
    ),
    ConsentPurpose.PROGRAMME_CALLS.value: _(
        "We tell you by email when a programme opens a call for applications that could suit you or your "
        "project."
    ),
    ConsentPurpose.WATCH.value: _(
        "When public news (press, institutions) mentions an achievement of yours, our analysts may link it "
        "to your profile and show it on the platform. Without this consent we never link news to you."
    ),
    ConsentPurpose.ANALYTICS.value: _("We record whether you opened our emails, to improve them."),
}


class ConsentSource(models.TextChoices):
    SIGNUP = "signup", _("At sign-up")
    SETTINGS = "settings", _("In account settings")
    UNSUBSCRIBE = "unsubscribe", _("From the unsubscribe link of an email")


class PrivacyNoticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__lte=timezone.now())


class PrivacyNotice(models.Model):
    """One published version of the privacy notice; its text lives in the CMS page."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    published_at = models.DateTimeField(_("published at"))
    summary = models.TextField(_("summary of changes"), blank=True)

    objects = PrivacyNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = ["published_at", "id"]
        verbose_name = _("privacy notice version")
        verbose_name_plural = _("privacy notice versions")

    def __str__(self):
        return self.version


class AppendOnlyModel(models.Model):
    """Rows are records of something that happened: they may be added, not rewritten."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are append-only; record a new decision instead.")
        super().save(*args, **kwargs)


class NoticeAcceptance(AppendOnlyModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notice_acceptances",
        verbose_name=_("user"),
    )
    notice = models.ForeignKey(
        PrivacyNotice, on_delete=models.PROTECT, related_name="acceptances", verbose_name=_("notice")
    )
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-accepted_at", "-id"]
        verbose_name = _("privacy notice acceptance")
        verbose_name_plural = _("privacy notice acceptances")

    def __str__(self):
        return f"{self.user} / {self.notice}"


class ConsentRecord(AppendOnlyModel):
    """One decision, granted or not, about one purpose. The latest per purpose is in force."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent_records",
        verbose_name=_("user"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    notice = models.ForeignKey(
        PrivacyNotice, on_delete=models.PROTECT, related_name="consent_records", verbose_name=_("notice")
    )
    source = models.CharField(_("source"), max_length=20, choices=ConsentSource.choices)
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "purpose", "-created_at", "-id"], name="consent_latest_idx"),
            models.Index(fields=["purpose", "-created_at"], name="consent_purpose_idx"),
        ]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.user} / {self.purpose} / {self.granted}"


class ConsentCurrent(models.Model):
    """The decision in force per member and purpose: a copy of their latest ConsentRecord.

    Kept by ``privacy.services.consent_record`` in the transaction that appends the record, so the
    dashboard counts members who agree without looking for the latest of 300,000 records; the records
    stay the history and the source of truth (migration 0006 filled this table from them).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents_in_force",
        verbose_name=_("user"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    record = models.OneToOneField(
        ConsentRecord, on_delete=models.CASCADE, related_name="+", verbose_name=_("decision")
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "purpose"], name="consent_current_unique"),
        ]
        indexes = [
            # The dashboard's count per purpose reads this index alone (granted, user for the join).
            models.Index(fields=["purpose", "granted", "user"], name="consent_current_count_idx"),
        ]
        verbose_name = _("consent in force")
        verbose_name_plural = _("consents in force")

    def __str__(self):
        return f"{self.user_id} / {self.purpose} / {self.granted}"


def _export_path(instance, filename):
    return f"exports/{uuid.uuid4().hex}.zip"


class DataExport(models.Model):
    """A member's request for a copy of their data (right of access): built by a task, kept a few days.

    pending → ready (the archive is on private storage until ``expires_at``) → expired (the retention
    task deleted the file; the row stays as the record that the request was answered); or failed.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        EXPIRED = "expired", _("Expired")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("user"),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(storage=private_storage, upload_to=_export_path, max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self):
        return f"{self.user_id} / {self.created_at:%Y-%m-%d} / {self.status}"
