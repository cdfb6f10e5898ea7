"""What the referential holds about a member, as a section of their data export (privacy/export.py).

The golden records the member claimed or is linked to (and those merged into them), with every source
record behind them as the source gave it. The import files are not included: each holds other people's
rows too.
"""

from django.db.models import Q

from .linkage.models import GoldenRecord, RecordLink


def _values(fields: dict) -> dict:
    return {
        name: (entry.get("value") if isinstance(entry, dict) else entry) for name, entry in fields.items()
    }


def referential_export(user):
    mine = GoldenRecord.objects.filter(Q(claimed_by=user) | Q(links__user=user)).values_list("pk", flat=True)
    ids = set(mine)
    ids |= set(GoldenRecord.objects.filter(merged_into__in=ids).values_list("pk", flat=True))
    goldens = GoldenRecord.objects.filter(pk__in=ids).order_by("id")
    links = (
        RecordLink.objects.filter(golden__in=ids, source_record__isnull=False)
        .select_related("source_record__source")
        .order_by("source_record_id")
    )
    data = {
        "golden_records": [
            {
                "id": g.pk,
                "name": g.display_name,
                "email": g.email,
                "fields": _values(g.fields or {}),
                "corrections": _values(g.overrides or {}),
                "claimed_by_me": g.claimed_by_id == user.pk,
                "claimed_at": g.claimed_at,
                "merged_into": g.merged_into_id,
                "created_at": g.created_at,
            }
            for g in goldens
        ],
        "source_records": [
            {
                "golden_record": link.golden_id,
                "source": link.source_record.source.name,
                "row": link.source_record.row_number,
                "as_given": link.source_record.raw,
                "given_name": link.source_record.given_name,
                "family_name": link.source_record.family_name,
                "name_arabic": link.source_record.name_arabic,
                "birth_date": link.source_record.birth_date,
                "email": link.source_record.email,
                "phone": link.source_record.phone,
                "city": link.source_record.city,
                "country": link.source_record.country,
                "imported_at": link.source_record.imported_at,
            }
            for link in links
        ],
    }
    return data, []
