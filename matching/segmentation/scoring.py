"""Priority targets: a transparent score for each project of a segment, with its components.

Out of 100 points, each component shown with the figures behind it:

- **stage** (up to 25): where support changes most — a prototype 25, launched 20, scaling 15, an idea 10;
- **funding need** (up to 25): more than 10 M MAD 25, 1–10 M 20, 100 k–1 M 15, under 100 k 10, not
  given 0;
- **fit with available competences** (up to 30): the share of the skills the project needs that at
  least one other member covers — a member who consented to matching, active, not hidden, and not
  "not available now" — times 30 (``competence_fit``);
- **programmes** (up to 20): 10 points per live programme page for the project's sector that is open to
  the holder's country of residence (no country tag: open to all), at most 2. Programme pages carry
  sectors and countries of residence, not regions of Morocco, so the project's region plays no part.

A project holder's place in the ranked list is that of their best project.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.profiles.choices import Availability, FundingBand, Stage
from community.profiles.models import Project, TaggedNeededSkill, TaggedSkill

from .selectors import eligible_profiles, segment_projects

STAGE_POINTS = {Stage.PROTOTYPE: 25, Stage.LAUNCHED: 20, Stage.SCALING: 15, Stage.IDEA: 10}
FUNDING_POINTS = {
    FundingBand.OVER_10M: 25,
    FundingBand.UP_TO_10M: 20,
    FundingBand.UP_TO_1M: 15,
    FundingBand.UNDER_100K: 10,
}
FIT_POINTS = 30
PROGRAMME_POINTS, PROGRAMMES_COUNTED = 10, 2
ID_BATCH = 5000

# Profile sectors (community.profiles.choices.Sector) → sector tags of programme pages (cms.taxonomy).
PROGRAMME_SECTORS = {
    "agriculture": {"agriculture"},
    "industry": {"industry", "crafts"},
    "energy": {"renewable-energy"},
    "digital": {"digital"},
    "health": {"health"},
    "education": {"education", "research"},
    "finance": {"finance"},
    "tourism": {"tourism"},
    "construction": {"real-estate"},
    "transport": {"logistics"},
    "culture": {"culture", "crafts"},
    "social": {"social-economy"},
}


@dataclass
class Fit:
    needed: list[str] = field(default_factory=list)  # skill names the project needs
    covered: list[str] = field(default_factory=list)  # those at least one available member has
    helpers: int = 0  # distinct available members covering at least one


@dataclass
class Component:
    key: str
    label: str
    points: int
    maximum: int
    detail: str


@dataclass
class TargetScore:
    project: Project
    components: list[Component]

    @property
    def total(self) -> int:
        return sum(component.points for component in self.components)


def competence_fit(projects) -> dict[int, Fit]:
    """For each project, which needed skills available members cover, and how many members help.

    The one place the fit is computed: the matching engine's taxonomy-aware coverage replaces the
    exact-tag comparison below when it lands, without touching the score.
    """
    project_ids = [project.pk for project in projects]
    owners = {project.pk: project.owner_id for project in projects}
    needed = defaultdict(dict)
    for start in range(0, len(project_ids), ID_BATCH):  # SQLite caps the parameters of one query
        batch = project_ids[start : start + ID_BATCH]
        for project_id, tag_id, name in TaggedNeededSkill.objects.filter(
            content_object_id__in=batch
        ).values_list("content_object_id", "tag_id", "tag__name"):
            needed[project_id][tag_id] = name
    tag_ids = {tag_id for tags in needed.values() for tag_id in tags}
    available = eligible_profiles().exclude(availability=Availability.NOT_NOW)
    holders_by_tag = defaultdict(set)
    for tag_id, profile_id in TaggedSkill.objects.filter(
        tag_id__in=tag_ids, content_object__in=available.values("pk")
    ).values_list("tag_id", "content_object_id"):
        holders_by_tag[tag_id].add(profile_id)
    result = {}
    for project_id in project_ids:
        tags = needed.get(project_id, {})
        helpers, covered = set(), []
        for tag_id, name in tags.items():
            others = holders_by_tag.get(tag_id, set()) - {owners[project_id]}
            if others:
                covered.append(name)
                helpers |= others
        result[project_id] = Fit(
            needed=sorted(tags.values(), key=str.casefold),
            covered=sorted(covered, key=str.casefold),
            helpers=len(helpers),
        )
    return result


def _programmes():
    """Live public programme pages: (translation key, title in the active language, sectors, countries)."""
    from cms.models import ProgrammePage

    language = translation.get_language()
    by_key = {}
    pages = (
        ProgrammePage.objects.live()
        .public()
        .select_related("locale")
        .prefetch_related("sector_tags", "country_tags")
    )
    for page in pages:
        current = by_key.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            by_key[page.translation_key] = (
                page.title,
                {tag.slug for tag in page.sector_tags.all()},
                {tag.name.upper() for tag in page.country_tags.all()},
            )
    return list(by_key.values())


def programme_fit(projects) -> dict[int, list[str]]:
    """Titles of the programmes open to each project (its sector, the holder's country)."""
    programmes = _programmes()
    result = {}
    for project in projects:
        tags = PROGRAMME_SECTORS.get(project.sector, set())
        country = (project.owner.country or "").upper()
        result[project.pk] = sorted(
            title
            for title, sectors, countries in programmes
            if sectors & tags and (not countries or country in countries)
        )
    return result


def score_projects(projects) -> list[TargetScore]:
    """Scores of the given projects (with ``owner`` loaded), highest first."""
    projects = list(projects)
    fits = competence_fit(projects)
    programmes = programme_fit(projects)
    scores = []
    for project in projects:
        fit = fits[project.pk]
        fit_points = round(FIT_POINTS * len(fit.covered) / len(fit.needed)) if fit.needed else 0
        titles = programmes[project.pk]
        funding = project.get_funding_need_display() if project.funding_need else _("not given")
        components = [
            Component(
                "stage",
                _("Stage"),
                STAGE_POINTS.get(project.stage, 0),
                max(STAGE_POINTS.values()),
                project.get_stage_display(),
            ),
            Component(
                "funding",
                _("Funding need"),
                FUNDING_POINTS.get(project.funding_need, 0),
                max(FUNDING_POINTS.values()),
                str(funding),
            ),
            Component(
                "competences",
                _("Fit with available competences"),
                fit_points,
                FIT_POINTS,
                _fit_detail(fit),
            ),
            Component(
                "programmes",
                _("Programmes"),
                PROGRAMME_POINTS * min(len(titles), PROGRAMMES_COUNTED),
                PROGRAMME_POINTS * PROGRAMMES_COUNTED,
                ", ".join(titles) if titles else str(_("no programme for this sector and country")),
            ),
        ]
        scores.append(TargetScore(project, components))
    scores.sort(key=lambda score: (-score.total, score.project.title.casefold(), score.project.pk))
    return scores


def _fit_detail(fit: Fit) -> str:
    if not fit.needed:
        return gettext("no needed skill listed")
    summary = gettext(
        "skills covered: %(covered)s of %(needed)s; available members who can help: %(helpers)s"
    ) % {"covered": len(fit.covered), "needed": len(fit.needed), "helpers": fit.helpers}
    if fit.covered:
        return gettext("%(summary)s (%(skills)s)") % {"summary": summary, "skills": ", ".join(fit.covered)}
    return summary


def priority_targets(filters) -> list[TargetScore]:
    """The segment's projects ranked by score (see ``selectors.segment_projects``)."""
    return score_projects(segment_projects(filters))
