"""Country and sector codes, and the admin form that keeps country tags to ISO codes."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from cms import factories
from cms.forms import ProgrammePageForm
from cms.models import ProgrammePage
from core.countries import country_name
from core.sectors import sector_name


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


def test_country_code_errors_are_in_the_editor_language_and_plural_aware(home, admin_user):
    with translation.override("fr"):
        one = _form(home, country_tags="XX")
        one.is_valid()
        several = _form(home, country_tags="XX, YY")
        several.is_valid()
    assert one.errors["country_tags"][0].startswith("Code pays inconnu : XX.")
    assert several.errors["country_tags"][0].startswith("Codes pays inconnus : XX, YY.")


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ({}, "Choose a page or enter an external address."),
        (
            {"link_url": "https://example.org", "use_page": True},
            "Choose either a page or an external address, not both.",
        ),
    ],
)
def test_a_navigation_link_needs_exactly_one_target(home, link, message):
    item = factories.MenuItemFactory.build(
        link_page=home if link.get("use_page") else None, link_url=link.get("link_url", "")
    )
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            item.clean()
        assert raised.value.messages == [message]
