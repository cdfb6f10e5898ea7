"""Linkage runs, candidate pairs and analysts' decisions, golden records and their history.

Every input record of a run has a key: "s:<SourceRecord id>" for a source record, "u:<User id>" for
a member account. Keys are what pairs and golden-record links point at, so one table serves both.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from referential.models import TARGET_FIELDS

# Fields of a golden record, in the order pages show them: an imported record's fields, except the
# full name, which the import splits into given and family names, and the source's own record id.
GOLDEN_FIELDS = tuple(
    field
    for field in TARGET_FIELDS
    if field not in ("full_name", "external_id", "given_name_arabic", "family_name_arabic")
)


class LinkageRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    # The error a run records when its workers kept dying: worded by the page, in the reader's language.
    WORKER_LOST = "worker-lost"

    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    backend = models.CharField(max_length=12, blank=True)
    records = models.PositiveIntegerField(default=0)
    pairs_scored = models.PositiveIntegerField(default=0)
    auto_merged = models.PositiveIntegerField(default=0)
    to_review = models.PositiveIntegerField(default=0)
    golden_records = models.PositiveIntegerField(default=0)
    # "trained" (weights learnt on this run's records) or "bundled" (too few records: the bundled model).
    model_origin = models.CharField(max_length=12, blank=True)
    model = models.JSONField(default=dict, blank=True)
    timings = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    # The run's lease: taken when a worker starts it; a run whose worker died (still running after
    # LINKAGE_RUN_LEASE_SECONDS) is started again by the resume beat. Results are written at the end,
    # in one transaction, only by the worker that holds the lease.
    lease_token = models.CharField(max_length=32, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("linkage run")
        verbose_name_plural = _("linkage runs")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"


class CandidatePair(models.Model):
    """Two records the model scored above the review threshold, or that an analyst decided about.

    Decisions (MATCH / NON_MATCH) are never overwritten by a run; later runs only refresh the score."""

    class Status(models.TextChoices):
        AUTO = "auto", _("Merged automatically")
        PENDING = "pending", _("Waiting for review")
        MATCH = "match", _("Same person (analyst)")
        NON_MATCH = "non_match", _("Not the same person (analyst)")

    DECIDED = (Status.MATCH, Status.NON_MATCH)

    left_key = models.CharField(max_length=24)
    right_key = models.CharField(max_length=24)
    run = models.ForeignKey(
        LinkageRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="pairs"
    )
    match_probability = models.FloatField(default=0)
    match_weight = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("candidate pair")
        verbose_name_plural = _("candidate pairs")
        ordering = ["-match_probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["left_key", "right_key"], name="linkage_pair_once"),
            models.CheckConstraint(
                condition=models.Q(left_key__lt=models.F("right_key")), name="linkage_pair_ordered"
            ),
        ]
        indexes = [models.Index(fields=["status", "-match_probability"], name="linkage_pair_queue_idx")]

    def __str__(self):
        return f"{self.left_key} ~ {self.right_key} ({self.match_probability:.3f})"


class GoldenRecord(models.Model):
    """One person, consolidated. ``fields``: {field: {"value", "record", "source", "source_id", "date",
    "reason"}} where reason is "trust", "recency", "only" or "override" (see services)."""

    fields = models.JSONField(default=dict, blank=True)
    # {field: {"value": …, "by": user id, "at": iso datetime}}: an analyst's value wins over sources.
    overrides = models.JSONField(default=dict, blank=True)
    display_name = models.CharField(max_length=240, blank=True, db_index=True)
    email = models.CharField(max_length=254, blank=True, db_index=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="golden_record",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("golden record")
        verbose_name_plural = _("golden records")
        ordering = ["display_name", "id"]

    def __str__(self):
        return self.display_name or f"#{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.merged_into_id is None


class RecordLink(models.Model):
    """Which golden record an input record belongs to (one at a time)."""

    key = models.CharField(max_length=24, unique=True)
    golden = models.ForeignKey(GoldenRecord, on_delete=models.CASCADE, related_name="links")
    source_record = models.OneToOneField(
        "referential.SourceRecord",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="golden_link",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="golden_link"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("record link")
        verbose_name_plural = _("record links")

    def __str__(self):
        return f"{self.key} → {self.golden_id}"


class GoldenEvent(models.Model):
    """Append-only history of golden records: never updated, never deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        MERGED = "merged", _("Merged")
        UNMERGED = "unmerged", _("Unmerged")
        RECORD_ADDED = "record_added", _("Record added")
        OVERRIDE = "override", _("Value set by an analyst")
        CLAIMED = "claimed", _("Claimed by the member")

    golden = models.ForeignKey(GoldenRecord, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=14, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    run = models.ForeignKey(LinkageRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # e.g. {"keys": [...], "from": 12, "into": 7, "field": "email", "note": "..."}
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("golden record event")
        verbose_name_plural = _("golden record history")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.golden_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Golden record history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Golden record history is append-only.")


class LinkageAction(models.TextChoices):
    """What linkage records in the shared audit log (core.AuditLog, actions "linkage.<value>")."""

    VIEW_GOLDEN = "view_golden", _("Viewed a golden record")
    EXPORT_GOLDEN = "export_golden", _("Exported a golden record")
    EXPORT_LINKS = "export_links", _("Exported every record with its golden record")
    VIEW_PAIR = "view_pair", _("Viewed a candidate pair")
    DECIDE = "decide", _("Decided about a pair")
    MERGE = "merge", _("Merged golden records")
    UNMERGE = "unmerge", _("Unmerged records")
    OVERRIDE = "override", _("Set a value")
    RUN = "run", _("Started a linkage run")
    MEMBER_VIEW = "member_view", _("Member viewed their record")
    CLAIM = "claim", _("Member claimed their record")
