"""Meetups: an event (possibly recurring), its occurrences, RSVPs and each member's event settings.

Titles and descriptions are stored per language (fr, ar, en) on the event itself, with the language
the organiser wrote in as the fallback: an event is short, written once by its organiser, and never
goes through the CMS translation workflow, so three fields read faster and migrate more simply than
a translation table.

Recurrence rules (django-recurrence) are evaluated in the event's own time zone, on local wall
time: "every Tuesday at 19:00 in Paris" stays at 19:00 across daylight-saving changes.
"""

import secrets
import uuid
from zoneinfo import ZoneInfo, available_timezones

from recurrence.fields import RecurrenceField

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.sectors import SectorChoice

LANGUAGE_CHOICES = [("fr", _("French")), ("ar", _("Arabic")), ("en", _("English"))]


def time_zone_choices():
    return [
        (name, name) for name in sorted(available_timezones()) if "/" in name and not name.startswith("Etc/")
    ]


class Event(models.Model):
    class OrganiserKind(models.TextChoices):
        PLATFORM = "platform", _("The platform")
        GROUP = "group", _("A group")
        RELAY = "relay", _("A relay (consulate or partner body)")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Signed-in members")
        GROUP = "group", _("Members of the group")
        SPACE = "space", _("Members admitted to the gated space")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organiser_kind = models.CharField(_("organised by"), max_length=10, choices=OrganiserKind.choices)
    group = models.ForeignKey(
        "community_groups.CommunityGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("group"),
    )
    relay = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="relay_events",
        verbose_name=_("relay"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    original_language = models.CharField(
        _("language the event is written in"), max_length=2, choices=LANGUAGE_CHOICES, default="fr"
    )
    title_fr = models.CharField(_("title (French)"), max_length=160, blank=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=160, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True, max_length=10000)
    description_ar = models.TextField(_("description (Arabic)"), blank=True, max_length=10000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=10000)
    theme = models.CharField(_("theme"), max_length=20, choices=SectorChoice.choices, blank=True)

    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=160, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    country = models.CharField(_("country code"), max_length=2, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to members who are going.")
    )

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Paris")
    recurrence = RecurrenceField(_("repeats"), blank=True, null=True)

    visibility = models.CharField(
        _("who may see it"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    space = models.ForeignKey(
        "spaces.Space",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("gated space"),
    )
    capacity = models.PositiveIntegerField(
        _("places per session"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    rsvp_closes_hours = models.PositiveIntegerField(_("answers close (hours before the start)"), default=0)
    # The questions as the organiser wrote them: answers are stored under these texts. The per-language
    # lists are optional translations, in the same order; a missing one shows the question as written.
    questions = models.JSONField(_("registration questions"), default=list, blank=True)
    questions_fr = models.JSONField(_("registration questions (French)"), default=list, blank=True)
    questions_ar = models.JSONField(_("registration questions (Arabic)"), default=list, blank=True)
    questions_en = models.JSONField(_("registration questions (English)"), default=list, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    # Any save (services, admin) moves it: it stamps DTSTAMP and keys the cached calendar components.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]
        indexes = [
            models.Index(fields=["status", "start"]),
            models.Index(fields=["visibility", "start"]),
            models.Index(fields=["country", "city"]),
        ]

    def __str__(self):
        return self.title

    def _translated(self, field):
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(
            self, f"{field}_{self.original_language}", ""
        )

    @property
    def title(self):
        return self._translated("title") or self.title_fr or self.title_en or self.title_ar

    @property
    def description(self):
        return self._translated("description")

    @property
    def local_questions(self):
        """(question as written, question in the reader's language) for each registration question."""
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        translated = getattr(self, f"questions_{language}", None) or []
        return [
            (question, (translated[index] if index < len(translated) else "") or question)
            for index, question in enumerate(self.questions)
        ]

    @property
    def tz(self):
        return ZoneInfo(self.time_zone)

    @property
    def duration(self):
        return self.end - self.start

    @property
    def is_recurring(self):
        return bool(self.recurrence and self.recurrence.rrules)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def has_venue(self):
        return self.mode in (self.Mode.IN_PERSON, self.Mode.HYBRID)

    @property
    def has_link(self):
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID) and bool(self.online_url)

    @property
    def ical_uid(self):
        return f"{self.uid}@kafaat"


class Occurrence(models.Model):
    """One session of an event, created when someone answers or an organiser changes it.

    ``original_start`` is where the rule put the session (the RECURRENCE-ID in feeds); ``start`` and
    ``end`` are where it really happens once moved.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    original_start = models.DateTimeField()
    start = models.DateTimeField()
    end = models.DateTimeField()
    moved = models.BooleanField(default=False)
    cancelled = models.BooleanField(default=False)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["event", "original_start"], name="one_occurrence_per_start")
        ]
        indexes = [models.Index(fields=["start"])]

    def __str__(self):
        return f"{self.event} — {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_overridden(self):
        return self.moved or self.cancelled


class CalendarEntry(models.Model):
    """An event's VEVENTs as written in one language, so that a feed is assembled, not rewritten.

    ``key`` names the state they were written from (UID, SEQUENCE, updated_at, overridden sessions):
    an entry whose key no longer matches is stale and is written again. Entries never hold an online
    link, which only a going attendee's own file carries.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="calendar_entries")
    language = models.CharField(max_length=8)
    key = models.CharField(max_length=200)
    data = models.BinaryField()

    class Meta:
        verbose_name = _("calendar entry")
        verbose_name_plural = _("calendar entries")
        constraints = [
            models.UniqueConstraint(fields=["event", "language"], name="one_calendar_entry_per_language")
        ]

    def __str__(self):
        return f"{self.event_id} ({self.language})"


class RSVP(models.Model):
    """A member's answer for one session. Going counts against capacity; beyond it, the waitlist."""

    class Status(models.TextChoices):
        GOING = "going", _("Going")
        WAITLISTED = "waitlisted", _("On the waiting list")
        INTERESTED = "interested", _("Interested")
        NOT_GOING = "not_going", _("Not going")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_rsvps")
    status = models.CharField(_("answer"), max_length=12, choices=Status.choices)
    answers = models.JSONField(_("answers to the questions"), default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    reminded_24h_at = models.DateTimeField(null=True, blank=True)
    reminded_1h_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["occurrence", "user"], name="one_rsvp_per_session")]
        indexes = [models.Index(fields=["occurrence", "status"])]

    def __str__(self):
        return f"{self.user} — {self.occurrence}: {self.status}"


def _new_token():
    return secrets.token_urlsafe(32)


class MemberEventSettings(models.Model):
    """Time zone, reminders and the secret address of the member's personal calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_settings"
    )
    time_zone = models.CharField(_("your time zone"), max_length=64, blank=True)
    remind_24h = models.BooleanField(_("remind me 24 hours before"), default=True)
    remind_1h = models.BooleanField(_("remind me 1 hour before"), default=True)
    feed_token = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("event settings")
        verbose_name_plural = _("event settings")

    def __str__(self):
        return str(self.user)
