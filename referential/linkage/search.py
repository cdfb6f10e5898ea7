"""What the site search finds among golden records: analysts and administrators only (with their second
factor: accounts.roles.user_roles counts staff roles only after it), through ``permissions``."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import HitList, SearchHit, SearchProvider, index_object, matching_ids, unindex_object

from .models import GoldenRecord
from .permissions import can_use_linkage

GOLDEN = "golden"
SEARCHED_FIELDS = ("given_name", "family_name", "name_arabic", "email", "city", "occupation", "employer")


def golden_text(golden) -> str:
    values = [golden.display_name, golden.email]
    for source in (golden.fields or {}, golden.overrides or {}):
        for name in SEARCHED_FIELDS:
            entry = source.get(name)
            # A merged field is {"value": …, "sources": …}; a value written by hand may be plain.
            value = entry.get("value") if isinstance(entry, dict) else entry
            if isinstance(value, str):
                values.append(value)
    return " ".join(values)


def golden_documents():
    for golden in GoldenRecord.objects.iterator(chunk_size=2000):
        yield golden.pk, "", golden_text(golden)


def golden_indexed(sender, instance, **kwargs):
    index_object(GOLDEN, instance.pk, {"": golden_text(instance)})


def golden_unindexed(sender, instance, **kwargs):
    unindex_object(GOLDEN, instance.pk)


def golden_found(user, query: str):
    if not can_use_linkage(user):
        return GoldenRecord.objects.none()
    return GoldenRecord.objects.filter(merged_into__isnull=True, pk__in=matching_ids(GOLDEN, query)).order_by(
        "display_name", "id"
    )


def _results(request, query):
    def hit(golden):
        return SearchHit(
            kind=GOLDEN,
            title=str(golden),
            url=reverse("linkage:golden", args=[golden.pk]),
            snippet=golden.email,
        )

    return HitList(golden_found(request.user, query), hit)


PROVIDER = SearchProvider(
    kind=GOLDEN,
    label=_("Golden records"),
    results=_results,
    order=80,
    visible=lambda request: can_use_linkage(request.user),
    documents=golden_documents,
)
