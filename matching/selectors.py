"""Reads of matching: suggestions for a project or a competence, programmes, relays, decisions."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from accounts.roles import RELAY
from cms.models import ProgrammePage
from cms.selectors import active_locale, visible
from community.moderation.selectors import blocked_user_ids
from community.profiles.models import Profile, Project, RelayChannel, RelayCoverage
from community.profiles.permissions import may_view_profile, may_view_project, viewer_for, visible_fields
from core.countries import country_name
from core.names import display_name
from core.sectors import matching_slugs, sector_name
from privacy.models import ConsentPurpose
from privacy.selectors import users_with_consent

from . import permissions
from .engine import rank
from .index import profile_candidates, profile_item, project_candidates, project_item
from .models import Introduction, MatchDecision, ProfileFeatures, ProjectFeatures, Side, Verdict
from .reasons import render_for_competence, render_for_holder, visible_reasons

SUGGESTIONS = 10  # per page
MAX_SUGGESTIONS = 50  # reachable through the pages
OVERFETCH = 3  # candidates ranked per suggestion shown, since some fail the database check
SHARED_REASON_CARDS = 3  # a reason on every card of a page of at least this many is said once, above


@dataclass
class SuggestionPage:
    """One page of suggestions; reasons every card shares are lifted into ``shared_reasons``."""

    items: list
    number: int = 1
    has_next: bool = False
    shared_reasons: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)

    def __getitem__(self, index):
        return self.items[index]

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def start(self) -> int:
        return (self.number - 1) * SUGGESTIONS + 1


def paginate(suggestions: list, number: int) -> SuggestionPage:
    """The page ``number`` (from 1) of a ranked list; ``suggestions`` holds everything up to that page
    and one more, so that the page knows whether another follows."""
    start = (number - 1) * SUGGESTIONS
    items = suggestions[start : start + SUGGESTIONS]
    page = SuggestionPage(items=items, number=number, has_next=len(suggestions) > start + SUGGESTIONS)
    if len(items) >= SHARED_REASON_CARDS:
        shared = set(items[0].reasons)
        for item in items[1:]:
            shared &= set(item.reasons)
        page.shared_reasons = [reason for reason in items[0].reasons if reason in shared]
        for item in items:
            item.reasons = [reason for reason in item.reasons if reason not in shared]
    return page


def page_number(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), -(-MAX_SUGGESTIONS // SUGGESTIONS))


@dataclass
class Suggestion:
    project: Project
    profile: Profile
    score: float
    reasons: list[str]
    reason_data: list[dict] = field(default_factory=list)
    mine: str = ""  # this viewer's verdict, if any
    theirs: str = ""  # the other side's verdict, shown only once it is an acceptance
    introduction_url: str = ""
    owner_visible: set = field(default_factory=set)  # field groups of the project holder this viewer sees

    @property
    def percent(self) -> int:
        return round(max(self.score, 0.0) * 100)


def _declined_profile_ids(project) -> set[int]:
    return set(
        MatchDecision.objects.filter(project=project, verdict=Verdict.DECLINE).values_list(
            "profile_id", flat=True
        )
    )


def _declined_project_ids(profile) -> set[int]:
    return set(
        MatchDecision.objects.filter(profile=profile, verdict=Verdict.DECLINE).values_list(
            "project_id", flat=True
        )
    )


def _decisions(*, project=None, profile=None) -> dict:
    query = MatchDecision.objects.all()
    if project is not None:
        query = query.filter(project=project)
    if profile is not None:
        query = query.filter(profile=profile)
    return {(d.project_id, d.profile_id, d.side): d.verdict for d in query}


def _introductions(*, project=None, profile=None) -> dict:
    query = Introduction.objects.all()
    if project is not None:
        query = query.filter(project=project)
    if profile is not None:
        query = query.filter(profile=profile)
    return {(i.project_id, i.profile_id): i.url for i in query}


def _taking_part(queryset, user_field):
    consented = users_with_consent(ConsentPurpose.MATCHING).filter(is_active=True).values("pk")
    return queryset.filter(**{f"{user_field}__in": consented})


def features_ready(obj) -> bool:
    model = ProjectFeatures if isinstance(obj, Project) else ProfileFeatures
    lookup = "project" if isinstance(obj, Project) else "profile"
    return model.objects.filter(**{lookup: obj}).exists()


def competences_for_project(user, project, limit=SUGGESTIONS) -> list[Suggestion]:
    """Members who could help this project, for its holder: ranked, checked, explained."""
    if not permissions.may_see_project_suggestions(user, project):
        return []
    blocked = blocked_user_ids(user)
    query = project_item(project)
    ranked = rank(
        query,
        profile_candidates(),
        query_is_project=True,
        limit=limit * OVERFETCH,
        exclude_ids=_declined_profile_ids(project),
        exclude_user_ids=blocked,
        query_vector=project_candidates().centred(query),
    )
    ids = [entry.item.id for entry in ranked]
    profiles = _taking_part(
        Profile.objects.filter(pk__in=ids, hidden_at__isnull=True).exclude(user_id__in=sorted(blocked)),
        "user_id",
    ).select_related("user")
    by_id = {profile.pk: profile for profile in profiles}
    viewer = viewer_for(user)
    decisions, introductions = _decisions(project=project), _introductions(project=project)
    result, people = [], set()
    for entry in ranked:
        profile = by_id.get(entry.item.id)
        if profile is None or profile.user_id == user.pk or not may_view_profile(viewer, profile):
            continue
        if profile.user_id in people:  # one card per person
            continue
        people.add(profile.user_id)
        data = visible_reasons(entry.reasons, visible_fields(viewer, profile))
        theirs = decisions.get((project.pk, profile.pk, Side.COMPETENCE), "")
        result.append(
            Suggestion(
                project=project,
                profile=profile,
                score=entry.score,
                reasons=[text for text in map(render_for_holder, data) if text],
                reason_data=data,
                mine=decisions.get((project.pk, profile.pk, Side.HOLDER), ""),
                theirs=theirs if theirs == Verdict.ACCEPT else "",
                introduction_url=introductions.get((project.pk, profile.pk), ""),
            )
        )
        if len(result) == limit:
            break
    return result


def competences_page(user, project, number=1) -> SuggestionPage:
    """Page ``number`` of the competences (one more fetched, to know whether another page follows)."""
    more = min(number * SUGGESTIONS, MAX_SUGGESTIONS)
    return paginate(competences_for_project(user, project, limit=more + (more < MAX_SUGGESTIONS)), number)


def projects_page(user, profile, number=1) -> SuggestionPage:
    more = min(number * SUGGESTIONS, MAX_SUGGESTIONS)
    return paginate(projects_for_profile(user, profile, limit=more + (more < MAX_SUGGESTIONS)), number)


def projects_for_profile(user, profile, limit=SUGGESTIONS) -> list[Suggestion]:
    """Projects this member could help, for the member: ranked, checked, explained."""
    if not permissions.may_see_profile_suggestions(user, profile):
        return []
    blocked = blocked_user_ids(user)
    query = profile_item(profile)
    ranked = rank(
        query,
        project_candidates(),
        query_is_project=False,
        limit=limit * OVERFETCH,
        exclude_ids=_declined_project_ids(profile),
        exclude_user_ids=blocked,
        query_vector=profile_candidates().centred(query),
    )
    ids = [entry.item.id for entry in ranked]
    projects = _taking_part(
        Project.objects.filter(pk__in=ids, owner__hidden_at__isnull=True).exclude(
            owner__user_id__in=sorted(blocked)
        ),
        "owner__user_id",
    ).select_related("owner", "owner__user")
    by_id = {project.pk: project for project in projects}
    viewer = viewer_for(user)
    decisions, introductions = _decisions(profile=profile), _introductions(profile=profile)
    result, seen = [], set()
    for entry in ranked:
        project = by_id.get(entry.item.id)
        if project is None or project.pk in seen:
            continue
        seen.add(project.pk)
        if project is None or project.owner.user_id == user.pk or not may_view_project(viewer, project):
            continue
        owner_groups = visible_fields(viewer, project.owner)
        theirs = decisions.get((project.pk, profile.pk, Side.HOLDER), "")
        result.append(
            Suggestion(
                project=project,
                profile=profile,
                score=entry.score,
                reasons=[
                    text for text in (render_for_competence(r, owner_groups) for r in entry.reasons) if text
                ],
                reason_data=entry.reasons,
                mine=decisions.get((project.pk, profile.pk, Side.COMPETENCE), ""),
                theirs=theirs if theirs == Verdict.ACCEPT else "",
                introduction_url=introductions.get((project.pk, profile.pk), ""),
                owner_visible=owner_groups,
            )
        )
        if len(result) == limit:
            break
    return result


@dataclass
class ProgrammeSuggestion:
    page: object
    reasons: list[str]


def programmes_for_project(user, project, limit=5) -> list[ProgrammeSuggestion]:
    """Live programme pages in the visitor's language for the project's sector, open to its holder."""
    if not permissions.may_see_project_suggestions(user, project):
        return []
    locale = active_locale()
    slugs = matching_slugs(project.sector)
    if locale is None or not slugs:
        return []
    country = (project.owner.country or "").upper()
    pages = (
        visible(ProgrammePage.objects.filter(locale=locale, sector_tags__slug__in=slugs))
        .distinct()
        .prefetch_related("country_tags", "sector_tags")
        .order_by("title")
    )
    result = []
    for page in pages:
        countries = {tag.name.upper() for tag in page.country_tags.all()}
        if countries and country not in countries:
            continue
        sectors = [sector_name(tag.slug, tag.name) for tag in page.sector_tags.all() if tag.slug in slugs]
        reasons = [_("for your sector: %(sector)s") % {"sector": ", ".join(str(s) for s in sectors)}]
        if countries:
            reasons.append(_("open to residents of %(country)s") % {"country": country_name(country)})
        result.append(ProgrammeSuggestion(page=page, reasons=reasons))
        if len(result) == limit:
            break
    return result


@dataclass
class RelaySuggestion:
    user: object
    name: str  # the relay's body (consulate, partner organisation), else their name
    person: str  # the relay's own name, when the body is given
    reasons: list[str]
    channel: str = ""  # RelayChannel value
    channel_label: str = ""
    contact: str = ""  # address, number or page; empty for a message on Kafaat
    contact_url: str = ""


def _contact_url(channel, contact) -> str:
    if channel == RelayChannel.EMAIL and "@" in contact:
        return f"mailto:{contact}"
    if channel == RelayChannel.PHONE and contact:
        return "tel:" + "".join(char for char in contact if char.isdigit() or char == "+")
    if channel == RelayChannel.WEBSITE and urlsplit(contact).scheme in ("http", "https"):
        return contact
    return ""


def relays_for_project(user, project, limit=5) -> list[RelaySuggestion]:
    """Relays (consulates, partner bodies) who follow the holder's country of residence: named by their
    body, with the country they follow and the contact channel they chose."""
    if not permissions.may_see_project_suggestions(user, project):
        return []
    country = project.owner.country
    if not country:
        return []
    blocked = blocked_user_ids(user)
    coverages = (
        RelayCoverage.objects.filter(relay__is_active=True, relay__groups__name=RELAY)
        .exclude(relay_id__in=sorted(blocked))
        .exclude(relay_id=user.pk)
        .select_related("relay")
        .order_by("relay_id")
    )
    result = []
    for coverage in coverages:
        if country not in coverage.countries:
            continue
        relay = coverage.relay
        profile = Profile.objects.filter(user=relay, hidden_at__isnull=True).first()
        person = profile.display_name if profile else display_name(relay)
        reasons = [_("follows members living in %(country)s") % {"country": country_name(country)}]
        channel = coverage.contact_channel or RelayChannel.MESSAGE
        contact = coverage.contact if channel != RelayChannel.MESSAGE else ""
        result.append(
            RelaySuggestion(
                user=relay,
                name=coverage.body or person,
                person=person if coverage.body else "",
                reasons=reasons,
                channel=channel,
                channel_label=str(RelayChannel(channel).label),
                contact=contact,
                contact_url=_contact_url(channel, contact),
            )
        )
        if len(result) == limit:
            break
    return result


def projects_of(user):
    return Project.objects.filter(owner__user=user).order_by("-created_at", "-id")


def decisions_for_evaluation():
    """Every decision with the score and reasons shown at the time (for offline evaluation)."""
    return MatchDecision.objects.order_by("created_at", "id").values(
        "project_id", "profile_id", "side", "verdict", "score", "reasons", "created_at"
    )


def pair_suggestible(project, profile) -> bool:
    """Not declined by either side (declined pairs are never suggested again)."""
    return not MatchDecision.objects.filter(
        project=project, profile=profile, verdict=Verdict.DECLINE
    ).exists()


HOME_SUGGESTIONS = 3


def home_suggestions(user, profile) -> dict:
    """The personal home's suggestions: whether the member takes part, the first projects they could
    help (when their profile's features are computed) and their own projects, whose competences wait."""
    takes_part = permissions.takes_part(user)
    ready = bool(profile) and takes_part and features_ready(profile)
    return {
        "takes_part": takes_part,
        "profile": profile,
        "suggestions": projects_for_profile(user, profile, limit=HOME_SUGGESTIONS) if ready else [],
        "projects": list(projects_of(user)) if takes_part else [],
    }
