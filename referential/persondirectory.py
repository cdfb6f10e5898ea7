"""The person directory the information watch reads (core.registry), offered by the referential.

Golden records, with what the member who claimed one says of themself (headline, sectors), and members
who have no golden record yet. Names are keyed by the linkage's own normalisation (linkage.names), so
the watch and the record linkage agree on who is called what.
"""

import hashlib

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.registry import DirectoryPerson, PersonDirectory

from .linkage import names
from .linkage.models import GoldenRecord, RecordLink
from .linkage.services import SOURCE_PREFIX, golden_consolidate
from .models import ImportBatch, Source, SourceRecord

WATCH_SOURCE_NAME = "Information watch"


def _value(golden, field) -> str:
    entry = (golden.overrides or {}).get(field) or (golden.fields or {}).get(field) or {}
    value = entry.get("value") if isinstance(entry, dict) else entry
    return str(value or "")


def _from_golden(golden) -> DirectoryPerson:
    profile = getattr(golden.claimed_by, "profile", None) if golden.claimed_by_id else None
    latin = " ".join(p for p in (_value(golden, "given_name"), _value(golden, "family_name")) if p)
    return DirectoryPerson(
        id=f"g:{golden.pk}",
        name_latin=latin or golden.display_name,
        name_arabic=_value(golden, "name_arabic") or (profile.name_arabic if profile else ""),
        city=_value(golden, "city") or (profile.city if profile else ""),
        country=_value(golden, "country") or (profile.country if profile else ""),
        sectors=tuple(profile.sectors) if profile else (),
        occupation=(profile.headline if profile else "") or _value(golden, "occupation"),
        employer=_value(golden, "employer"),
        user_id=golden.claimed_by_id,
    )


def _from_profile(profile) -> DirectoryPerson:
    return DirectoryPerson(
        id=f"m:{profile.user_id}",
        name_latin=profile.display_name,
        name_arabic=profile.name_arabic,
        city=profile.city,
        country=profile.country,
        sectors=tuple(profile.sectors or ()),
        occupation=profile.headline,
        user_id=profile.user_id,
    )


class ReferentialDirectory(PersonDirectory):
    def name_key(self, text: str, loose: bool = True) -> str:
        return names.skeleton(text, family=True) if loose else names.normalise(text, family=True)

    def people(self):
        goldens = GoldenRecord.objects.filter(merged_into__isnull=True).select_related("claimed_by__profile")
        claimed = set()
        for golden in goldens.iterator(chunk_size=2000):
            if golden.claimed_by_id:
                claimed.add(golden.claimed_by_id)
            yield _from_golden(golden)
        members = get_user_model().objects.filter(is_active=True, profile__isnull=False)
        for user in members.select_related("profile").iterator(chunk_size=2000):
            if user.pk not in claimed:
                yield _from_profile(user.profile)

    def person(self, person_id: str) -> DirectoryPerson | None:
        kind, _sep, pk = (person_id or "").partition(":")
        if not pk.isdigit():
            return None
        if kind == "g":
            golden = GoldenRecord.objects.select_related("claimed_by__profile").filter(pk=pk).first()
            while golden is not None and golden.merged_into_id:
                golden = GoldenRecord.objects.select_related("claimed_by__profile").get(
                    pk=golden.merged_into_id
                )
            return _from_golden(golden) if golden else None
        if kind == "m":
            user = get_user_model().objects.select_related("profile").filter(pk=pk, is_active=True).first()
            return _from_profile(user.profile) if user and hasattr(user, "profile") else None
        return None

    def person_ids_of_user(self, user_id: int) -> list[str]:
        """The member's own id, and the golden records they claimed or are linked to (merged ones too)."""
        goldens = set(GoldenRecord.objects.filter(claimed_by_id=user_id).values_list("pk", flat=True)) | set(
            RecordLink.objects.filter(user_id=user_id).values_list("golden_id", flat=True)
        )
        goldens |= set(GoldenRecord.objects.filter(merged_into__in=goldens).values_list("pk", flat=True))
        return [f"m:{user_id}", *(f"g:{pk}" for pk in sorted(goldens))]

    @transaction.atomic
    def person_add(self, *, name, name_arabic, city, country, occupation, provenance, actor=None) -> str:
        """A source record of the "Information watch" source (the article is its provenance), and its
        golden record; the next linkage run may merge it with another source's record of the same person."""
        source, _created = Source.objects.get_or_create(
            name=WATCH_SOURCE_NAME, defaults={"kind": Source.Kind.OTHER, "country": "MA", "trust": 2}
        )
        given, _sep, family = (name or "").partition(" ")
        row = {
            "name": name,
            "name_arabic": name_arabic,
            "city": city,
            "country": country,
            "occupation": occupation,
            "article": provenance,
        }
        fingerprint = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()
        existing = SourceRecord.objects.filter(source=source, fingerprint=fingerprint).first()
        if existing is not None and hasattr(existing, "golden_link"):
            return f"g:{existing.golden_link.golden_id}"
        batch = ImportBatch.objects.create(
            source=source,
            file=ContentFile(provenance.encode(), name="watch.txt"),
            original_filename="watch.txt",
            status=ImportBatch.Status.DONE,
            total_rows=1,
            accepted_rows=1,
            processed_rows=1,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            finished_at=timezone.now(),
        )
        record = SourceRecord.objects.create(
            source=source,
            batch=batch,
            row_number=1,
            raw=row,
            fingerprint=fingerprint,
            given_name=given,
            family_name=family,
            name_arabic=name_arabic,
            city=city,
            country=country,
        )
        golden = GoldenRecord.objects.create(display_name=name or name_arabic)
        RecordLink.objects.create(key=f"{SOURCE_PREFIX}{record.pk}", golden=golden, source_record=record)
        golden_consolidate(golden)
        return f"g:{golden.pk}"
