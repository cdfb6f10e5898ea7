"""Skills taxonomy, the features matching computes per profile and project, and members' decisions."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.sectors import SectorChoice


class SkillConcept(models.Model):
    """One skill, whatever the language it is written in: names in fr/ar/en and synonyms."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=SectorChoice.choices)
    name_fr = models.CharField(_("name in French"), max_length=120)
    name_ar = models.CharField(_("name in Arabic"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    synonyms = models.JSONField(
        _("synonyms"),
        default=list,
        blank=True,
        help_text=_("Other ways members write this skill, in any language."),
    )
    # Set by matching.tasks.concept_embed: float16 bytes of the multilingual embedding of the names.
    vector = models.BinaryField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["sector", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"name_{language}", "") or self.name_en

    def spellings(self) -> list[str]:
        return [self.name_fr, self.name_ar, self.name_en, *self.synonyms]


class Features(models.Model):
    """What matching derived from a profile or project: taxonomy concepts and the text embedding."""

    concepts = models.JSONField(default=list, blank=True)  # SkillConcept codes
    unknown_tags = models.JSONField(default=list, blank=True)  # tags no concept matched
    # Every tag as typed with the concepts it names: [[tag, [codes]], ...] (a project's listed needs).
    needs = models.JSONField(default=list, blank=True)
    text_concepts = models.JSONField(default=list, blank=True)  # concepts named in the free text
    language = models.CharField(max_length=8, blank=True)  # of the text (fr, ar, en), for centring
    text_hash = models.CharField(max_length=64, blank=True)  # of the text last embedded
    vector = models.BinaryField(null=True, blank=True)  # float16 bytes, L2-normalised
    # float16 rows: the unknown tags (in order) embedded, to compare them with the other side's texts.
    need_vectors = models.BinaryField(null=True, blank=True)
    needs_hash = models.CharField(max_length=64, blank=True)  # of the unknown tags last embedded
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ProfileFeatures(Features):
    profile = models.OneToOneField(
        "profiles.Profile", on_delete=models.CASCADE, related_name="matching_features"
    )

    class Meta:
        verbose_name = _("matching features of a profile")
        verbose_name_plural = _("matching features of profiles")

    def __str__(self):
        return f"features of profile {self.profile_id}"


class ProjectFeatures(Features):
    project = models.OneToOneField(
        "profiles.Project", on_delete=models.CASCADE, related_name="matching_features"
    )

    class Meta:
        verbose_name = _("matching features of a project")
        verbose_name_plural = _("matching features of projects")

    def __str__(self):
        return f"features of project {self.project_id}"


class Side(models.TextChoices):
    HOLDER = "holder", _("Project holder")
    COMPETENCE = "competence", _("Competence")


class Verdict(models.TextChoices):
    ACCEPT = "accept", _("Accepted")
    DECLINE = "decline", _("Declined")


class MatchDecision(models.Model):
    """One side's answer to a suggested pair (project, competence), kept with the score it was shown."""

    project = models.ForeignKey("profiles.Project", on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey("profiles.Profile", on_delete=models.CASCADE, related_name="+")
    side = models.CharField(_("side"), max_length=12, choices=Side.choices)
    verdict = models.CharField(_("decision"), max_length=8, choices=Verdict.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    score = models.FloatField(_("score at the time"))
    reasons = models.JSONField(_("reasons at the time"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("matching decision")
        verbose_name_plural = _("matching decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "profile", "side"], name="match_decision_once_per_side"
            )
        ]
        indexes = [models.Index(fields=["profile", "verdict"]), models.Index(fields=["project", "verdict"])]

    def __str__(self):
        return f"{self.side} {self.verdict}: project {self.project_id} / profile {self.profile_id}"


class Introduction(models.Model):
    """Both sides accepted: they were introduced (a conversation, or notifications to both)."""

    project = models.ForeignKey("profiles.Project", on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey("profiles.Profile", on_delete=models.CASCADE, related_name="+")
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [models.UniqueConstraint(fields=["project", "profile"], name="introduction_once")]

    def __str__(self):
        return f"introduction: project {self.project_id} / profile {self.profile_id}"
