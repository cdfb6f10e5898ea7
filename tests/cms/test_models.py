"""Country and sector codes, and the admin form that keeps country tags to ISO codes."""

from django.utils import translation

from cms.forms import ProgrammePageForm
from cms.models import ProgrammePage
from cms.taxonomy import country_name, sector_name


def test_country_codes_are_shown_by_name_in_the_active_language():
    with translation.override("en"):
        assert str(country_name("fr")) == "France"
        assert str(country_name("NL")) == "Netherlands"
    assert country_name("ZZ") == "ZZ"


def test_unknown_sector_slugs_show_the_tag_as_typed():
    with translation.override("en"):
        assert str(sector_name("renewable-energy")) == "Renewable energy"
    assert sector_name("aquaculture", "Aquaculture") == "Aquaculture"


def _form(parent, **data):
    form_class = ProgrammePage.get_edit_handler().get_form_class()
    values = {"title": "Programme", "slug": "programme", "summary": "Résumé", **data}
    return form_class(data=values, instance=ProgrammePage(), for_user=None, parent_page=parent)


def test_programme_form_normalises_country_codes(home, admin_user):
    form = _form(home, country_tags="fr, be, FR")
    assert isinstance(form, ProgrammePageForm)
    form.for_user = admin_user
    form.is_valid()
    assert form.cleaned_data["country_tags"] == ["FR", "BE"]


def test_programme_form_rejects_unknown_country_codes(home, admin_user):
    form = _form(home, country_tags="France, XX")
    form.is_valid()
    assert "country_tags" in form.errors
    assert "FRANCE, XX" in form.errors["country_tags"][0]
