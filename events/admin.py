from django.contrib import admin

from .models import RSVP, Event, Occurrence


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "organiser_kind", "start", "time_zone", "visibility", "status"]
    list_filter = ["organiser_kind", "visibility", "status", "mode"]
    search_fields = ["title_fr", "title_ar", "title_en"]


@admin.register(Occurrence)
class OccurrenceAdmin(admin.ModelAdmin):
    list_display = ["event", "original_start", "start", "moved", "cancelled"]


@admin.register(RSVP)
class RSVPAdmin(admin.ModelAdmin):
    list_display = ["user", "occurrence", "status", "waitlisted_at", "checked_in_at"]
    list_filter = ["status"]
