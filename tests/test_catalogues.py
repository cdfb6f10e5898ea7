"""Every UI string is translated in fr, ar and en, and the catalogues follow the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr", "ar", "en")
SOURCE_DIRS = ("site", "cms", "community", "events", "matching", "themes", "accounts", "privacy")


def _catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    catalogue = _catalogue(language)
    assert len(catalogue) > 0
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated entries"
    assert fuzzy == [], f"{language}: fuzzy entries"


def test_arabic_catalogue_declares_six_plural_forms():
    assert "nplurals=6" in _catalogue("ar").metadata["Plural-Forms"]


def test_catalogues_hold_every_string_the_code_marks(tmp_path):
    """Extract the strings afresh from a copy of the code; none may be missing from the catalogues."""
    for name in SOURCE_DIRS:
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "migrations")
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "-v0"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / "locale/fr/LC_MESSAGES/django.po"))}
    for language in LANGUAGES:
        held = {(e.msgctxt, e.msgid) for e in _catalogue(language) if not e.obsolete}
        missing = sorted(msgid for _, msgid in fresh - held)
        assert missing == [], f"{language}: strings marked in the code but absent from the catalogue"
