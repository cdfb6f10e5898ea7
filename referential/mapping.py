"""Which column of a file holds which field: a guess from header names (fr, ar, en), and memory.

A mapping is {target field: header}. The mapping last used for a source is proposed first for its
next file, for the headers the new file still has; the other fields are guessed from their names.
"""

import re
import unicodedata

from .models import TARGET_FIELDS

HEADER_NAMES = {  # fmt: skip
    "external_id": (
        "id",
        "identifiant",
        "numero",
        "no",
        "n",
        "ref",
        "reference",
        "matricule",
        "numero de dossier",
        "dossier",
        "numero d inscription",
        "record id",
        "source id",
        "member id",
        "member number",
        "membership number",
        "file number",
        "alumni id",
        "consular id",
        "numero consulaire",
        "رقم",
        "المعرف",
        "رقم الملف",
        "رقم التسجيل",
        "الرقم",
    ),
    "given_name": (
        "prenom",
        "prenoms",
        "first name",
        "firstname",
        "given name",
        "given names",
        "forename",
        "first",
        "given",
        "الاسم الشخصي",
        "الاسم الأول",
        "الإسم الشخصي",
    ),
    "family_name": (
        "nom",
        "nom de famille",
        "patronyme",
        "last name",
        "lastname",
        "surname",
        "family name",
        "family",
        "last",
        "النسب",
        "اسم العائلة",
        "العائلة",
        "اللقب",
        "الكنية",
    ),
    "full_name": (
        "nom complet",
        "nom et prenom",
        "nom prenom",
        "prenom nom",
        "full name",
        "name",
        "fullname",
        "full name latin",
        "full name fr",
        "full name en",
        "nom complet latin",
        "display name",
    ),
    "name_arabic": (
        "nom en arabe",
        "nom arabe",
        "nom arabe complet",
        "nom complet arabe",
        "nom complet en arabe",
        "arabic name",
        "name in arabic",
        "name arabic",
        "name ar",
        "full name ar",
        "full name arabic",
        "fullname ar",
        "arabic full name",
        "nom ar",
        "الاسم بالعربية",
        "الاسم بالعربي",
        "بالعربية",
        "الاسم الكامل بالعربية",
        "الاسم الكامل",
        "الإسم الكامل",
        "الاسم العربي",
    ),
    "birth_date": (
        "date de naissance",
        "naissance",
        "ne le",
        "nee le",
        "ddn",
        "date naissance",
        "birth date",
        "date of birth",
        "birthdate",
        "dob",
        "born",
        "تاريخ الازدياد",
        "تاريخ الميلاد",
        "تاريخ الولادة",
        "سنة الازدياد",
        "سنة الميلاد",
        "annee de naissance",
        "year of birth",
        "birth year",
        "yob",
    ),
    "email": (
        "email",
        "e mail",
        "courriel",
        "mail",
        "adresse email",
        "adresse mail",
        "adresse electronique",
        "email address",
        "البريد الإلكتروني",
        "البريد الالكتروني",
        "البريد",
    ),
    "phone": (
        "telephone",
        "tel",
        "portable",
        "mobile",
        "gsm",
        "numero de telephone",
        "phone",
        "phone number",
        "الهاتف",
        "رقم الهاتف",
        "الجوال",
    ),
    "city": (
        "ville",
        "ville de residence",
        "commune",
        "localite",
        "city",
        "town",
        "المدينة",
        "مدينة الإقامة",
    ),
    "country": (
        "pays",
        "pays de residence",
        "country",
        "country of residence",
        "البلد",
        "الدولة",
        "بلد الإقامة",
    ),
}


def header_key(header: str) -> str:
    text = unicodedata.normalize("NFKD", str(header).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\s_\-'’.:()/*]+", " ", text).strip()
    return text


_NAME_INDEX = {header_key(name): field for field, names in HEADER_NAMES.items() for name in names}
# "الاسم" is the given name beside a family-name column, the whole name when it stands alone.
_GENERIC_ARABIC_NAME = {header_key(name) for name in ("الاسم", "الإسم", "اسم")}


def guess_mapping(headers) -> dict:
    """{target field: header} for the headers whose name says what they hold."""
    mapping = {}
    generic = []
    for header in headers:
        key = header_key(header)
        if key in _GENERIC_ARABIC_NAME:
            generic.append(header)
            continue
        field = _NAME_INDEX.get(key)
        if field and field not in mapping:
            mapping[field] = header
    for header in generic:
        field = "given_name" if "family_name" in mapping else "name_arabic"
        if field not in mapping:
            mapping[field] = header
    return mapping


def proposed_mapping(headers, remembered: dict) -> dict:
    """The remembered mapping where its headers are still there, the guess elsewhere."""
    headers = list(headers)
    proposal = {field: header for field, header in (remembered or {}).items() if header in headers}
    used = set(proposal.values())
    for field, header in guess_mapping(headers).items():
        if field not in proposal and header not in used:
            proposal[field] = header
            used.add(header)
    return {field: proposal[field] for field in TARGET_FIELDS if field in proposal}


def mapped_values(row: dict, mapping: dict) -> dict:
    """{target field: cell} for one {header: cell} row."""
    return {field: row.get(header, "") for field, header in mapping.items() if header}
