"""Golden records with an email, of people who are not members, as a campaign audience (core.audiences).

Each contact carries the names of the sources its record came from: the campaign states them in its
first-contact message (law 09-08 information duty). Registered from ReferentialConfig.ready().
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from core.audiences import AudienceFilter, Contact
from core.countries import country_choices

from .linkage.models import GoldenRecord, RecordLink
from .models import Source
from .permissions import can_use_referential


def _sources():
    return [(str(pk), name) for pk, name in Source.objects.order_by("name").values_list("pk", "name")]


class GoldenRecordContacts:
    key = "referential.golden"
    label = _("Golden records")

    def items(self, user):
        return [("golden", str(_("Golden records")))] if can_use_referential(user) else []

    def filters(self):
        return [
            AudienceFilter("source", _("Source"), _sources),
            AudienceFilter("country", _("Country"), country_choices),
        ]

    def recipients(self, item_key, filters):
        if item_key != "golden":
            return []
        wanted_sources = {int(v) for v in filters.get("source", []) if str(v).isdigit()}
        wanted_countries = set(filters.get("country", []))
        members = set(RecordLink.objects.filter(user__isnull=False).values_list("golden_id", flat=True))
        origins = defaultdict(set)
        source_ids = defaultdict(set)
        links = RecordLink.objects.filter(source_record__isnull=False).values_list(
            "golden_id", "source_record__source_id", "source_record__source__name"
        )
        for golden_id, source_id, name in links:
            origins[golden_id].add(name)
            source_ids[golden_id].add(source_id)
        records = GoldenRecord.objects.filter(merged_into__isnull=True, claimed_by__isnull=True).exclude(
            email=""
        )
        for golden in records.only("pk", "email", "display_name", "fields").iterator(chunk_size=2000):
            if golden.pk in members:
                continue
            if wanted_sources and not (source_ids[golden.pk] & wanted_sources):
                continue
            country = (golden.fields.get("country") or {}).get("value", "")
            if wanted_countries and country not in wanted_countries:
                continue
            yield Contact(
                key=f"referential:g:{golden.pk}",
                email=golden.email,
                name=golden.display_name,
                country=country[:2] if len(country) == 2 else "",
                origin=", ".join(sorted(origins[golden.pk])),
            )
