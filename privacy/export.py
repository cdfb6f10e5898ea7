"""The member's data export: sections contributed by the apps, one machine-readable archive.

Each app registers ``export_section_register(key, build)`` from AppConfig.ready(); ``build(user)``
returns ``(data, files)``: JSON-ready data and the stored files (FieldFile) that belong in the archive.
This floor names no model of the floors above.
"""

import io
import json
import zipfile
from pathlib import PurePosixPath

_SECTIONS: dict = {}


def export_section_register(key: str, build) -> None:
    _SECTIONS[key] = build


def export_sections() -> list[str]:
    return sorted(_SECTIONS)


def member_sections_data(user) -> dict:
    """The sections' data without the files (the JSON download)."""
    return {key: _SECTIONS[key](user)[0] for key in export_sections()}


def member_archive(user, base: dict | None = None) -> bytes:
    """A zip: ``data.json`` (``base`` plus every section) and ``files/<section>/<n>-<name>``."""
    data = dict(base or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for key in export_sections():
            section, files = _SECTIONS[key](user)
            listed = []
            for index, stored in enumerate(files, start=1):
                if not stored:
                    continue
                name = f"files/{key}/{index}-{PurePosixPath(stored.name).name}"
                try:
                    with stored.open("rb") as handle:
                        archive.writestr(name, handle.read())
                except FileNotFoundError:
                    continue
                listed.append(name)
            data[key] = {"items": section, "files": listed}
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
    return buffer.getvalue()
