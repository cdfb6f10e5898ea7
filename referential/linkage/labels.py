"""Words for what the engine and the consolidation produce as codes (shown to analysts and members)."""

from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "given_name": _("Given name"),
    "family_name": _("Family name"),
    "name_arabic": _("Name in Arabic"),
    "birth_date": _("Date of birth"),
    "email": _("Email"),
    "phone": _("Phone"),
    "city": _("City"),
    "country": _("Country"),
}

COMPARISON_LABELS = {
    "name": _("Name"),
    "birth_date": _("Date of birth"),
    "email": _("Email"),
    "phone": _("Phone"),
    "city": _("City"),
    "country": _("Country"),
}

# Which fields each comparison looks at (the side-by-side view puts the reason on those rows).
COMPARISON_FIELDS = {
    "name": ("given_name", "family_name", "name_arabic"),
    "birth_date": ("birth_date",),
    "email": ("email",),
    "phone": ("phone",),
    "city": ("city",),
    "country": ("country",),
}

LEVEL_LABELS = {
    ("name", "exact"): _("Same name"),
    ("name", "swapped"): _("Same name, given and family names swapped"),
    ("name", "same_tokens"): _("Same names in another order"),
    ("name", "variant"): _("Same name in another spelling or script"),
    ("name", "similar"): _("Similar name (typing mistake)"),
    ("name", "typo"): _("Name keys one letter apart"),
    ("name", "family_only"): _("Only the family name agrees"),
    ("birth_date", "exact"): _("Same date"),
    ("birth_date", "day_month_swapped"): _("Day and month swapped"),
    ("birth_date", "typo"): _("One digit differs"),
    ("birth_date", "same_year"): _("A year (or month) that agrees with the other date"),
    ("email", "exact"): _("Same address"),
    ("email", "same_user"): _("Same address before the @ (beyond the name), another provider"),
    ("email", "similar"): _("Similar address"),
    ("phone", "exact"): _("Same number"),
    ("phone", "typo"): _("One digit differs"),
    ("phone", "landline"): _("Same landline (a household may share it)"),
    ("phone", "either"): _("Same North American number (mobile or a household's landline: it does not say)"),
    ("city", "exact"): _("Same city"),
    ("city", "similar"): _("Similar city name"),
    ("country", "exact"): _("Same country"),
}
GENERIC_LEVELS = {"missing": _("Missing on one side"), "different": _("Different")}

VALUE_REASONS = {
    "override": _("Set by an analyst"),
    "trust": _("From the most trusted source"),
    "recency": _("Most recent among equally trusted sources"),
    "agreed": _("All sources agree"),
    "only": _("Only one source gives it"),
}


def level_label(comparison: str, level: str):
    return LEVEL_LABELS.get((comparison, level)) or GENERIC_LEVELS.get(level) or level


def source_label(row: dict):
    return row.get("source_name") or _("Member account")
