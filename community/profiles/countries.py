"""Countries of residence offered to members (ISO 3166-1 alpha-2), where the diaspora mostly lives.

Django ships no country list; this one is short on purpose and every name is translated.
"""

from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    # European Union
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("BG", _("Bulgaria")),
    ("HR", _("Croatia")),
    ("CY", _("Cyprus")),
    ("CZ", _("Czechia")),
    ("DK", _("Denmark")),
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("GR", _("Greece")),
    ("HU", _("Hungary")),
    ("IE", _("Ireland")),
    ("IT", _("Italy")),
    ("LV", _("Latvia")),
    ("LT", _("Lithuania")),
    ("LU", _("Luxembourg")),
    ("MT", _("Malta")),
    ("NL", _("Netherlands")),
    ("PL", _("Poland")),
    ("PT", _("Portugal")),
    ("RO", _("Romania")),
    ("SK", _("Slovakia")),
    ("SI", _("Slovenia")),
    ("ES", _("Spain")),
    ("SE", _("Sweden")),
    # Rest of Europe
    ("GB", _("United Kingdom")),
    ("CH", _("Switzerland")),
    ("NO", _("Norway")),
    ("MC", _("Monaco")),
    ("TR", _("Turkey")),
    ("RU", _("Russia")),
    ("UA", _("Ukraine")),
    # Americas
    ("US", _("United States")),
    ("CA", _("Canada")),
    ("BR", _("Brazil")),
    ("MX", _("Mexico")),
    ("AR", _("Argentina")),
    # Gulf and Middle East
    ("AE", _("United Arab Emirates")),
    ("SA", _("Saudi Arabia")),
    ("QA", _("Qatar")),
    ("KW", _("Kuwait")),
    ("BH", _("Bahrain")),
    ("OM", _("Oman")),
    ("JO", _("Jordan")),
    ("LB", _("Lebanon")),
    ("EG", _("Egypt")),
    # Maghreb and Africa
    ("MA", _("Morocco")),
    ("DZ", _("Algeria")),
    ("TN", _("Tunisia")),
    ("LY", _("Libya")),
    ("MR", _("Mauritania")),
    ("SN", _("Senegal")),
    ("CI", _("Côte d’Ivoire")),
    ("ML", _("Mali")),
    ("GA", _("Gabon")),
    ("NG", _("Nigeria")),
    ("ZA", _("South Africa")),
    # Asia and Oceania
    ("CN", _("China")),
    ("JP", _("Japan")),
    ("KR", _("South Korea")),
    ("IN", _("India")),
    ("MY", _("Malaysia")),
    ("SG", _("Singapore")),
    ("AU", _("Australia")),
    ("NZ", _("New Zealand")),
]

COUNTRY_CODES = frozenset(code for code, _name in COUNTRIES)


def country_name(code: str) -> str:
    return str(dict(COUNTRIES).get(code, code))
