"""Taxonomy v2 (matching/data/skills.json version 2): about 345 concepts, finer sectors, tool names.

Creates the missing concepts and refreshes the shipped ones; a synonym the file now gives to another
concept moves there (staff synonyms are otherwise kept). Vectors of renamed concepts are cleared: the
post_migrate handler (matching.apps) embeds what has none.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parents[1] / "data" / "skills.json"


def _key(text):
    return " ".join(text.casefold().split())


def sync(apps, schema_editor):
    SkillConcept = apps.get_model("matching", "SkillConcept")
    with open(DATA, encoding="utf-8") as handle:
        entries = json.load(handle)["skills"]
    owner = {}
    for entry in entries:
        for spelling in entry.get("synonyms", []):
            owner.setdefault(_key(spelling), entry["code"])
    existing = {concept.code: concept for concept in SkillConcept.objects.all()}
    for entry in entries:
        fields = {
            "sector": entry["sector"],
            "name_fr": entry["fr"],
            "name_ar": entry["ar"],
            "name_en": entry["en"],
        }
        concept = existing.get(entry["code"])
        if concept is None:
            SkillConcept.objects.create(code=entry["code"], synonyms=entry.get("synonyms", []), **fields)
            continue
        kept = [s for s in concept.synonyms if owner.get(_key(s), entry["code"]) == entry["code"]]
        synonyms = list(dict.fromkeys([*kept, *entry.get("synonyms", [])]))
        renamed = any(getattr(concept, name) != value for name, value in fields.items() if name != "sector")
        for name, value in fields.items():
            setattr(concept, name, value)
        concept.synonyms = synonyms
        if renamed:
            concept.vector = None
        concept.save()


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_alter_skillconcept_sector")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
