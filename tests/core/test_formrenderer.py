"""The form renderer writes choice widgets in Python: the markup must be Django's own, character for
character, whatever the widget, its choices, groups, attributes and values."""

import pytest

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from core.formrenderer import FormRenderer
from core.models import SearchDocument

GROUPED = [
    ("", "—"),
    ("Afrique", [("MA", "Maroc"), ("SN", "Sénégal")]),
    ("Europe & <autres>", [("FR", "France"), ("BE", 'Belgique "BE"')]),
    (7, 7),
]
PLAIN = [("a", "Option <b>bold</b>"), ("b", mark_safe("<em>safe</em>")), ("c", gettext_lazy("All"))]


class EveryChoiceWidget(forms.Form):
    select = forms.ChoiceField(choices=GROUPED, required=False)
    select_attrs = forms.ChoiceField(
        choices=PLAIN,
        widget=forms.Select(attrs={"class": "x", "data-v": '"q"', "disabled": True, "hidden": False}),
    )
    multiple = forms.MultipleChoiceField(choices=GROUPED, required=False)
    boolean = forms.NullBooleanField()
    checkboxes = forms.MultipleChoiceField(
        choices=GROUPED, widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}), required=False
    )
    radios = forms.ChoiceField(choices=PLAIN, widget=forms.RadioSelect)
    radios_no_id = forms.ChoiceField(choices=PLAIN, widget=forms.RadioSelect)
    model = forms.ModelChoiceField(queryset=SearchDocument.objects.order_by("pk"), required=False)
    models = forms.ModelMultipleChoiceField(
        queryset=SearchDocument.objects.order_by("pk"), widget=forms.CheckboxSelectMultiple, required=False
    )
    date = forms.DateField(widget=forms.SelectDateWidget(years=[2025, 2026]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "select": "SN",
            "multiple": ["FR", "7"],
            "checkboxes": ["MA", "BE"],
            "radios": "b",
            "boolean": "true",
            "models": ["1"],
            "date_year": "2026",
        },
    ],
)
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_choice_widgets_are_written_exactly_as_django_writes_them(data, language):
    SearchDocument.objects.create(kind="k", object_id=1, text="<Nom> & co")
    SearchDocument.objects.create(kind="k", object_id=2, text="autre")
    with override(language):
        for name in EveryChoiceWidget.base_fields:
            stock, fast = (
                EveryChoiceWidget(data, auto_id=name != "radios_no_id" and "id_%s"),
                EveryChoiceWidget(data, auto_id=name != "radios_no_id" and "id_%s"),
            )
            stock.renderer, fast.renderer = DjangoTemplates(), FormRenderer()
            assert str(fast[name]) == str(stock[name]), name


def test_a_widget_with_its_own_option_template_keeps_it():
    class Starred(forms.Select):
        option_template_name = "django/forms/widgets/input.html"  # stands for a project's own template

    field = forms.ChoiceField(choices=PLAIN, widget=Starred)
    html = field.widget.render("starred", "a", renderer=FormRenderer())
    assert html.count("<input") == 3 and "<option" not in html


def test_the_site_renders_forms_with_it():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FormRenderer)
