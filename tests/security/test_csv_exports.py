"""Every CSV the site serves is formula-safe (finding 4 and its class).

Static: no module writes CSV but core.csvfile. Dynamic: the planted world's text is rewritten to
spreadsheet formulas, then every URL pattern that looks like a download (".csv", "export", "download",
"rejected") is requested by an administrator with a second factor; every CSV response is parsed and no
cell may start with a formula character.
"""

import contextlib
import csv
import io
import re
from pathlib import Path

import pytest

from django.db import models, transaction
from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import ADMIN
from core.csvfile import FORMULA_PREFIXES

from .urlmap import fill, site_patterns
from .world import FORBIDDEN_IDS, _planted_models, back_office_models, plant

FORMULA = '=HYPERLINK("http://evil.example","x")'
APPS = (
    "accounts",
    "privacy",
    "cms",
    "community",
    "events",
    "matching",
    "referential",
    "outreach",
    "watch",
    "accompaniment",
    "api",
    "core",
)
DOWNLOADISH = re.compile(r"\.csv|export|download|rejected", re.I)


def test_only_the_shared_writer_writes_csv():
    base = Path(__file__).resolve().parents[2]
    writers = []
    for top in APPS:
        for module in (base / top).rglob("*.py"):
            # Demo seeders and the linkage evaluation set write sample import files (input, never
            # served): not exports.
            sample_inputs = ("csvfile.py", "demo.py", "hardset.py", "hardset_files.py")
            if "migrations" in module.parts or module.name in sample_inputs:
                continue
            if re.search(r"csv\.(writer|DictWriter)\(", module.read_text(encoding="utf-8")):
                writers.append(str(module.relative_to(base)))
    assert not writers, f"CSV written outside core.csvfile: {writers}"


def _formulas_everywhere():
    for model in [*_planted_models(), *back_office_models()]:
        changes = {}
        for field in model._meta.concrete_fields:
            plain = type(field) in (models.CharField, models.TextField) and not field.choices
            if plain and not field.primary_key and not field.unique:
                changes[field.name] = FORMULA[: field.max_length or len(FORMULA)]
        # A constraint on one model must not stop the others.
        if changes:
            with contextlib.suppress(Exception), transaction.atomic():
                model._default_manager.filter(pk__in=FORBIDDEN_IDS).update(**changes)


@pytest.mark.django_db
def test_every_csv_download_is_formula_safe(capsys):
    world = plant()
    _formulas_everywhere()
    from events.occurrences import session_key

    facts = {"content_types": world["content_types"], "session_key": session_key(world["event"].start)}
    admin = UserFactory(roles=[ADMIN], two_factor=True)
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    checked, unsafe = [], []
    for pattern in site_patterns():
        if not DOWNLOADISH.search(pattern.key) or not pattern.localised:
            continue
        for path in fill(pattern, "fr", facts):
            response = client.get(path)
            if "csv" not in response.get("Content-Type", ""):
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            checked.append(path)
            for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))):
                unsafe += [(path, cell) for cell in row if cell.lstrip(" ").startswith(FORMULA_PREFIXES)]
    with capsys.disabled():
        print(f"\nCSV exports checked: {len(checked)}: {sorted(checked)}")
    assert checked, "no CSV export answered: the world or the filler lost them"
    assert not unsafe, unsafe[:10]
