from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import SkillConceptForm
from .models import SkillConcept
from .permissions import may_manage_taxonomy


class SkillConceptViewSet(SnippetViewSet):
    """Analysts extend the skills taxonomy (the analyst role holds matching.*_skillconcept)."""

    model = SkillConcept
    icon = "list-ul"
    menu_label = _("Skills taxonomy")
    add_to_admin_menu = True
    menu_order = 410
    list_display = ["name_fr", "name_ar", "name_en", "sector", "code"]
    list_filter = ["sector"]
    search_fields = ["code", "name_fr", "name_ar", "name_en"]
    edit_handler = ObjectList(
        [
            FieldPanel("code"),
            FieldPanel("sector"),
            MultiFieldPanel(
                [FieldPanel("name_fr"), FieldPanel("name_ar"), FieldPanel("name_en")], heading=_("Names")
            ),
            FieldPanel("synonyms"),
        ],
        base_form_class=SkillConceptForm,
    )


register_snippet(SkillConceptViewSet)


class _QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_taxonomy(request.user)


@hooks.register("register_admin_menu_item")
def unknown_tags_menu_item():
    return _QueueMenuItem(
        _("Unknown skill tags"), reverse_lazy("matching:taxonomy_queue"), icon_name="help", order=411
    )
