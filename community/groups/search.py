"""What the site search finds among groups: the groups the directory lists (name, description, tags).

Posts and comments are not indexed: they are members-only content (groups.permissions.can_see_content).
"""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.cities import city_names
from core.search import HitList, SearchHit, SearchProvider, index_object, matching_ids, unindex_object

from . import selectors
from .models import CommunityGroup

GROUPS = "groups"


def group_text(group) -> str:
    """Every language the group is named in, and its city's names in fr, ar and en: a reader finds
    "Marocains de Bruxelles" by typing "بروكسل" or "Brussels"."""
    city = city_names(group.city) or {}
    return " ".join(
        [
            group.name,
            group.name_fr,
            group.name_ar,
            group.name_en,
            group.description,
            group.description_fr,
            group.description_ar,
            group.description_en,
            group.sector,
            group.city,
            *city.values(),
        ]
    )


def group_documents():
    for group in CommunityGroup.objects.iterator(chunk_size=2000):
        yield group.pk, "", group_text(group)


def group_indexed(sender, instance, **kwargs):
    index_object(GROUPS, instance.pk, {"": group_text(instance)})


def group_unindexed(sender, instance, **kwargs):
    unindex_object(GROUPS, instance.pk)


def groups_found(query: str):
    return selectors.groups_directory().filter(pk__in=matching_ids(GROUPS, query))


def _results(request, query):
    def hit(group):
        return SearchHit(
            kind=GROUPS,
            title=group.local_name,
            url=reverse("groups:detail", args=[group.slug]),
            snippet=Truncator(group.local_description).words(30),
        )

    return HitList(groups_found(query), hit)


PROVIDER = SearchProvider(
    kind=GROUPS, label=_("Groups"), results=_results, order=40, documents=group_documents
)
