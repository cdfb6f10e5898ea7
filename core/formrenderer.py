"""Django's form renderer, with the choice widgets written in Python.

Django draws a ``<select>`` by including one template per option, and a list of checkboxes or radio
buttons by including three per option. The country list (about 250 options) took 9–12 ms a page that way,
and the member directory's filters 19 ms of its 58 ms of CPU. This renderer writes the same markup,
character for character, for Django's own select and multiple-input templates (tests/core/
test_formrenderer.py compares both on every kind of choice widget); every other template, and any widget
whose options use another template, goes through Django's templates as before.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
SELECT_OPTION = "django/forms/widgets/select_option.html"
MULTIPLE_INPUT = {
    "django/forms/widgets/checkbox_select.html",
    "django/forms/widgets/radio.html",
    "django/forms/widgets/multiple_input.html",
}
INPUT_OPTION = "django/forms/widgets/input_option.html"


def _text(value) -> str:
    """``{{ value }}`` in a template: localized, escaped unless already safe."""
    return conditional_escape(localize(value))


def _string(value) -> str:
    """``{{ value|stringformat:'s' }}``: str(), escaped unless already safe."""
    return conditional_escape(value)


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html"""
    written = []
    for name, value in attrs.items():
        if value is False:
            continue
        written.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_string(value)}"')
    return "".join(written)


def _options_use(widget, template_name) -> bool:
    return all(
        option["template_name"] == template_name
        for _, options, _ in widget["optgroups"]
        for option in options
    )


def _select(widget) -> str:
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_string(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _input_option(option) -> str:
    """input_option.html around input.html (each template's last newline is part of the markup)."""
    value = option["value"]
    written = f'<input type="{_text(option["type"])}" name="{_text(option["name"])}"'
    if value != None:  # noqa: E711 (as the template compares: a choice value may define __eq__)
        written += f' value="{_string(value)}"'
    written += f"{_attrs(option['attrs'])}>\n"
    if option.get("wrap_label"):
        target = option["attrs"].get("id")
        label_for = f' for="{_text(target)}"' if target else ""
        written = f"<label{label_for}>{written} {_text(option['label'])}</label>"
    return written + "\n"


def _multiple_input(widget) -> str:
    attrs = widget["attrs"]
    element_id, css_class = attrs.get("id"), attrs.get("class")
    parts = [
        "<div",
        f' id="{_text(element_id)}"' if element_id else "",
        f' class="{_text(css_class)}"' if css_class else "",
        ">",
    ]
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f"\n  <div><label>{_text(group_name)}</label>")
        for option in options:
            parts.append(f"<div>\n    {_input_option(option)}</div>")
        if group_name:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and "optgroups" in widget:
            if template_name == SELECT and _options_use(widget, SELECT_OPTION):
                return mark_safe(_select(widget))  # noqa: S308 (every value above is escaped)
            if template_name in MULTIPLE_INPUT and _options_use(widget, INPUT_OPTION):
                return mark_safe(_multiple_input(widget))  # noqa: S308 (every value above is escaped)
        return super().render(template_name, context, request)
