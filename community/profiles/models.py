"""Member profiles (competence and project-holder sides), their projects, and relay coverage."""

import uuid

from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices_lazy
from core.languages import LanguageChoice
from core.sectors import SectorChoice

from .choices import Availability, Contribution, FundingBand, Region, Stage, Visibility

# Groups of fields a member shows or hides together, and who sees each by default (protective).
FIELD_GROUPS = {
    "name": _("Display name and name in Arabic script"),
    "photo": _("Photo"),
    "about": _("Headline and biography"),
    "skills": _("Skills, sectors and ways to contribute"),
    "career": _("Education and experience"),
    "languages": _("Languages spoken"),
    "country": _("Country of residence"),
    "origin": _("Region of origin"),
    "city": _("City of residence"),
    "links": _("Links"),
    "contact": _("Email address"),
}
VISIBILITY_DEFAULTS = {
    "name": Visibility.MEMBERS,
    "photo": Visibility.MEMBERS,
    "about": Visibility.MEMBERS,
    "skills": Visibility.MEMBERS,
    "career": Visibility.MEMBERS,
    "languages": Visibility.MEMBERS,
    "country": Visibility.MEMBERS,
    "origin": Visibility.MEMBERS,
    "city": Visibility.STAFF,
    "links": Visibility.STAFF,
    "contact": Visibility.STAFF,
}


def _labels(choices, values):
    return [choices(value).label for value in values if value in choices.values]


def _photo_path(instance, filename):
    return f"profiles/photos/{uuid.uuid4().hex}.jpg"


def _visibility_field(group):
    return models.PositiveSmallIntegerField(
        FIELD_GROUPS[group], choices=Visibility.choices, default=VISIBILITY_DEFAULTS[group]
    )


class TaggedSkill(TaggedItemBase):
    content_object = models.ForeignKey("Profile", on_delete=models.CASCADE, related_name="tagged_skills")

    class Meta:
        verbose_name = _("skill of a member")
        verbose_name_plural = _("skills of members")


class TaggedNeededSkill(TaggedItemBase):
    content_object = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="tagged_skills")

    class Meta:
        verbose_name = _("skill a project needs")
        verbose_name_plural = _("skills projects need")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")

    # Both sides
    display_name = models.CharField(_("display name"), max_length=120)
    # Set by moderation: a hidden profile is listed nowhere and shown only to its owner and staff.
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    name_arabic = models.CharField(_("name in Arabic script"), max_length=120, blank=True)
    country = models.CharField(
        _("country of residence"), max_length=2, choices=country_choices_lazy, blank=True
    )
    city = models.CharField(_("city of residence"), max_length=120, blank=True)
    region_of_origin = models.CharField(
        _("region of origin"), max_length=40, choices=Region.choices, blank=True
    )
    photo = models.FileField(_("photo"), upload_to=_photo_path, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)

    # Competence side
    headline = models.CharField(_("headline"), max_length=160, blank=True)
    bio = models.TextField(_("biography"), blank=True, max_length=5000)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    skills = TaggableManager(_("skills"), through=TaggedSkill, blank=True, related_name="profiles")
    years_experience = models.PositiveSmallIntegerField(_("years of experience"), null=True, blank=True)
    education = models.TextField(_("education"), blank=True, max_length=5000)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    contributions = models.JSONField(_("ways to contribute"), default=list, blank=True)
    availability = models.CharField(
        _("availability"), max_length=16, choices=Availability.choices, blank=True
    )

    # Who sees what
    vis_name = _visibility_field("name")
    vis_photo = _visibility_field("photo")
    vis_about = _visibility_field("about")
    vis_skills = _visibility_field("skills")
    vis_career = _visibility_field("career")
    vis_languages = _visibility_field("languages")
    vis_country = _visibility_field("country")
    vis_origin = _visibility_field("origin")
    vis_city = _visibility_field("city")
    vis_links = _visibility_field("links")
    vis_contact = _visibility_field("contact")

    # Denormalised for the directory (kept by services.profile_denormalise): folded text and |a|b| keys
    search_name = models.CharField(max_length=255, blank=True, editable=False)
    search_about = models.TextField(blank=True, editable=False)
    search_skills = models.TextField(blank=True, editable=False)
    sectors_key = models.CharField(max_length=255, blank=True, editable=False)
    languages_key = models.CharField(max_length=120, blank=True, editable=False)
    contributions_key = models.CharField(max_length=120, blank=True, editable=False)
    city_key = models.CharField(max_length=120, blank=True, editable=False)
    skills_key = models.TextField(blank=True, editable=False)  # |slug|slug| of the skills

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        indexes = [
            models.Index(fields=["country", "search_name", "id"], name="profile_country_name_idx"),
            # The dashboard's new members per week and per period read a range of dates.
            models.Index(fields=["created_at"], name="profile_created_idx"),
            # The directory's usual filters read only index columns, so rows are fetched for matches only.
            models.Index(
                fields=[
                    "country",
                    "languages_key",
                    "skills_key",
                    "vis_name",
                    "vis_country",
                    "vis_languages",
                    "vis_skills",
                ],
                name="profile_directory_idx",
            ),
            models.Index(fields=["search_name", "id"], name="profile_name_idx"),
            models.Index(fields=["region_of_origin"], name="profile_origin_idx"),
            models.Index(fields=["city_key"], name="profile_city_idx"),
        ]

    def __str__(self):
        return self.display_name

    def visibility(self, group) -> int:
        return getattr(self, f"vis_{group}")

    def sector_labels(self):
        return _labels(SectorChoice, self.sectors)

    def language_labels(self):
        return _labels(LanguageChoice, self.languages)

    def contribution_labels(self):
        return _labels(Contribution, self.contributions)


class Project(models.Model):
    owner = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"), max_length=5000)
    sector = models.CharField(_("sector"), max_length=20, choices=SectorChoice.choices)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    region = models.CharField(_("region of Morocco"), max_length=40, choices=Region.choices)
    funding_need = models.CharField(_("funding need"), max_length=10, choices=FundingBand.choices, blank=True)
    skills_needed = TaggableManager(
        _("skills needed"), through=TaggedNeededSkill, blank=True, related_name="projects"
    )
    help_needed = models.JSONField(_("kinds of help needed"), default=list, blank=True)
    visibility = models.PositiveSmallIntegerField(
        _("who can see this project"), choices=Visibility.choices, default=Visibility.MEMBERS
    )

    search_text = models.TextField(blank=True, editable=False)
    help_key = models.CharField(max_length=120, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["stage", "sector"], name="project_stage_sector_idx")]

    def __str__(self):
        return self.title

    def help_labels(self):
        return _labels(Contribution, self.help_needed)


class RelayChannel(models.TextChoices):
    """How a relay wants members to reach them (shown with matching's relay suggestions)."""

    MESSAGE = "message", _("A message on Kafaat")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Telephone")
    WEBSITE = "website", _("Website")


class RelayCoverage(models.Model):
    """The countries a relay (consulate or partner staff) follows."""

    relay = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="relay_coverage",
        verbose_name=_("relay"),
    )
    countries = models.JSONField(_("countries covered"), default=list)
    body = models.CharField(
        _("body"),
        max_length=160,
        blank=True,
        help_text=_("The consulate or partner organisation the relay works for."),
    )
    contact_channel = models.CharField(
        _("contact channel"), max_length=10, choices=RelayChannel.choices, default=RelayChannel.MESSAGE
    )
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("The address, number or page for that channel.")
    )

    class Meta:
        verbose_name = _("relay coverage")
        verbose_name_plural = _("relay coverages")

    def __str__(self):
        return f"{self.relay}: {', '.join(self.countries)}"
