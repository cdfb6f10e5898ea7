"""Every UI string is translated in fr, ar and en, and the catalogues follow the code.

The root catalogue (locale/) holds the project-wide apps; every app with a ``locale`` folder beside its
``apps.py`` (core/, each app under community/, the domain and back-office apps) keeps its own catalogue.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr", "ar", "en")
ROOT_SOURCE_DIRS = ("site", "cms", "community", "themes", "accounts", "privacy")
APP_CATALOGUES = sorted(
    path.parent
    for pattern in ("*/apps.py", "*/*/apps.py")
    for path in ROOT.glob(pattern)
    if (path.parent / "locale").is_dir() and ".venv" not in path.parts and "node_modules" not in path.parts
)
CATALOGUE_DIRS = [ROOT, *APP_CATALOGUES]


def _catalogue(base, language):
    return polib.pofile(str(base / "locale" / language / "LC_MESSAGES" / "django.po"))


def _name(base):
    return str(base.relative_to(ROOT)) if base != ROOT else "root"


@pytest.mark.parametrize("base", CATALOGUE_DIRS, ids=_name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(base, language):
    catalogue = _catalogue(base, language)
    assert len(catalogue) > 0
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated entries"
    assert fuzzy == [], f"{language}: fuzzy entries"


@pytest.mark.parametrize("base", CATALOGUE_DIRS, ids=_name)
def test_arabic_catalogue_declares_six_plural_forms(base):
    assert "nplurals=6" in _catalogue(base, "ar").metadata["Plural-Forms"]


def _extract(cwd, command):
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        "DJANGO_SETTINGS_MODULE": "kafaat.settings.test",
    }
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(cwd / "locale/fr/LC_MESSAGES/django.po"))}


def _assert_held(base, fresh):
    for language in LANGUAGES:
        held = {(e.msgctxt, e.msgid) for e in _catalogue(base, language) if not e.obsolete}
        missing = sorted(msgid for _, msgid in fresh - held)
        assert missing == [], f"{_name(base)} {language}: strings marked in the code but absent"


def test_root_catalogue_holds_every_string_the_code_marks(tmp_path):
    """Extract the strings afresh from a copy of the code; none may be missing from the catalogues."""
    ignore = shutil.ignore_patterns("__pycache__", "migrations", "locale")
    for name in ROOT_SOURCE_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    # Apps with a catalogue of their own are extracted into it, not into the root one.
    own = [f"--ignore={app.relative_to(ROOT)}" for app in APP_CATALOGUES]
    fresh = _extract(tmp_path, [sys.executable, "manage.py", "makemessages", "-l", "fr", "-v0", *own])
    _assert_held(ROOT, fresh)


@pytest.mark.parametrize("app", APP_CATALOGUES, ids=_name)
def test_app_catalogue_holds_every_string_the_app_marks(app, tmp_path):
    copy = tmp_path / app.name
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("__pycache__", "migrations", "locale"))
    (copy / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    django_admin = Path(sys.executable).with_name("django-admin")
    fresh = _extract(copy, [str(django_admin), "makemessages", "-l", "fr", "-v0"])
    _assert_held(app, fresh)
