"""Add msgids with their fr/ar translations to a catalogue (the en msgstr is the msgid), without
re-extracting: ``po_add.py <catalogue dir> <json {msgid: [fr, ar]}>``. Existing entries are left alone."""

import json
import sys
from pathlib import Path

import polib


def main(base, entries):
    for language in ("fr", "ar", "en"):
        path = Path(base) / "locale" / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        known = {(entry.msgctxt, entry.msgid) for entry in catalogue}
        for msgid, (french, arabic) in entries.items():
            if (None, msgid) in known:
                continue
            text = {"fr": french, "ar": arabic, "en": msgid}[language]
            catalogue.append(polib.POEntry(msgid=msgid, msgstr=text))
        catalogue.save(str(path))


if __name__ == "__main__":
    main(sys.argv[1], json.loads(sys.argv[2]))
