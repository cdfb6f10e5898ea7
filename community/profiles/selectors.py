"""Reads about profiles and projects: the directories, the relay view, the member's own data."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from community.labels.models import Label, LabelGrant
from community.labels.selectors import active_label_ids, users_holding
from community.notifications.models import Notification
from core.cities import city_keys
from core.sectors import SectorChoice
from privacy.selectors import consent_history, users_with_consent

from .choices import Region
from .models import Profile, Project, TaggedNeededSkill, TaggedSkill
from .permissions import Viewer, project_visible_q, viewer_for, visible_q
from .services import PROFILE_FIELDS
from .text import fold, skill_slug, terms

PAGE_SIZE = 20

# Which field group each directory filter reads: a filter only matches members who show that group.
PROFILE_FILTER_GROUPS = {
    "skill": "skills",
    "sector": "skills",
    "contribution": "skills",
    "country": "country",
    "city": "city",
    "language": "languages",
    "region": "origin",
}


def profile_for_user(user) -> Profile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Profile.objects.filter(user=user).first()


def _listed(queryset: QuerySet, user_field: str) -> QuerySet:
    """Only active members whose latest decision grants the "directory" consent."""
    consented = users_with_consent("directory").filter(pk=OuterRef(user_field))
    return queryset.filter(**{f"{user_field.replace('_id', '')}__is_active": True}).filter(Exists(consented))


def _profile_filter(group: str, name: str, value: str) -> Q | None:
    if not value:
        return None
    if name == "skill":
        slug = skill_slug(value)
        return Q(skills_key__contains=f"|{slug}|") if slug else None
    if name in ("sector", "contribution", "language"):
        column = {"sector": "sectors_key", "contribution": "contributions_key", "language": "languages_key"}[
            name
        ]
        return Q(**{f"{column}__contains": f"|{value}|"})
    if name == "country":
        return Q(country=value)
    if name == "city":  # "Brussels", "بروكسل" and "Bruxelles" find the same members
        return Q(city_key__in=sorted(city_keys(value, folding=fold)))
    if name == "region":
        return Q(region_of_origin=value)
    return None


def _text_rank(viewer: Viewer, query: str):
    """A Q matching any term in a field group the viewer sees, and the rank: matched terms × fields."""
    words = terms(query)
    if not words:
        return None, None
    columns = {"search_name": "name", "search_about": "about", "search_skills": "skills"}
    visible = {column: visible_q(viewer, group) for column, group in columns.items()}
    matches = [Q(**{f"{column}__contains": word}) & visible[column] for word in words for column in columns]
    any_match = Q()
    for condition in matches:
        any_match |= condition
    rank = sum(
        (
            Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
            for condition in matches
        ),
        Value(0),
    )
    return any_match, rank


def directory_profiles(viewer, *, query: str = "", filters: dict | None = None) -> QuerySet:
    """Members listed to this viewer, filtered and ordered (by relevance when there is a query).

    Listed: active, directory consent, not blocked either way, name visible to the viewer. Each filter
    only matches members who let the viewer see the field it reads, so filtering reveals nothing.
    """
    viewer = viewer_for(viewer)
    filters = filters or {}
    # Cheap conditions first: SQLite evaluates them in order, and the consent gate (a correlated
    # subquery per row) then runs only on the few rows left.
    queryset = Profile.objects.filter(visible_q(viewer, "name"), hidden_at__isnull=True)
    if viewer.hidden_user_ids:
        queryset = queryset.exclude(user_id__in=sorted(viewer.hidden_user_ids))
    for name, group in PROFILE_FILTER_GROUPS.items():
        condition = _profile_filter(group, name, filters.get(name, ""))
        if condition is not None:
            queryset = queryset.filter(condition & visible_q(viewer, group))
    if filters.get("label"):
        queryset = queryset.filter(user_id__in=users_holding([filters["label"]]))
    any_match, rank = _text_rank(viewer, query)
    if any_match is not None:
        queryset = queryset.filter(any_match)
    queryset = _listed(queryset, "user_id")
    if any_match is not None:
        return queryset.annotate(rank=rank).order_by("-rank", "search_name", "id")
    return queryset.order_by("search_name", "id")


def directory_projects(viewer, *, query: str = "", filters: dict | None = None) -> QuerySet:
    viewer = viewer_for(viewer)
    filters = filters or {}
    queryset = _listed(Project.objects.select_related("owner"), "owner__user_id").filter(
        project_visible_q(viewer), owner__hidden_at__isnull=True
    )
    if viewer.hidden_user_ids:
        queryset = queryset.exclude(owner__user_id__in=sorted(viewer.hidden_user_ids))
    for name in ("sector", "stage", "region"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("contribution"):
        queryset = queryset.filter(help_key__contains=f"|{filters['contribution']}|")
    if filters.get("skill"):
        slug = skill_slug(filters["skill"])
        queryset = queryset.filter(
            Exists(TaggedNeededSkill.objects.filter(content_object_id=OuterRef("pk"), tag__slug=slug))
        )
    if filters.get("country"):  # the owner's country, when the owner shows it to this viewer
        queryset = queryset.filter(
            Q(owner__country=filters["country"]) & visible_q(viewer, "country", "owner__")
        )
    words = terms(query)
    if words:
        conditions = [Q(search_text__contains=word) for word in words]
        any_match = Q()
        for condition in conditions:
            any_match |= condition
        rank = Coalesce(
            sum(
                (
                    Case(When(c, then=Value(1)), default=Value(0), output_field=IntegerField())
                    for c in conditions
                ),
                Value(0),
            ),
            Value(0),
        )
        return queryset.filter(any_match).annotate(rank=rank).order_by("-rank", "-created_at", "-id")
    return queryset.order_by("-created_at", "-id")


def relay_profiles(user) -> QuerySet:
    """Members living in the countries the relay covers who consented to the directory."""
    viewer = viewer_for(user)
    if not viewer.covered_countries:
        return Profile.objects.none()
    queryset = _listed(Profile.objects.all(), "user_id").filter(country__in=sorted(viewer.covered_countries))
    return queryset.select_related("user").order_by("country", "search_name", "id")


def relay_projects(user) -> QuerySet:
    viewer = viewer_for(user)
    if not viewer.covered_countries:
        return Project.objects.none()
    queryset = _listed(Project.objects.select_related("owner"), "owner__user_id")
    return queryset.filter(owner__country__in=sorted(viewer.covered_countries)).order_by(
        "owner__country", "title"
    )


def labels_by_user(user_ids) -> dict[int, list[Label]]:
    """Active labels of several members at once, for cards."""
    result: dict[int, list[Label]] = {}
    grants = LabelGrant.objects.active().filter(user_id__in=list(user_ids)).select_related("label")
    for grant in grants.order_by("label__slug"):
        result.setdefault(grant.user_id, []).append(grant.label)
    return result


def labels_for_filter() -> QuerySet:
    return Label.objects.order_by("slug")


def skill_suggestions(limit: int = 300) -> list[str]:
    """Existing skill names, offered in the forms' <datalist>."""
    names = set(TaggedSkill.objects.values_list("tag__name", flat=True).distinct()[:limit])
    names |= set(TaggedNeededSkill.objects.values_list("tag__name", flat=True).distinct()[:limit])
    return sorted(names, key=str.casefold)[:limit]


def member_data_export(user) -> dict:
    """Everything the platform holds about the member, as the right of access requires."""
    profile = profile_for_user(user)
    data = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": None,
        "projects": [],
        "consents": [
            {
                "purpose": record.purpose,
                "granted": record.granted,
                "source": record.source,
                "notice_version": record.notice.version,
                "at": record.created_at.isoformat(),
            }
            for record in consent_history(user)
        ],
        "labels": [
            {"slug": label.slug, "name": label.name}
            for label in Label.objects.filter(id__in=active_label_ids(user)).order_by("slug")
        ],
        "notifications": [
            {
                "kind": item.kind,
                "subject": item.subject,
                "body": item.body,
                "url": item.url,
                "created_at": item.created_at.isoformat(),
                "read_at": item.read_at.isoformat() if item.read_at else None,
            }
            for item in Notification.objects.filter(recipient=user).order_by("-created_at", "-id")
        ],
    }
    if profile is not None:
        data["profile"] = {name: getattr(profile, name) for name in PROFILE_FIELDS}
        data["profile"]["skills"] = sorted(profile.skills.names())
        data["profile"]["photo"] = bool(profile.photo)
        data["projects"] = [
            {
                "title": project.title,
                "summary": project.summary,
                "sector": project.sector,
                "stage": project.stage,
                "region": project.region,
                "funding_need": project.funding_need,
                "help_needed": project.help_needed,
                "skills_needed": sorted(project.skills_needed.names()),
                "visibility": project.visibility,
                "created_at": project.created_at.isoformat(),
            }
            for project in profile.projects.order_by("created_at", "id")
        ]
    return data


# What a useful profile holds, in the order a member is asked to fill it in (the personal home's meter).
COMPLETENESS_PARTS = ("name", "place", "skills", "offer", "languages", "about", "photo")


def profile_completeness(profile: Profile | None) -> dict:
    """How much of a useful profile is filled in: {"percent", "missing": [part, …] in COMPLETENESS_PARTS
    order}. No profile: nothing is filled in."""
    if profile is None:
        return {"percent": 0, "missing": list(COMPLETENESS_PARTS)}
    filled = {
        "name": bool(profile.display_name),
        "place": bool(profile.country and profile.city),
        "skills": bool(profile.skills_key.strip("|")),
        "offer": bool(profile.contributions),
        "languages": bool(profile.languages),
        "about": bool(profile.headline or profile.bio),
        "photo": bool(profile.photo),
    }
    missing = [part for part in COMPLETENESS_PARTS if not filled[part]]
    done = len(COMPLETENESS_PARTS) - len(missing)
    return {"percent": round(100 * done / len(COMPLETENESS_PARTS)), "missing": missing}


def filter_values_in_use() -> dict[str, list[str]]:
    """The countries where members live, and the regions and sectors some member or project has: the
    values of the dashboard's filters worth computing ahead (dashboards.aggregates)."""
    held = Profile.objects.aggregate(
        **{code: Count("id", filter=Q(sectors_key__contains=f"|{code}|")) for code in SectorChoice.values}
    )
    sectors = {code for code, n in held.items() if n}
    sectors |= set(Project.objects.exclude(sector="").values_list("sector", flat=True).distinct())
    regions = set(Project.objects.exclude(region="").values_list("region", flat=True).distinct())
    regions |= set(
        Profile.objects.exclude(region_of_origin="").values_list("region_of_origin", flat=True).distinct()
    )
    countries = Profile.objects.exclude(country="").values_list("country", flat=True).distinct()
    return {
        "country": sorted(countries),
        "region": [code for code in Region.values if code in regions],
        "sector": [code for code in SectorChoice.values if code in sectors],
    }
