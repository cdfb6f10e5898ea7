"""Sources of person records, their import batches, the rows accepted and the rows rejected.

The contract other parts of the referential build on (record linkage reads SourceRecord): Source,
ImportBatch, SourceRecord, RejectedRow and ColumnMapping; staff access goes to core's audit log.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices_lazy
from core.storage import private_storage

from .files import import_file_path

# The fields of a person record an import can fill, in the order the mapping form shows them.
TARGET_FIELDS = (
    "external_id",
    "given_name",
    "family_name",
    "full_name",
    "name_arabic",
    # Where a file gives the Arabic name in two columns beside the Latin ones (as Moroccan papers do):
    # read together into name_arabic, given name first.
    "given_name_arabic",
    "family_name_arabic",
    "birth_date",
    "email",
    "phone",
    "city",
    "country",
)


class DatePrecision(models.TextChoices):
    DAY = "day", _("Full date")
    MONTH = "month", _("Month and year")
    YEAR = "year", _("Year only")


class Source(models.Model):
    """Who sends lists: a consulate, a public or private body, a network."""

    class Kind(models.TextChoices):
        CONSULATE = "consulate", _("Consulate")
        PUBLIC_BODY = "public_body", _("Public body")
        PRIVATE_BODY = "private_body", _("Private body")
        NETWORK = "network", _("Network")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=160, unique=True)
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, choices=country_choices_lazy)
    contact_name = models.CharField(_("contact name"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    trust = models.PositiveSmallIntegerField(
        _("trust level"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 (least trusted) to 5 (most trusted)."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(trust__gte=1, trust__lte=5), name="source_trust_1_to_5")
        ]

    def __str__(self):
        return self.name


class ColumnMapping(models.Model):
    """The mapping last used for a source, proposed for its next file: {target field: column header}."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="column_mapping")
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self):
        return str(self.source)


class ImportBatch(models.Model):
    """One uploaded file of a source, from upload through mapping and preview to the commit."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        MAPPED = "mapped", _("Columns mapped")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="batches")
    file = models.FileField(upload_to=import_file_path, storage=private_storage, max_length=200)
    original_filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UPLOADED)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    # What was read from the file: its encoding and delimiter (CSV) and its header row.
    file_format = models.CharField(max_length=8, blank=True)
    encoding = models.CharField(max_length=32, blank=True)
    delimiter = models.CharField(max_length=1, blank=True)
    headers = models.JSONField(default=list, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    accepted_rows = models.PositiveIntegerField(default=0)
    rejected_rows = models.PositiveIntegerField(default=0)
    duplicate_rows = models.PositiveIntegerField(default=0)
    # Imported rows that carry at least one warning (a doubtful cell blanked, repaired or moved).
    warning_rows = models.PositiveIntegerField(default=0)
    # Rows that updated a record the source sent before (same record id in the source).
    updated_rows = models.PositiveIntegerField(default=0)
    # Rows handled so far (0..total_rows); the committed chunks end at this row number.
    processed_rows = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    # The import's lease: the runner holding the token writes chunks and beats; a runner that finds
    # the heartbeat stale (a worker killed mid-import) takes the batch over where the last chunk ended.
    lease_token = models.CharField(max_length=32, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.source} — {self.original_filename}"

    @property
    def progress(self) -> int:
        """Percentage of rows handled, 0–100."""
        if self.status == self.Status.DONE:
            return 100
        if not self.total_rows:
            return 0
        return min(100, int(self.processed_rows * 100 / self.total_rows))


class SourceRecord(models.Model):
    """One person as a source gave it, normalised. Unique per source by fingerprint."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="records")
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="records")
    row_number = models.PositiveIntegerField()
    raw = models.JSONField(default=dict)
    fingerprint = models.CharField(max_length=64)
    # The source's own id for the person (file number, member number): a re-import updates by it.
    external_id = models.CharField(_("record id in the source"), max_length=64, blank=True)
    given_name = models.CharField(_("given name"), max_length=120, blank=True)
    family_name = models.CharField(_("family name"), max_length=120, blank=True)
    name_arabic = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    # A partial date is stored on its first day (1985 → 1985-01-01) with its precision: read both.
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_date_precision = models.CharField(
        _("precision of the date of birth"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    email = models.EmailField(_("email"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    phone_raw = models.CharField(_("phone as written"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)
    # [{"code", "field", "value"}] for the cells that were blanked, repaired or moved (see validation).
    warnings = models.JSONField(default=list, blank=True)
    # The warnings' codes, space-separated with a space either side: the batch report filters on them.
    warning_codes = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("source record")
        verbose_name_plural = _("source records")
        ordering = ["source_id", "batch_id", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["source", "fingerprint"], name="source_record_fingerprint_once")
        ]
        indexes = [models.Index(fields=["source", "external_id"], name="source_record_external_idx")]

    def __str__(self):
        return " ".join(part for part in (self.given_name, self.family_name) if part) or self.name_arabic


class RejectedRow(models.Model):
    """A row that did not go in, kept whole with its reasons (codes, rendered in the reader's language)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rejected")
    row_number = models.PositiveIntegerField()
    raw = models.JSONField(default=dict)
    # [{"code": "invalid_email", "field": "email", "value": "…"}]; see validation.reason_message.
    reasons = models.JSONField(default=list)

    class Meta:
        verbose_name = _("rejected row")
        verbose_name_plural = _("rejected rows")
        ordering = ["batch_id", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "row_number"], name="rejected_row_once_per_batch")
        ]

    def __str__(self):
        return f"{self.batch_id}:{self.row_number}"


class AccessAction(models.TextChoices):
    """What the referential records in the shared audit log (core.AuditLog, actions "referential.<value>")."""

    SOURCE_CREATE = "source_create", _("Registered a source")
    SOURCE_UPDATE = "source_update", _("Changed a source")
    UPLOAD = "upload", _("Uploaded a file")
    MAP = "map", _("Mapped the columns")
    COMMIT = "commit", _("Started the import")
    DOWNLOAD_FILE = "download_file", _("Downloaded the original file")
    DOWNLOAD_REJECTED = "download_rejected", _("Downloaded the rejected rows")
    VIEW = "view", _("Viewed an import")
