"""What the API shows. Member serializers name only the member's own fields: no other member's data."""

from rest_framework import serializers

from django.urls import reverse

from community.notifications.models import Notification
from community.profiles.models import Profile, Project


class ErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.JSONField())


class PageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    language = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)

    def get_language(self, page) -> str:
        return page.locale.language_code

    def get_url(self, page) -> str:
        request = self.context.get("request")
        return page.get_full_url(request) or ""


class ProgrammeSerializer(PageSerializer):
    summary = serializers.CharField()
    partner_name = serializers.CharField()
    partner_url = serializers.CharField()
    sectors = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()

    def get_sectors(self, page) -> list[str]:
        return sorted(tag.slug for tag in page.sector_tags.all())

    def get_countries(self, page) -> list[str]:
        return sorted(tag.name for tag in page.country_tags.all())


class ServiceSerializer(PageSerializer):
    summary = serializers.CharField()


class NewsSerializer(PageSerializer):
    date = serializers.DateField()
    intro = serializers.CharField()


class SessionSerializer(serializers.Serializer):
    """One upcoming session of a public event (``events.occurrences.Session``)."""

    event_id = serializers.IntegerField(source="event.id")
    key = serializers.CharField()
    title = serializers.CharField(source="event.title")
    description = serializers.CharField(source="event.description")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    cancelled = serializers.BooleanField()
    mode = serializers.CharField(source="event.mode")
    city = serializers.CharField(source="event.city")
    country = serializers.CharField(source="event.country")
    theme = serializers.CharField(source="event.theme")
    url = serializers.SerializerMethodField()
    ical_url = serializers.SerializerMethodField()

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def get_url(self, session) -> str:
        return self._absolute(reverse("events:session", args=[session.event.id, session.key]))

    def get_ical_url(self, session) -> str:
        return self._absolute(reverse("events:ics", args=[session.event.id]))


class ProfileSerializer(serializers.ModelSerializer):
    skills = serializers.SerializerMethodField()

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "name_arabic",
            "country",
            "city",
            "region_of_origin",
            "headline",
            "bio",
            "sectors",
            "skills",
            "years_experience",
            "education",
            "languages",
            "contributions",
            "availability",
        ]

    def get_skills(self, profile) -> list[str]:
        return sorted(tag.name for tag in profile.skills.all())


class ProjectSerializer(serializers.ModelSerializer):
    skills_needed = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "summary",
            "sector",
            "stage",
            "region",
            "funding_need",
            "skills_needed",
            "help_needed",
            "visibility",
            "created_at",
            "updated_at",
        ]

    def get_skills_needed(self, project) -> list[str]:
        return sorted(tag.name for tag in project.skills_needed.all())


class RSVPSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="rsvp.id")
    status = serializers.CharField(source="rsvp.status")
    session = SessionSerializer()


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "kind", "subject", "body", "url", "created_at", "read_at"]


class ConversationSerializer(serializers.Serializer):
    """One of the member's conversations as their inbox lists it: never a message."""

    id = serializers.IntegerField(source="conversation.id")
    kind = serializers.ChoiceField(source="conversation.kind", choices=["direct", "multi", "group", "space"])
    title = serializers.CharField()
    last_message_at = serializers.DateTimeField(source="conversation.last_message_at", allow_null=True)
    unread = serializers.IntegerField(min_value=0)
    url = serializers.SerializerMethodField()

    def get_url(self, row) -> str:
        path = row["conversation"].get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


# Staff: each field named, so that nothing an app adds to its models is published by accident.


class ImportBatchSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    source_id = serializers.IntegerField()
    source_name = serializers.CharField(source="source.name")
    original_filename = serializers.CharField()
    status = serializers.CharField()
    total_rows = serializers.IntegerField()
    accepted_rows = serializers.IntegerField()
    rejected_rows = serializers.IntegerField()
    duplicate_rows = serializers.IntegerField()
    warning_rows = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class SourceRecordSerializer(serializers.Serializer):
    """One row of ``referential.selectors.source_records_rows`` (a dict of RECORD_COLUMNS)."""

    id = serializers.IntegerField()
    source_id = serializers.IntegerField()
    batch_id = serializers.IntegerField()
    row_number = serializers.IntegerField()
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    name_arabic = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    email = serializers.CharField()
    phone = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField()
    imported_at = serializers.DateTimeField()
    source_trust = serializers.IntegerField()
    external_id = serializers.CharField(help_text="The record's own id in its source.")
    birth_date_precision = serializers.CharField(
        help_text='"day", "month" or "year": a year-only date is stored as 1 January of that year.'
    )
    warnings = serializers.SerializerMethodField(help_text="Codes of the import's warnings on this row.")
    golden_record_id = serializers.IntegerField(
        allow_null=True, help_text="The golden record linkage put it in; null before a run."
    )

    def get_warnings(self, row) -> list[str]:
        return (row["warning_codes"] or "").split()


class GoldenRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = serializers.CharField()
    email = serializers.CharField()
    fields = serializers.DictField(child=serializers.JSONField())
    record_count = serializers.IntegerField()
    claimed = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_claimed(self, golden) -> bool:
        return golden.claimed_by_id is not None


class SegmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    filters = serializers.DictField(child=serializers.JSONField())
    owner_id = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
    refreshed_at = serializers.DateTimeField(allow_null=True)
    member_count = serializers.IntegerField(allow_null=True)


class CaseSerializer(serializers.Serializer):
    """A case as the board shows it; no internal note, no conversation, no document."""

    id = serializers.IntegerField()
    project_id = serializers.IntegerField()
    holder_id = serializers.IntegerField()
    advisor_id = serializers.IntegerField(allow_null=True)
    relay_id = serializers.IntegerField(allow_null=True)
    stage = serializers.CharField(source="stage.key")
    region = serializers.CharField()
    sector = serializers.CharField()
    country = serializers.CharField()
    needs = serializers.ListField(child=serializers.CharField())
    funding_sought = serializers.IntegerField(allow_null=True)
    funding_secured = serializers.IntegerField(allow_null=True)
    next_step = serializers.CharField()
    next_step_on = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    stage_entered_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)


class WatchItemSerializer(serializers.Serializer):
    """A link between a press mention and a person of the directory (``watch.selectors.queue``)."""

    id = serializers.IntegerField()
    person_id = serializers.CharField()
    person_name = serializers.CharField()
    score = serializers.FloatField()
    distinction = serializers.CharField()
    status = serializers.CharField()
    surface = serializers.CharField(source="mention.surface")
    article_title = serializers.CharField(source="mention.article.title")
    article_url = serializers.CharField(source="mention.article.url")
    published_at = serializers.DateTimeField(source="mention.article.published_at", allow_null=True)
    source_name = serializers.CharField(source="mention.article.source.name")
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)
