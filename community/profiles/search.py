"""What the site search finds among members and projects, through the directory's own selectors.

A member's text is indexed once per audience level ("l0" visitors … "l3" staff), each part holding only
the field groups that level may read: a visitor never finds a member by words of a bio shown to members
only. Who is listed at all (directory consent, moderation, blocks, name visibility) is the directory's
selector, applied to every search.
"""

from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.names import display_name
from core.search import (
    HitList,
    SearchHit,
    SearchProvider,
    documents_matching,
    index_object,
    matching_ids,
    unindex_object,
)

from .choices import Visibility
from .models import Profile, Project
from .permissions import viewer_for, visible_fields
from .selectors import directory_profiles, directory_projects

MEMBERS = "members"
PROJECTS = "projects"
SEARCHED_GROUPS = ("name", "about", "skills")
SNIPPET_WORDS = 30
DOCUMENT_CAP = 1000
SHOWN_CAP = 200


def _group_texts(profile) -> dict[str, str]:
    return {
        "name": f"{profile.display_name} {profile.name_arabic}",
        "about": f"{profile.headline} {profile.bio}",
        "skills": profile.search_skills,
    }


def member_parts(profile) -> dict[str, str]:
    """{"l<level>": the text of the groups a viewer at that level may read}."""
    texts = _group_texts(profile)
    return {
        f"l{level}": " ".join(texts[group] for group in SEARCHED_GROUPS if profile.visibility(group) <= level)
        for level in Visibility.values
    }


def member_documents():
    for profile in Profile.objects.iterator(chunk_size=2000):
        for part, text in member_parts(profile).items():
            yield profile.pk, part, text


def project_text(project) -> str:
    return project.search_text or f"{project.title} {project.summary}"


def project_documents():
    for project in Project.objects.only("id", "title", "summary", "search_text").iterator(chunk_size=2000):
        yield project.pk, "", project_text(project)


def profile_indexed(sender, instance, **kwargs):
    index_object(MEMBERS, instance.pk, member_parts(instance))


def profile_unindexed(sender, instance, **kwargs):
    unindex_object(MEMBERS, instance.pk)


def project_indexed(sender, instance, **kwargs):
    index_object(PROJECTS, instance.pk, {"": project_text(instance)})


def project_unindexed(sender, instance, **kwargs):
    unindex_object(PROJECTS, instance.pk)


def members_found(
    viewer, query: str, shown_cap: int | None = None, document_cap: int | None = None
) -> list[int]:
    """Ids of the members listed to this viewer whose text readable at the viewer's level matches the
    query, in directory order, at most SHOWN_CAP + 1 of them.

    A broad query (a common first name, a prefix of two letters) matches thousands of index rows; the
    first DOCUMENT_CAP are read and the directory's selector keeps those the viewer may see. Whether the
    list is cut is decided on visible members only (SHOWN_CAP), so the page tells nothing of the others.
    """
    viewer = viewer_for(viewer)
    shown_cap = SHOWN_CAP if shown_cap is None else shown_cap
    document_cap = DOCUMENT_CAP if document_cap is None else document_cap
    ids = list(
        documents_matching(MEMBERS, query, [f"l{viewer.level}"]).values_list("object_id", flat=True)[
            :document_cap
        ]
    )
    condition = Q(pk__in=ids)
    if viewer.covered_countries:  # a relay reads members of the countries they cover as staff do
        staff_ids = list(
            documents_matching(MEMBERS, query, [f"l{Visibility.STAFF}"]).values_list("object_id", flat=True)[
                :document_cap
            ]
        )
        condition |= Q(country__in=sorted(viewer.covered_countries), pk__in=staff_ids)
    listed = directory_profiles(viewer).filter(condition)
    # Alphabetical, as the directory lists; the column is already folded to lower case, so Lower() only
    # keeps the planner from walking the name index of every member (seconds at 100,000 members).
    return list(listed.order_by(Lower("search_name"), "id").values_list("pk", flat=True)[: shown_cap + 1])


class _FoundMembers:
    """The members found, as profiles in order, a slice at a time. A first look at a few of them (the
    suggestions) reads fewer index rows than the whole page, which also counts them."""

    def __init__(self, viewer, query):
        self.viewer, self.query = viewer, query
        self._ids = None

    def ids(self):
        if self._ids is None:
            self._ids = members_found(self.viewer, self.query)
        return self._ids

    def count(self):
        return len(self.ids())

    def __getitem__(self, index):
        if self._ids is None and index.start in (None, 0) and index.stop is not None and index.stop <= 10:
            ids = members_found(self.viewer, self.query, shown_cap=index.stop, document_cap=20 * index.stop)
            ids = ids[: index.stop]
        else:
            ids = self.ids()[index]
        by_id = Profile.objects.select_related("user").in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


def projects_found(viewer, query: str):
    return directory_projects(viewer).filter(pk__in=matching_ids(PROJECTS, query))


def _viewer(request):
    """The directory's view of this visitor, read once per request for both providers (roles, labels
    and blocks are three queries each time)."""
    if not hasattr(request, "_directory_viewer"):
        request._directory_viewer = viewer_for(request.user)
    return request._directory_viewer


def _member_results(request, query):
    viewer = _viewer(request)

    def hit(profile):
        snippet = profile.headline if "about" in visible_fields(viewer, profile) else ""
        return SearchHit(
            kind=MEMBERS,
            title=display_name(profile.user),
            url=reverse("profiles:detail", args=[profile.pk]),
            snippet=Truncator(snippet).words(SNIPPET_WORDS),
        )

    return HitList(_FoundMembers(viewer, query), hit, cap=SHOWN_CAP)


def _project_results(request, query):
    def hit(project):
        return SearchHit(
            kind=PROJECTS,
            title=project.title,
            url=reverse("projects:detail", args=[project.pk]),
            snippet=Truncator(project.summary).words(SNIPPET_WORDS),
        )

    return HitList(projects_found(_viewer(request), query), hit)


PROVIDERS = (
    SearchProvider(
        kind=MEMBERS, label=_("Members"), results=_member_results, order=20, documents=member_documents
    ),
    SearchProvider(
        kind=PROJECTS, label=_("Projects"), results=_project_results, order=30, documents=project_documents
    ),
)
