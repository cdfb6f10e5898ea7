from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Label


class LabelViewSet(SnippetViewSet):
    """Moderators define labels (the moderator role holds labels.add/change/view_label)."""

    model = Label
    icon = "tag"
    menu_label = _("Labels")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name", "slug", "badge", "validity_days", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en"]
    panels = [
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("name_fr"), FieldPanel("description_fr"), FieldPanel("evidence_fr")],
            heading=_("French"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_ar"), FieldPanel("description_ar"), FieldPanel("evidence_ar")],
            heading=_("Arabic"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("description_en"), FieldPanel("evidence_en")],
            heading=_("English"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("badge"),
                FieldPanel("badge_colour"),
                FieldPanel("validity_days"),
                FieldPanel("is_active"),
            ],
            heading=_("Badge and validity"),
        ),
    ]


register_snippet(LabelViewSet)
