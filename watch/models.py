"""The information watch: sources polled, articles kept, story groups, mentions, links to people, alerts.

People are named by the person directory's id (core.registry), never by a foreign key to another edge
app: a link survives whatever the referential does, and the watch reads the person through the directory.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices_lazy


class Distinction(models.TextChoices):
    """What an article may report about a person; NONE is an incidental mention."""

    NONE = "none", _("Incidental mention")
    AWARD = "award", _("Award or prize")
    APPOINTMENT = "appointment", _("Appointment")
    RESEARCH = "research", _("Research result")
    COMPANY = "company", _("Company founded")
    FUNDING = "funding", _("Funding raised")
    ACHIEVEMENT = "achievement", _("Cultural or sports achievement")


class Source(models.Model):
    class Kind(models.TextChoices):
        RSS = "rss", _("RSS feed")
        ATOM = "atom", _("Atom feed")
        PAGE = "page", _("Web page")
        SITEMAP = "sitemap", _("Sitemap")

    name = models.CharField(_("name"), max_length=160)
    url = models.URLField(_("address"), max_length=500, unique=True)
    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices, default=Kind.RSS)
    language_hint = models.CharField(_("usual language"), max_length=8, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, choices=country_choices_lazy)
    interval_minutes = models.PositiveIntegerField(_("polling interval (minutes)"), default=60)
    trust = models.PositiveSmallIntegerField(_("trust level"), default=3)
    active = models.BooleanField(_("active"), default=True)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("watch source")
        verbose_name_plural = _("watch sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StoryGroup(models.Model):
    """One story, however many outlets republished it; alerts and counts are per story."""

    created_at = models.DateTimeField(default=timezone.now)
    alerted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self):
        return f"story {self.pk}"


class Article(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="articles")
    url = models.URLField(max_length=800, unique=True)
    canonical_url = models.URLField(max_length=800, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    minhash = models.BinaryField(null=True, blank=True)
    story = models.ForeignKey(
        StoryGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return self.title or self.url


class Mention(models.Model):
    """A person's full name as written in the article body, with the paragraph around it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    surface = models.CharField(max_length=200)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    paragraph = models.TextField()
    paragraph_start = models.PositiveIntegerField(default=0)
    form = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["article_id", "start"]

    def __str__(self):
        return self.surface


class Link(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("To validate")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        RELINKED = "relinked", _("Linked to another person")
        NEW_PERSON = "new_person", _("New person")

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="links")
    person_id = models.CharField(max_length=24, db_index=True)
    person_name = models.CharField(max_length=240, blank=True)
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    distinction = models.CharField(max_length=12, choices=Distinction.choices, default=Distinction.NONE)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["mention", "person_id"], name="watch_link_once")]

    def __str__(self):
        return f"{self.mention_id} → {self.person_id}"


class Candidate(models.Model):
    """Someone with a distinction and diaspora cues whom the directory does not know yet."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ADDED = "added", _("Added to the referential")
        DISMISSED = "dismissed", _("Dismissed")

    mention = models.OneToOneField(Mention, on_delete=models.CASCADE, related_name="candidate")
    name = models.CharField(max_length=200)
    cues = models.JSONField(default=list)
    distinction = models.CharField(max_length=12, choices=Distinction.choices, default=Distinction.NONE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    person_id = models.CharField(max_length=24, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.name


class Subscription(models.Model):
    class Mode(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately")
        DIGEST = "digest", _("Daily digest")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watch_subscriptions"
    )
    countries = models.JSONField(_("countries"), default=list, blank=True)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    people = models.JSONField(_("people"), default=list, blank=True)
    distinctions = models.JSONField(_("distinction types"), default=list, blank=True)
    mode = models.CharField(_("delivery"), max_length=10, choices=Mode.choices, default=Mode.IMMEDIATE)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user_id}: {self.mode}"


class Alert(models.Model):
    """One story told to one subscriber once, whichever copy or link triggered it."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="alerts")
    story = models.ForeignKey(StoryGroup, on_delete=models.CASCADE, related_name="alerts")
    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="alerts")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "story"], name="watch_alert_once_per_story")
        ]

    def __str__(self):
        return f"{self.subscription_id} / {self.story_id}"
