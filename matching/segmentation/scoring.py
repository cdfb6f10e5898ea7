"""Priority targets: a transparent score for each project of a segment, with its components.

Out of 100 points, each component shown with the figures behind it:

- **stage** (up to 25): where support changes most — a prototype 25, launched 20, scaling 15, an idea 10;
- **funding need** (up to 25): more than 10 M MAD 25, 1–10 M 20, 100 k–1 M 15, under 100 k 10, not
  given 0;
- **fit with available competences** (up to 30): the share of the skills the project needs that at
  least one other member covers — a member who consented to matching, active, not hidden, and not
  "not available now" — times 30 (``competence_fit``), with how many such members have each skill;
- **programmes** (up to 20): 10 points per live programme page for the project's sector that is open to
  the holder's country of residence (no country tag: open to all), at most 2. Programme pages carry
  sectors and countries of residence, not regions of Morocco, so the project's region plays no part.

A project holder's place in the ranked list is that of their best project.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from cms.models import ProgrammePage
from community.profiles.choices import Availability, FundingBand, Stage
from community.profiles.models import Project, TaggedNeededSkill, TaggedSkill
from core.sectors import matching_slugs

from ..models import ProfileFeatures, ProjectFeatures
from ..taxonomy import tag_needs
from .selectors import eligible_profiles, segment_projects

STAGE_POINTS = {Stage.PROTOTYPE: 25, Stage.LAUNCHED: 20, Stage.SCALING: 15, Stage.IDEA: 10}
FUNDING_POINTS = {
    FundingBand.OVER_10M: 25,
    FundingBand.UP_TO_10M: 20,
    FundingBand.UP_TO_1M: 15,
    FundingBand.UNDER_100K: 10,
}
STAGE_MAX, FUNDING_MAX = max(STAGE_POINTS.values()), max(FUNDING_POINTS.values())
FIT_POINTS = 30
PROGRAMME_POINTS, PROGRAMMES_COUNTED = 10, 2
ID_BATCH = 5000


@dataclass
class Fit:
    needed: list[str] = field(default_factory=list)  # skill names the project needs
    covered: list[str] = field(default_factory=list)  # those at least one other available member has
    holders: dict[str, int] = field(default_factory=dict)  # covered skill → available members, owner aside


@dataclass
class Component:
    key: str
    label: str
    points: int
    maximum: int
    detail: str


@dataclass
class TargetScore:
    """A project's points per component; labels and explanations are written only when shown."""

    project: Project
    fit: Fit
    programmes: list[str]
    points: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.points.values())

    @property
    def components(self) -> list[Component]:
        project, titles = self.project, self.programmes
        funding = project.get_funding_need_display() if project.funding_need else gettext("not given")
        no_programme = gettext("no programme for this sector and country")
        return [
            Component(
                "stage", gettext("Stage"), self.points["stage"], STAGE_MAX, project.get_stage_display()
            ),
            Component("funding", gettext("Funding need"), self.points["funding"], FUNDING_MAX, str(funding)),
            Component(
                "competences",
                gettext("Fit with available competences"),
                self.points["competences"],
                FIT_POINTS,
                _fit_detail(self.fit),
            ),
            Component(
                "programmes",
                gettext("Programmes"),
                self.points["programmes"],
                PROGRAMME_POINTS * PROGRAMMES_COUNTED,
                ", ".join(titles) if titles else no_programme,
            ),
        ]


def competence_fit(projects) -> dict[int, Fit]:
    """For each project, which needed skills other available members cover, and how many have each.

    The one place the fit is computed. A need the taxonomy reads is covered by members whose skills
    name one of its concepts, in any language or spelling ("Développement web" by "web development");
    a need it does not read, by members who typed the very same tag. Counting holders per concept once
    for the whole segment keeps a segment of thousands of projects fast.
    """
    project_ids = [project.pk for project in projects]
    owners = {project.pk: project.owner_id for project in projects}
    needed = defaultdict(dict)
    for batch in _batches(project_ids):
        for project_id, tag_id, name in TaggedNeededSkill.objects.filter(
            content_object_id__in=batch
        ).values_list("content_object_id", "tag_id", "tag__name"):
            needed[project_id][tag_id] = name
    stored = {}
    for batch in _batches(project_ids):
        stored.update(ProjectFeatures.objects.filter(project_id__in=batch).values_list("project_id", "needs"))
    tag_ids = sorted({tag_id for tags in needed.values() for tag_id in tags})
    available = eligible_profiles().exclude(availability=Availability.NOT_NOW)
    by_tag = defaultdict(set)
    for batch in _batches(tag_ids):
        for tag_id, profile_id in TaggedSkill.objects.filter(
            tag_id__in=batch, content_object__in=available.values("pk")
        ).values_list("tag_id", "content_object_id"):
            by_tag[tag_id].add(profile_id)
    by_concept = defaultdict(set)
    concepts_held = ProfileFeatures.objects.filter(profile__in=available.values("pk")).values_list(
        "profile_id", "concepts"
    )
    for profile_id, concepts in concepts_held:
        for code in concepts or ():
            by_concept[code].add(profile_id)
    result = {}
    for project_id in project_ids:
        tags = needed.get(project_id, {})
        concepts_of = {tag: codes for tag, codes in (stored.get(project_id) or [])}
        missing = [name for name in tags.values() if name not in concepts_of]
        concepts_of.update(dict(tag_needs(missing)) if missing else {})
        counts = {}
        for tag_id, name in tags.items():
            holders = set(by_tag.get(tag_id, ()))
            for code in concepts_of.get(name, ()):
                holders |= by_concept.get(code, set())
            holders.discard(owners[project_id])
            if holders:
                counts[name] = len(holders)
        result[project_id] = Fit(
            needed=sorted(tags.values(), key=str.casefold),
            covered=sorted(counts, key=str.casefold),
            holders=counts,
        )
    return result


def _batches(ids):
    """Slices of at most ID_BATCH ids: SQLite caps the parameters of one query."""
    for start in range(0, len(ids), ID_BATCH):
        yield ids[start : start + ID_BATCH]


def _programmes():
    """Live public programme pages: (translation key, title in the active language, sectors, countries)."""
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
        tags = matching_slugs(project.sector)
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
        fit, titles = fits[project.pk], programmes[project.pk]
        points = {
            "stage": STAGE_POINTS.get(project.stage, 0),
            "funding": FUNDING_POINTS.get(project.funding_need, 0),
            "competences": round(FIT_POINTS * len(fit.covered) / len(fit.needed)) if fit.needed else 0,
            "programmes": PROGRAMME_POINTS * min(len(titles), PROGRAMMES_COUNTED),
        }
        scores.append(TargetScore(project, fit, titles, points))
    scores.sort(key=lambda score: (-score.total, score.project.title.casefold(), score.project.pk))
    return scores


def _fit_detail(fit: Fit) -> str:
    if not fit.needed:
        return gettext("no needed skill listed")
    counts = {"covered": len(fit.covered), "needed": len(fit.needed)}
    if not fit.covered:
        return gettext("skills covered: %(covered)s of %(needed)s") % counts
    skills = pgettext("separator between items of a list", "; ").join(
        ngettext(
            "%(skill)s, %(count)s available member",
            "%(skill)s, %(count)s available members",
            fit.holders[name],
        )
        % {"skill": name, "count": fit.holders[name]}
        for name in fit.covered
    )
    return gettext("skills covered: %(covered)s of %(needed)s (%(skills)s)") % {**counts, "skills": skills}


def priority_targets(filters) -> list[TargetScore]:
    """The segment's projects ranked by score (see ``selectors.segment_projects``)."""
    return score_projects(segment_projects(filters))
