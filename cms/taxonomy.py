"""Codes used to tag programmes, and their names in the visitor's language.

Tags store stable codes (ISO 3166 alpha-2 for countries, a short slug for sectors) so a filter link works
in every language; the names shown to visitors come from these dictionaries, through gettext.
"""

from django.utils.translation import gettext_lazy as _

# Countries of residence with large Moroccan communities (consular statistics), by ISO 3166 alpha-2 code.
COUNTRIES = {
    "FR": _("France"),
    "ES": _("Spain"),
    "IT": _("Italy"),
    "BE": _("Belgium"),
    "NL": _("Netherlands"),
    "DE": _("Germany"),
    "GB": _("United Kingdom"),
    "IE": _("Ireland"),
    "PT": _("Portugal"),
    "CH": _("Switzerland"),
    "AT": _("Austria"),
    "SE": _("Sweden"),
    "NO": _("Norway"),
    "DK": _("Denmark"),
    "LU": _("Luxembourg"),
    "CA": _("Canada"),
    "US": _("United States"),
    "AE": _("United Arab Emirates"),
    "SA": _("Saudi Arabia"),
    "QA": _("Qatar"),
    "KW": _("Kuwait"),
    "LY": _("Libya"),
    "TN": _("Tunisia"),
    "DZ": _("Algeria"),
    "SN": _("Senegal"),
    "CI": _("Côte d'Ivoire"),
    "TR": _("Turkey"),
    "AU": _("Australia"),
}

# Economic sectors used to tag programmes. Tags whose slug is not listed here are shown as typed.
SECTORS = {
    "agriculture": _("Agriculture and agri-food"),
    "industry": _("Industry"),
    "digital": _("Digital and technology"),
    "renewable-energy": _("Renewable energy"),
    "tourism": _("Tourism"),
    "health": _("Health"),
    "education": _("Education and training"),
    "research": _("Research and innovation"),
    "finance": _("Finance and investment"),
    "real-estate": _("Real estate"),
    "crafts": _("Crafts"),
    "social-economy": _("Social and solidarity economy"),
    "logistics": _("Transport and logistics"),
    "culture": _("Culture and creative industries"),
}


def country_name(code):
    """The localized name of a country code, or the code itself if it is not listed."""
    code = (code or "").strip().upper()
    return COUNTRIES.get(code, code)


def sector_name(slug, fallback=""):
    """The localized name of a sector slug, or the fallback (the tag as typed) if it is not listed."""
    return SECTORS.get(slug, fallback or slug)
