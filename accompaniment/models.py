"""Project holders' cases: the pipeline's stages, cases, their timeline, notes, tasks, referrals, documents.

A case follows one community project through stages configured by administrators. Every move, assignment,
referral and document is a row of the append-only timeline (who, when, why); internal notes are a table of
their own, never shown to the holder and never mixed with the messages (community messaging).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from community.profiles.choices import Contribution, Region
from core.models import AppendOnlyModel
from core.sectors import SectorChoice
from core.storage import private_storage

User = settings.AUTH_USER_MODEL


class Stage(models.Model):
    """A step of the pipeline. Administrators add, rename and rewire them in the Django admin."""

    class Kind(models.TextChoices):
        OPEN = "open", _("In progress")
        SUCCESS = "success", _("Funded or launched")
        CLOSED = "closed", _("Closed")
        EXIT = "exit", _("Exit (abandoned, not eligible)")

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_en = models.CharField(_("name in English"), max_length=80)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.OPEN)
    initial = models.BooleanField(_("new requests start here"), default=False)
    sla_days = models.PositiveSmallIntegerField(
        _("service level (working days)"),
        null=True,
        blank=True,
        help_text=_("The case should leave this stage within this many working days."),
    )
    next_stages = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="previous_stages", verbose_name=_("may move to")
    )
    required_fields = models.JSONField(
        _("fields required to enter"), default=list, blank=True, help_text=_("Names of case fields.")
    )
    mover_roles = models.JSONField(
        _("roles that may move a case here"), default=list, blank=True, help_text=_("advisor, relay, admin")
    )
    reason_required = models.BooleanField(_("a reason is required"), default=False)
    checklist = models.JSONField(
        _("checklist"), default=list, blank=True, help_text=_("Tasks created when a case enters the stage.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["order", "id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        language = (translation.get_language() or "fr")[:2]
        return getattr(self, f"name_{language}", "") or self.name_fr or self.name_en

    @property
    def is_final(self) -> bool:
        return self.kind in (self.Kind.CLOSED, self.Kind.EXIT)


class AdvisorProfile(models.Model):
    """What an advisor knows and how many open cases they can carry: the assignment proposal reads it."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="advisor_profile")
    sectors = models.JSONField(_("sectors of expertise"), default=list, blank=True)
    regions = models.JSONField(_("regions"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(_("open cases at most"), default=25)

    class Meta:
        verbose_name = _("advisor profile")
        verbose_name_plural = _("advisor profiles")

    def __str__(self):
        return str(self.user)


class Case(models.Model):
    project = models.ForeignKey(
        "profiles.Project", on_delete=models.PROTECT, related_name="cases", verbose_name=_("project")
    )
    holder = models.ForeignKey(User, on_delete=models.PROTECT, related_name="cases", verbose_name=_("holder"))
    advisor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advised_cases",
        verbose_name=_("advisor"),
    )
    relay = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relayed_cases",
        verbose_name=_("relay"),
    )
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="cases", verbose_name=_("stage"))
    # Copied from the project and the holder's profile at the request, so the board filters on one table.
    region = models.CharField(_("region of Morocco"), max_length=40, choices=Region.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=SectorChoice.choices, blank=True)
    country = models.CharField(_("country of residence"), max_length=2, blank=True)
    needs = models.JSONField(_("kinds of help needed"), default=list, blank=True)
    needs_text = models.TextField(_("what you need"), blank=True)
    funding_sought = models.PositiveBigIntegerField(_("funding sought (MAD)"), null=True, blank=True)
    funding_secured = models.PositiveBigIntegerField(_("funding secured (MAD)"), null=True, blank=True)
    jobs_planned = models.PositiveIntegerField(_("jobs planned"), null=True, blank=True)
    jobs_created = models.PositiveIntegerField(_("jobs created at launch"), null=True, blank=True)
    investment = models.PositiveBigIntegerField(_("investment at launch (MAD)"), null=True, blank=True)
    next_step = models.CharField(_("next step"), max_length=200, blank=True)
    next_step_on = models.DateField(_("date of the next step"), null=True, blank=True)
    conversation = models.OneToOneField(
        "messaging.Conversation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    stage_entered_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)  # service level of the current stage
    first_answer_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every write under the row lock: a form posted from an older page is refused.
    version = models.PositiveIntegerField(default=1)

    satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)
    survey_comment = models.TextField(blank=True)
    survey_at = models.DateTimeField(null=True, blank=True)
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    launched = models.BooleanField(null=True, blank=True)
    followup_answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["stage", "created_at"], name="case_stage_created_idx"),
            models.Index(fields=["created_at", "id"], name="case_created_idx"),  # the list, newest first
            models.Index(fields=["advisor", "stage"], name="case_advisor_stage_idx"),
            models.Index(fields=["relay", "stage"], name="case_relay_stage_idx"),
            models.Index(fields=["country", "stage"], name="case_country_stage_idx"),
            models.Index(fields=["region", "stage"], name="case_region_stage_idx"),
            models.Index(fields=["sector", "stage"], name="case_sector_stage_idx"),
            models.Index(fields=["due_at"], name="case_due_idx"),
            models.Index(fields=["closed_at"], name="case_closed_idx"),
            # The funnel's outcomes: grouped in index order, read from the index only, for any period.
            models.Index(
                fields=["region", "sector", "country", "stage", "created_at"], name="case_outcome_idx"
            ),
            # The funnel's cases now and overdue per stage, read from the index only, for any period.
            models.Index(fields=["stage", "closed_at", "due_at", "created_at"], name="case_stage_open_idx"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.project}"

    @property
    def reference(self) -> str:
        return f"A-{self.pk:05d}"

    def need_labels(self):
        return [Contribution(v).label for v in self.needs if v in Contribution.values]

    def is_overdue(self, now=None) -> bool:
        return bool(self.due_at and self.due_at < (now or timezone.now()) and not self.stage.is_final)


class RequestDraft(models.Model):
    """A holder's request between the steps of the form: saved at each step, turned into a case at the end."""

    holder = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey("profiles.Project", on_delete=models.CASCADE, related_name="+")
    step = models.PositiveSmallIntegerField(default=1)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("request draft")
        verbose_name_plural = _("request drafts")
        constraints = [models.UniqueConstraint(fields=["holder", "project"], name="one_draft_per_project")]

    def __str__(self):
        return f"{self.holder} / {self.project}"


class TimelineEntry(AppendOnlyModel):
    class Kind(models.TextChoices):
        CREATED = "created", _("Request received")
        TRANSITION = "transition", _("Stage changed")
        ASSIGNMENT = "assignment", _("Assigned")
        REASSIGNMENT = "reassignment", _("Reassigned")
        REFERRAL = "referral", _("Referred")
        REFERRAL_ANSWER = "referral-answer", _("Referral answered")
        DOCUMENT = "document", _("Document")
        SURVEY = "survey", _("Closure survey")
        FOLLOWUP = "followup", _("Launch follow-up")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    from_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reason = models.TextField(_("why"), blank=True)
    # For transitions: seconds spent in from_stage, whether its service level was missed, and whether
    # to_stage is reached for the first time (the funnel counts each case once per stage).
    seconds_in_stage = models.PositiveBigIntegerField(null=True, blank=True)
    breached = models.BooleanField(default=False)
    first_visit = models.BooleanField(default=False)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["at", "id"]
        indexes = [
            # The funnel reads these columns only from the indexes (covering), for any period.
            models.Index(fields=["case", "at"], name="timeline_case_at_idx"),
            models.Index(
                fields=["kind", "from_stage", "to_stage", "first_visit", "breached", "at"],
                name="timeline_funnel_idx",
            ),
            models.Index(
                fields=["kind", "from_stage", "seconds_in_stage", "at"], name="timeline_duration_idx"
            ),
        ]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d}"


class StaffNote(models.Model):
    """Internal: staff in charge of the case only. Never rendered on a holder's page."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="staff_notes")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("note"))
    handover = models.BooleanField(_("hand-over note"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.case_id}: {self.body[:40]}"


class Task(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    stage = models.ForeignKey(Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due_on", "id"]
        indexes = [models.Index(fields=["done_at", "due_on"], name="task_open_due_idx")]

    def __str__(self):
        return self.title


class Referral(models.Model):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Programme")
        MENTOR = "mentor", _("Mentor")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        NO_ANSWER = "no-answer", _("No answer")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    programme = models.ForeignKey(
        "cms.ProgrammePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme"),
    )
    mentor = models.ForeignKey(
        "profiles.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mentor"),
    )
    note = models.TextField(_("message to the holder"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    outcome_note = models.TextField(_("answer"), blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.case_id} → {self.target_name}"

    @property
    def target_name(self) -> str:
        if self.kind == self.Kind.PROGRAMME:
            return self.programme.title if self.programme else ""
        return self.mentor.display_name if self.mentor else ""


class Document(models.Model):
    class Kind(models.TextChoices):
        BUSINESS_PLAN = "business-plan", _("Business plan")
        STATUTES = "statutes", _("Statutes")
        FINANCIAL = "financial", _("Financial statements")
        IDENTITY = "identity", _("Identity document")
        OTHER = "other", _("Other document")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    requested_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "kind"], name="one_document_per_kind")]

    def __str__(self):
        return f"{self.case_id} {self.kind}"

    @property
    def latest(self):
        versions = list(self.versions.all())
        return versions[-1] if versions else None


def _document_path(instance, filename):
    return f"accompaniment/{uuid.uuid4().hex}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    file = models.FileField(storage=private_storage, upload_to=_document_path, max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_number_per_version")]

    def __str__(self):
        return f"{self.filename} v{self.number}"
