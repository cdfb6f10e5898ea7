from django import forms
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm

from core.countries import country_codes


class ProgrammePageForm(WagtailAdminPageForm):
    def clean_country_tags(self):
        """Countries are stored as ISO 3166 alpha-2 codes so that filters work in every language."""
        codes = [code.strip().upper() for code in self.cleaned_data.get("country_tags") or []]
        unknown = sorted({code for code in codes if code not in country_codes()})
        if unknown:
            raise forms.ValidationError(
                ngettext(
                    "Unknown country code: %(codes)s. Use ISO 3166 codes such as %(examples)s.",
                    "Unknown country codes: %(codes)s. Use ISO 3166 codes such as %(examples)s.",
                    len(unknown),
                ),
                params={"codes": ", ".join(unknown), "examples": "FR, ES, BE, NL"},
                code="unknown_country",
            )
        return list(dict.fromkeys(codes))
