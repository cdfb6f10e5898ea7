"""Campaigns are written in the Wagtail admin: a snippet with one message per language and a preview per
language and device width. Sending, approval and results live on the staff pages (outreach:detail)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms_admin import CampaignAdminForm
from .models import Campaign, CampaignSeries

LOCKED = (Campaign.Status.SCHEDULED, Campaign.Status.SENDING, Campaign.Status.SENT, Campaign.Status.CANCELLED)


class StaffPageColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse("outreach:detail", args=[instance.pk]), _("Audience and sending")
        )


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "mail"
    menu_label = gettext_lazy("Campaigns")
    add_to_admin_menu = True
    menu_order = 420
    list_display = ["name", "status", "purpose", StaffPageColumn("sending", label=gettext_lazy("Sending"))]
    list_filter = ["status", "purpose"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            MultiFieldPanel(
                [FieldPanel("purpose"), FieldPanel("series"), FieldPanel("fallback_language")],
                heading=gettext_lazy("Purpose and languages"),
            ),
            InlinePanel("messages", min_num=1, max_num=3, label=gettext_lazy("Message in one language")),
            MultiFieldPanel(
                [
                    FieldPanel("send_email"),
                    FieldPanel("send_in_app"),
                    FieldPanel("track_clicks_members"),
                    FieldPanel("track_clicks_contacts"),
                    FieldPanel("conversion_window_days"),
                ],
                heading=gettext_lazy("Channels and measures"),
            ),
        ],
        base_form_class=CampaignAdminForm,
    )


class CampaignSeriesViewSet(SnippetViewSet):
    model = CampaignSeries
    icon = "list-ul"
    menu_label = gettext_lazy("Campaign series")
    add_to_settings_menu = False
    add_to_admin_menu = False
    panels = [FieldPanel("name")]


register_snippet(CampaignViewSet)
register_snippet(CampaignSeriesViewSet)


@hooks.register("after_create_snippet")
def _remember_writer(request, instance):
    if isinstance(instance, Campaign):
        Campaign.objects.filter(pk=instance.pk).update(created_by=request.user, updated_by=request.user)


@hooks.register("after_edit_snippet")
def _remember_editor(request, instance):
    if isinstance(instance, Campaign):
        # Edited after submission or approval: back to draft, to be approved again.
        Campaign.objects.filter(pk=instance.pk).update(updated_by=request.user)
        Campaign.objects.filter(
            pk=instance.pk, status__in=(Campaign.Status.PENDING, Campaign.Status.APPROVED)
        ).update(status=Campaign.Status.DRAFT)


@hooks.register("before_edit_snippet")
def _refuse_changes_once_sent(request, instance):
    if isinstance(instance, Campaign) and instance.status in LOCKED and request.method == "POST":
        messages.error(request, _("A campaign that is scheduled, sending or over can no longer be changed."))
        return redirect(reverse("outreach:detail", args=[instance.pk]))
    return None
