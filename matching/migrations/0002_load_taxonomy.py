"""Load the shipped skills taxonomy (matching/data/skills.json). Later changes: manage.py matching_taxonomy_load."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parents[1] / "data" / "skills.json"


def load(apps, schema_editor):
    SkillConcept = apps.get_model("matching", "SkillConcept")
    with open(DATA, encoding="utf-8") as handle:
        entries = json.load(handle)["skills"]
    existing = set(SkillConcept.objects.values_list("code", flat=True))
    SkillConcept.objects.bulk_create(
        [
            SkillConcept(
                code=entry["code"],
                sector=entry["sector"],
                name_fr=entry["fr"],
                name_ar=entry["ar"],
                name_en=entry["en"],
                synonyms=entry.get("synonyms", []),
            )
            for entry in entries
            if entry["code"] not in existing
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
