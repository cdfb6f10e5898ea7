"""One vocabulary of economic sectors: profiles, projects, programmes, events, matching, back office.

Two levels: a family (``energy``) and the sectors inside it (``renewable-energy``, ``water``). A person or
a project may name a family when nothing finer fits. Two codes *match* when they are equal or one is the
family of the other: a water project matches a programme for the energy family, not a desalination
engineer matched against a neobank.
"""

from dataclasses import dataclass

from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .text import key as _key


@dataclass(frozen=True)
class Sector:
    code: str
    label: Promise
    family: str | None = None  # None: the sector is a family itself


_VOCABULARY = [
    Sector("agriculture", _("Agriculture and agri-food")),
    Sector("farming", _("Farming and livestock"), "agriculture"),
    Sector("agri-food", _("Food processing"), "agriculture"),
    Sector("fisheries", _("Fisheries and aquaculture"), "agriculture"),
    Sector("industry", _("Industry and manufacturing")),
    Sector("automotive", _("Automotive"), "industry"),
    Sector("aeronautics", _("Aeronautics"), "industry"),
    Sector("textile", _("Textile and clothing"), "industry"),
    Sector("chemicals", _("Chemicals and materials"), "industry"),
    Sector("mining", _("Mining and phosphates"), "industry"),
    Sector("energy", _("Energy and environment")),
    Sector("renewable-energy", _("Renewable energy"), "energy"),
    Sector("water", _("Water and sanitation"), "energy"),
    Sector("environment", _("Environment, waste and recycling"), "energy"),
    Sector("digital", _("Digital and telecommunications")),
    Sector("software", _("Software and IT services"), "digital"),
    Sector("data-ai", _("Data and artificial intelligence"), "digital"),
    Sector("cybersecurity", _("Cybersecurity"), "digital"),
    Sector("telecom", _("Telecommunications"), "digital"),
    Sector("health", _("Health")),
    Sector("medical-care", _("Medical care"), "health"),
    Sector("pharma", _("Pharmaceuticals and biotechnology"), "health"),
    Sector("education", _("Education and research")),
    Sector("training", _("Teaching and training"), "education"),
    Sector("research", _("Research and innovation"), "education"),
    Sector("finance", _("Finance and insurance")),
    Sector("banking", _("Banking"), "finance"),
    Sector("fintech", _("Fintech"), "finance"),
    Sector("insurance", _("Insurance"), "finance"),
    Sector("investment", _("Investment and venture capital"), "finance"),
    Sector("tourism", _("Tourism and hospitality")),
    Sector("hospitality", _("Hotels and restaurants"), "tourism"),
    Sector("construction", _("Construction and real estate")),
    Sector("real-estate", _("Real estate"), "construction"),
    Sector("architecture", _("Architecture and urban planning"), "construction"),
    Sector("transport", _("Transport and logistics")),
    Sector("logistics", _("Logistics"), "transport"),
    Sector("trade", _("Trade and distribution")),
    Sector("e-commerce", _("E-commerce"), "trade"),
    Sector("culture", _("Culture and creative industries")),
    Sector("crafts", _("Crafts"), "culture"),
    Sector("media", _("Media and communication"), "culture"),
    Sector("sport", _("Sport"), "culture"),
    Sector("law", _("Law and public administration")),
    Sector("social", _("Social economy and associations")),
    Sector("consulting", _("Consulting and services")),
    Sector("marketing", _("Marketing and sales"), "consulting"),
]

SECTORS: dict[str, Sector] = {sector.code: sector for sector in _VOCABULARY}

# The same vocabulary as Django choices (``SectorChoice.choices``, ``.values``, ``SectorChoice(code).label``),
# in a stable order so that migrations do not churn.
SectorChoice = models.TextChoices(
    "SectorChoice", {s.code.upper().replace("-", "_"): (s.code, s.label) for s in _VOCABULARY}
)
SECTOR_CODES = frozenset(SECTORS)
FAMILY_CODES = tuple(sector.code for sector in _VOCABULARY if sector.family is None)

# Older codes kept by programme tags and imported files.
_ALIASES = {
    "social-economy": "social",
    "renewable-energies": "renewable-energy",
    "ict": "digital",
    "it": "software",
}


def canonical_sector(code: str | None) -> str | None:
    """The vocabulary's code for ``code`` (an older alias, any case), or None if unknown."""
    code = (code or "").strip().casefold()
    code = _ALIASES.get(code, code)
    return code if code in SECTORS else None


def sector_family(code: str | None) -> str | None:
    code = canonical_sector(code)
    if code is None:
        return None
    return SECTORS[code].family or code


def sector_name(code: str | None, fallback: str = "") -> str:
    """The sector's name in the active language, or the fallback (a tag as typed) when unknown."""
    canonical = canonical_sector(code)
    if canonical is None:
        return fallback or (code or "")
    return str(SECTORS[canonical].label)


def sectors_match(a: str | None, b: str | None) -> bool:
    """Equal sectors, or one is the family of the other."""
    a, b = canonical_sector(a), canonical_sector(b)
    if a is None or b is None:
        return False
    return a == b or SECTORS[a].family == b or SECTORS[b].family == a


def matching_sectors(code: str | None) -> frozenset[str]:
    """Every code that matches ``code``: itself, its family, and its sectors if it is a family."""
    canonical = canonical_sector(code)
    if canonical is None:
        return frozenset()
    return frozenset(other for other in SECTORS if sectors_match(canonical, other))


def matching_slugs(code: str | None) -> frozenset[str]:
    """``matching_sectors`` with the older aliases that stand for them: what to look for among tag slugs."""
    codes = matching_sectors(code)
    return codes | {alias for alias, target in _ALIASES.items() if target in codes}


def sector_choices() -> list[tuple[str, object]]:
    """Grouped choices for forms: each family, then its sectors."""
    choices = []
    for family in FAMILY_CODES:
        members = [(s.code, s.label) for s in _VOCABULARY if s.family == family]
        choices.append((family, SECTORS[family].label))
        choices.extend(members)
    return choices


def sector_from_text(text: str | None) -> str | None:
    """A code from a code or a name as written in fr, ar or en."""
    code = canonical_sector(text)
    if code:
        return code
    wanted = _key(text or "")
    if not wanted:
        return None
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            for sector in _VOCABULARY:
                if _key(str(sector.label)) == wanted:
                    return sector.code
    return None
