"""The member's data export: sections contributed by the apps, one machine-readable archive.

Each app registers ``export_section_register(key, build)`` from AppConfig.ready(); ``build(user)``
returns ``(data, files)``: JSON-ready data and the stored files (FieldFile) that belong in the archive.
One app (the profiles) gives the top of ``data.json`` (account, profile, consents…) through
``export_base_register``. This floor names no model of the floors above. The archive is written by a
task (privacy.exports), never inside a request.
"""

import json
import zipfile
from pathlib import PurePosixPath

_SECTIONS: dict = {}
_BASES: dict = {}


def export_section_register(key: str, build) -> None:
    _SECTIONS[key] = build


def export_base_register(key: str, build) -> None:
    """``build(user) -> dict`` merged at the top of data.json (its keys are not wrapped in a section)."""
    _BASES[key] = build


def export_sections() -> list[str]:
    return sorted(_SECTIONS)


def member_base_data(user) -> dict:
    data = {}
    for key in sorted(_BASES):
        data.update(_BASES[key](user))
    return data


def member_sections_data(user) -> dict:
    """The sections' data without the files (the JSON download)."""
    return {key: _SECTIONS[key](user)[0] for key in export_sections()}


def member_archive_write(user, target) -> None:
    """Write a zip into the binary file ``target``: ``data.json`` (the base plus every section, each as
    {"items", "files"}) and ``files/<section>/<n>-<name>``. Files are copied in chunks, not read whole."""
    data = member_base_data(user)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for key in export_sections():
            section, files = _SECTIONS[key](user)
            listed = []
            for index, stored in enumerate(files, start=1):
                if not stored:
                    continue
                name = f"files/{key}/{index}-{PurePosixPath(stored.name).name}"
                try:
                    with stored.open("rb") as handle, archive.open(name, "w") as out:
                        while chunk := handle.read(1 << 20):
                            out.write(chunk)
                except FileNotFoundError:
                    continue
                listed.append(name)
            data[key] = {"items": section, "files": listed}
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
