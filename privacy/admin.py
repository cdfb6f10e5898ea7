from django.contrib import admin

from .models import ConsentRecord, NoticeAcceptance, PrivacyNotice


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(admin.ModelAdmin):
    list_display = ["version", "published_at"]
    search_fields = ["version"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Decisions are evidence: staff may read them, never write or delete them here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ["user", "purpose", "granted", "source", "notice", "created_at"]
    list_filter = ["purpose", "granted", "source"]
    search_fields = ["user__email"]
    list_select_related = ["user", "notice"]


@admin.register(NoticeAcceptance)
class NoticeAcceptanceAdmin(ReadOnlyAdmin):
    list_display = ["user", "notice", "accepted_at"]
    search_fields = ["user__email"]
    list_select_related = ["user", "notice"]
