"""Icons and web fonts are committed static files (vendored by scripts/vendor-assets), found by the static
finders, referenced by the site's pages and stylesheets, and hold what the templates ask for."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from django.contrib.staticfiles import finders
from django.templatetags.static import static

from core.registry import registry

SVG = "{http://www.w3.org/2000/svg}"


def _text(path):
    found = finders.find(path)
    assert found, f"{path} is not found by the static finders"
    return Path(found).read_text(encoding="utf-8")


def _sprite_ids():
    tree = ElementTree.fromstring(_text("themes/icons/sprite.svg"))  # noqa: S314 — our own committed file
    return {symbol.get("id") for symbol in tree.iter(f"{SVG}symbol")}


def _templates():
    for folder in ("themes", "community", "core", "cms", "events", "matching", "accounts", "privacy"):
        yield from (Path(__file__).resolve().parent.parent / folder).rglob("*.html")


def test_the_sprite_holds_every_icon_the_menus_and_templates_use():
    ids = _sprite_ids()
    used = {entry.icon for entry in registry.menu_entries.values() if entry.icon}
    for template in _templates():
        used |= set(re.findall(r'{% icon "([\w-]+)"', template.read_text(encoding="utf-8")))
    assert "bell" in used and "users" in used
    assert used <= ids, sorted(used - ids)
    # Every community menu entry carries an icon.
    assert all(entry.icon for entry in registry.menu("community"))


def test_fonts_are_self_hosted_woff2_with_swap_and_the_arabic_face_covers_arabic():
    css = _text("themes/css/fonts.css")
    faces = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(faces) == 6
    families = set()
    for face in faces:
        assert "font-display: swap;" in face
        url = re.search(r"url\(\.\./fonts/([\w-]+\.woff2)\) format\('woff2'\)", face).group(1)
        assert finders.find(f"themes/fonts/{url}"), url
        families.add(re.search(r"font-family: '([^']+)'", face).group(1))
        if "Arabic" in face:
            assert "U+0600-06FF" in face
    assert families == {"Noto Sans", "Noto Sans Arabic"}
    site_css = _text("themes/css/kafaat.css")
    assert re.search(r'--font-arabic: "Noto Sans Arabic"', site_css)
    assert '[lang="ar"] { --font-body: var(--font-arabic);' in site_css


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_pages_link_the_fonts_and_the_sprite(client, language):
    html = client.get(f"/{language}/community/members/projects/").content.decode()
    assert static("themes/css/fonts.css") in html
    preload = "noto-sans-arabic-arabic-400-normal" if language == "ar" else "noto-sans-latin-400-normal"
    assert re.search(rf'rel="preload" href="[^"]*{preload}\.woff2" as="font"', html)
    # The community menu's icons come from the sprite and are hidden from assistive technologies.
    assert re.search(
        r'<svg class="icon icon--users" aria-hidden="true" focusable="false">'
        r'<use href="[^"]*sprite\.svg#users"',
        html,
    )
