from django.contrib import admin

from .models import SegmentExport
from .permissions import may_read_export_log


@admin.register(SegmentExport)
class SegmentExportAdmin(admin.ModelAdmin):
    """The export log, read-only: administrators audit who took which segment."""

    list_display = ["exported_at", "exported_by", "segment_name", "kind", "row_count"]
    list_filter = ["kind"]
    date_hierarchy = "exported_at"

    def has_view_permission(self, request, obj=None):
        return may_read_export_log(request.user)

    def has_module_permission(self, request):
        return may_read_export_log(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
