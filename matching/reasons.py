"""Reasons of a suggestion, rendered in the active language from the data the engine returns.

Two points of view: the project holder reading about a competence ("holder"), and a member reading
about a project ("competence"). A reason about a field the viewer may not see is left out.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.profiles.choices import Availability, Contribution, Region
from core.cities import city_name
from core.countries import country_name
from core.languages import LanguageChoice
from core.sectors import SectorChoice

from .taxonomy import taxonomy_index

# The profile field group (community.profiles.models.FIELD_GROUPS) each reason reads.
HOLDER_VIEW_GROUPS = {
    "skills": "skills",
    "semantic": "about",
    "sector": "skills",
    "help": "skills",
    "availability": "skills",
    "languages": "languages",
    "origin": "origin",
    "country": "country",
    "label": None,
}


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else value


def _join(values) -> str:
    return _(", ").join(str(value) for value in values if value)


def concept_names(codes) -> list[str]:
    names = taxonomy_index().names
    return [names[code].current() if code in names else code for code in codes]


def visible_reasons(reasons: list[dict], visible_groups: set[str]) -> list[dict]:
    """Holder's view: drop reasons about fields of the competence this viewer may not see."""
    kept = []
    for reason in reasons:
        group = HOLDER_VIEW_GROUPS.get(reason["code"])
        if group is not None and group not in visible_groups:
            continue
        if reason["code"] == "country" and "city" not in visible_groups:
            reason = {**reason, "city": ""}
        if reason["code"] == "semantic" and "skills" not in visible_groups:
            reason = {**reason, "skills": []}  # the member's other skills belong to the skills group
        kept.append(reason)
    return kept


def _covered_names(reason) -> list[str]:
    return [*concept_names(reason["covered"]), *reason.get("covered_tags", ())]


def render_for_holder(reason: dict) -> str:
    code = reason["code"]
    if code == "skills":
        names = _covered_names(reason)
        return ngettext(
            "covers %(covered)s of %(needed)s listed need: %(skills)s",
            "covers %(covered)s of %(needed)s listed needs: %(skills)s",
            reason["needed"],
        ) % {"covered": len(names), "needed": reason["needed"], "skills": _join(names)}
    if code == "semantic":
        if reason.get("skills"):
            return _("describes work close to your project; also knows %(skills)s") % {
                "skills": _join(concept_names(reason["skills"]))
            }
        return _("describes work close to your project")
    if code == "sector":
        return _("works in your sector: %(sector)s") % {"sector": _label(SectorChoice, reason["sector"])}
    if code == "help":
        return _("offers what you need: %(kinds)s") % {
            "kinds": _join(_label(Contribution, kind) for kind in reason["kinds"])
        }
    if code == "languages":
        return _("speaks %(languages)s") % {
            "languages": _join(_label(LanguageChoice, code) for code in reason["languages"])
        }
    if code == "origin":
        return _("comes from %(region)s, where your project is") % {
            "region": _label(Region, reason["region"])
        }
    if code == "country":
        if reason.get("city"):
            return _("lives in %(city)s (%(country)s), like you") % {
                "city": city_name(reason["city"]),
                "country": country_name(reason["country"]),
            }
        return _("lives in %(country)s, like you") % {"country": country_name(reason["country"])}
    if code == "availability":
        return _("available: %(availability)s") % {
            "availability": _label(Availability, reason["availability"])
        }
    if code == "label":
        return _("holds a Kafaat label")
    return ""


def render_for_competence(reason: dict, owner_visible_groups: set[str]) -> str:
    code = reason["code"]
    if code == "skills":
        names = _covered_names(reason)
        return ngettext(
            "you cover %(covered)s of the %(needed)s need it lists: %(skills)s",
            "you cover %(covered)s of the %(needed)s needs it lists: %(skills)s",
            reason["needed"],
        ) % {"covered": len(names), "needed": reason["needed"], "skills": _join(names)}
    if code == "semantic":
        return _("its description is close to your profile")
    if code == "sector":
        return _("in your sector: %(sector)s") % {"sector": _label(SectorChoice, reason["sector"])}
    if code == "help":
        return _("needs what you offer: %(kinds)s") % {
            "kinds": _join(_label(Contribution, kind) for kind in reason["kinds"])
        }
    if code == "languages" and "languages" in owner_visible_groups:
        return _("the project holder speaks %(languages)s") % {
            "languages": _join(_label(LanguageChoice, code) for code in reason["languages"])
        }
    if code == "origin":
        return _("in %(region)s, your region of origin") % {"region": _label(Region, reason["region"])}
    if code == "country" and "country" in owner_visible_groups:
        return _("the project holder also lives in %(country)s") % {
            "country": country_name(reason["country"])
        }
    return ""


def score_percent(score: float) -> str:
    return number_format(round(max(score, 0.0) * 100))
