"""Which column of a file holds which field: a guess from header names (fr, ar, en, and the words of
it, es, de, nl a partner body abroad may export with), and memory.

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
        "prenom complet",  # "Nome completo", "Nombre completo" as the guess reads them
        # The person a business or a project directory lists, by their role.
        "fondateur",
        "fondatrice",
        "fondateur trice",
        "founder",
        "co founder",
        "dirigeant",
        "dirigeante",
        "gerant",
        "gerante",
        "ceo",
        "porteur de projet",
        "porteuse de projet",
        "porteur du projet",
        "project holder",
        "laureat",
        "laureate",
        # Or as the participants, beneficiaries, members of a programme or a network ("Membre" alone
        # may be a yes or no).
        "adherent",
        "adherente",
        "participant",
        "participante",
        "beneficiaire",
        "beneficiary",
        "المستفيد",
        "المشارك",
        "المؤسس",
        "المسير",
        "حامل المشروع",
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
        "ne e le",
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
        # A household's number: still the row's only phone when no mobile column is there.
        "fixe",
        "landline",
        "land line",
        "الثابت",
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


# Header words of the languages diaspora bodies abroad export in (Italian, Spanish, German, Dutch),
# read as the French or English word the rules below know: "Cognome" is a family name, "Nome" a given
# name (not the French "nom"), "Data di nascita" a date of birth, "Luogo di nascita" a birthplace.
_FOREIGN_WORDS = {
    "nome": "prenom", "nombre": "prenom", "nombres": "prenom", "vorname": "prenom", "voornaam": "prenom",
    "voornamen": "prenom", "cognome": "nom", "apellido": "nom", "apellidos": "nom", "nachname": "nom",
    "familienname": "nom", "achternaam": "nom", "familienaam": "nom", "naam": "name",
    "completo": "complet", "vollstandiger": "complet", "volledige": "complet",
    "data": "date", "fecha": "date", "datum": "date", "nascita": "naissance", "nacimiento": "naissance",
    "geburtsdatum": "date naissance", "geboortedatum": "date naissance", "anno": "annee", "ano": "annee",
    "geburtsjahr": "annee naissance", "geboortejaar": "annee naissance",
    "luogo": "lieu", "lugar": "lieu", "geburtsort": "lieu naissance", "geboorteplaats": "lieu naissance",
    "citta": "ville", "ciudad": "ville", "stadt": "ville", "stad": "ville", "wohnort": "ville",
    "woonplaats": "ville", "plaats": "ville", "localidad": "ville", "comune": "commune",
    "municipio": "commune", "gemeente": "commune", "gemeinde": "commune",
    "residenza": "residence", "residencia": "residence", "verblijf": "residence",
    "paese": "pays", "pais": "pays", "land": "pays", "staat": "pays", "wohnland": "pays", "woonland": "pays",
    "nazionalita": "nationalite", "nacionalidad": "nationalite", "staatsangehorigkeit": "nationalite",
    "nationaliteit": "nationalite",
    "correo": "courriel", "posta": "mail", "cellulare": "mobile", "handynummer": "mobile",
    "mobilnummer": "mobile", "movil": "mobile", "handy": "mobile", "mobiel": "mobile",
    "telefono": "telephone", "telefon": "telephone",
    "indirizzo": "adresse", "direccion": "adresse", "strasse": "adresse", "adres": "adresse",
    "codice": "code", "nummer": "numero", "mitgliedsnummer": "numero", "lidnummer": "numero",
    "tessera": "numero", "socio": "membre",
}  # fmt: skip


# Foreign words that are something else before these words: "Nombre" is the Spanish given name, but
# "Nombre de …" a French count; "Land" the German and Dutch country, but "Land line" a phone.
_NOT_FOREIGN_BEFORE = {"nombre": {"de", "d", "des", "du"}, "land": {"line", "phone"}}


def _guess_key(header: str) -> str:
    """The header as the guess reads it: foreign words translated, an abbreviation spelt with dots
    (D.O.B., N.I.) glued back into one word."""
    original = header_key(header).split()
    words = []
    for i, word in enumerate(original):
        following = original[i + 1] if i + 1 < len(original) else ""
        other_sense = following in _NOT_FOREIGN_BEFORE.get(word, ())
        words.append(word if other_sense else _FOREIGN_WORDS.get(word, word))
    if len(words) > 1 and all(len(word) == 1 for word in words):
        return "".join(words)
    return " ".join(words)


_NAME_INDEX = {header_key(name): field for field, names in HEADER_NAMES.items() for name in names}
# "الاسم" is the given name beside a family-name column, the whole name when it stands alone.
_GENERIC_ARABIC_NAME = {header_key(name) for name in ("الاسم", "الإسم", "اسم")}
_BARE_NAME = {"name", "nom"}


# When no listed name matches a header exactly, its words decide ("Téléphone portable", "E-mail
# personnel", "Date de naissance (jj/mm/aaaa)", "Nom en caractères arabes"): (field, groups of word
# stems of which each must appear, stems that rule the field out). First rule that holds wins, so the
# more specific come first: an Arabic name before a name, a phone number before a record number.
_NAME = ("nom", "name", "اسم", "الاسم", "إسم", "الإسم")
_ARABIC = ("arabe", "arabic", "ar", "عربي", "بالعربية", "العربية", "بالعربي")
_PHONE = (
    "tel", "phone", "mobile", "gsm", "portable", "cell", "whatsapp", "هاتف", "الهاتف", "جوال", "الجوال",
    "محمول", "المحمول", "نقال", "النقال",
)  # fmt: skip
_EMAIL = ("mail", "email", "courriel", "بريد", "البريد", "إيميل", "الإيميل")
_BIRTH = (
    "naiss", "birth", "dob", "born", "ddn", "ازدياد", "الازدياد", "ميلاد", "الميلاد", "ولادة", "الولادة",
)  # fmt: skip
_PLACE = ("lieu", "place", "ville", "city", "pays", "country", "مكان", "مدينة", "بلد")
_CITY = ("ville", "city", "town", "commune", "localite", "مدينة", "المدينة")
_COUNTRY = ("pays", "country", "بلد", "البلد", "دولة", "الدولة")
_NATIONALITY = ("nationalite", "nationality", "جنسية", "الجنسية")
_RESIDENCE = ("residence", "domicile", "الإقامة", "السكن")
# A street address is not a city, though it names one.
_ADDRESS = ("adresse", "address", "rue", "street", "عنوان", "العنوان")
_FULL = ("complet", "full", "entier", "الكامل")
_ROLE = (
    "contact", "representant", "dirigeant", "membre", "member", "adherent", "participant", "beneficiaire",
    "beneficiary", "candidat", "candidate", "laureat", "porteur", "holder", "العضو", "المستفيد", "المشارك",
)  # fmt: skip
_RECORD = (
    "id", "identifiant", "numero", "number", "num", "nr", "no", "n°", "#", "ref", "matricule", "dossier",
    "code", "رقم", "الرقم",
)  # fmt: skip
# A number that identifies the person or the place, not the record in the source.
_NOT_RECORD = ("passport", "passeport", "cin", "cni", "postal", "zip", "جواز", "البطاقة")
# Names of something or someone else than the person (a company, a school, a parent, a spouse),
# and a French word that starts like a name.
_NOT_PERSON = (
    "entreprise", "societe", "company", "employer", "employeur", "organisation", "organization", "ecole",
    "school", "universite", "university", "etablissement", "pere", "mere", "father", "mother",
    "conjoint", "spouse", "الأب", "الأم", "الشركة", "المؤسسة", "المدرسة", "الجامعة",
    "enfant", "children",
    "nombre",  # "Nombre de projets", "Nombre d'enfants": a count, and it starts like "nom"
)  # fmt: skip
# A family-name word and a given-name word in one header: "Nom & Prénom", "Prénom et nom", "الاسم والنسب".
# ("الاسم العائلي" alone is the family name: the Arabic family words count here only after "و", "and".)
_FAMILY_WORD = ("nom", "last", "surname", "family", "famille", "النسب", "والنسب", "والعائلي", "والعائلة")
_GIVEN_WORD = ("prenom", "first", "given", "forename", "الاسم", "الشخصي", "واسم")
_GIVEN_ONLY = ("prenom", "first", "given", "forename", "الشخصي")
_FAMILY_ONLY = ("famille", "surname", "patronyme", "family", "last", "النسب", "العائلي", "العائلة")
_WORD_RULES = (
    # "Prénom en arabe", "Last name (Arabic)": a part of the Arabic name (a whole one says both parts).
    ("given_name_arabic", (_GIVEN_ONLY, _ARABIC), (*_NOT_PERSON, *_FAMILY_WORD)),
    ("family_name_arabic", (_FAMILY_ONLY, _ARABIC), (*_NOT_PERSON, *_GIVEN_WORD)),
    ("name_arabic", (_NAME, _ARABIC), _NOT_PERSON),
    ("full_name", (_FAMILY_WORD, _GIVEN_WORD), _NOT_PERSON),
    # "Nom du membre", "Member name", "Nom de l'adhérent": the person's whole name, by their role.
    ("full_name", (_ROLE, _NAME), (*_NOT_PERSON, *_GIVEN_ONLY, "famille", "family", "last", "surname")),
    ("family_name", (_NAME, _BIRTH), _NOT_PERSON),  # nom de naissance: the family name at birth
    ("phone", (_PHONE,), ()),
    ("email", (_EMAIL,), ()),
    ("birth_date", (_BIRTH,), _PLACE),
    ("city", (_CITY,), _BIRTH),
    ("country", (_COUNTRY,), (*_BIRTH, *_NATIONALITY)),
    # Where the person lives, with no word for a country: "Lieu de résidence", "Place of residence".
    ("city", (_RESIDENCE,), (*_BIRTH, *_ADDRESS)),
    ("full_name", (_NAME, _FULL), _NOT_PERSON),
    ("given_name", (("prenom", "الشخصي"),), _NOT_PERSON),
    # "first", "last" alone may be a first contact or a last update: with a name word only.
    ("given_name", (("first", "given", "forename", "الأول"), _NAME), _NOT_PERSON),
    ("family_name", (("famille", "surname", "patronyme", "النسب", "العائلة", "العائلي"),), _NOT_PERSON),
    ("family_name", (("last", "family"), _NAME), _NOT_PERSON),
    # "Nom" with other words (NOM en majuscules, nom d'usage) is the family name, as "Nom" alone is.
    ("family_name", (("nom",),), _NOT_PERSON),
    ("external_id", (_RECORD,), _NOT_RECORD),
)
# Stems compared as the headers are (accents and hamza dropped: الأول → الاول, العائلي → العايلي).
_FAMILY_KEYS = tuple(header_key(s) for s in _FAMILY_WORD)
_GIVEN_KEYS = tuple(header_key(s) for s in _GIVEN_WORD)
_FULL_KEYS = tuple(header_key(s) for s in _FULL)
_WORD_RULES = tuple(
    (
        field,
        tuple(tuple(header_key(s) for s in group) for group in required),
        tuple(header_key(s) for s in excluded),
    )
    for field, required, excluded in _WORD_RULES
)


def _has(words: list[str], stems) -> bool:
    # Latin stems start a word (tel → téléphone, telephones); Arabic ones are whole words.
    return any(
        word == stem or (stem.isascii() and len(stem) > 2 and word.startswith(stem))
        for word in words
        for stem in stems
    )


def _guess_by_words(key: str) -> str | None:
    words = key.split()
    for field, required, excluded in _WORD_RULES:
        if all(_has(words, group) for group in required) and not _has(words, excluded):
            return field
    return None


# Where a file has two phone or email columns, the one a person keeps and other sources also hold: a
# mobile number (a landline is a household's), a personal address (a work one changes with the job).
_PREFERRED = {
    "phone": (
        ("mobile", "portable", "gsm", "cell", "whatsapp", "محمول", "المحمول", "جوال", "الجوال", "نقال"),
        ("fixe", "fix", "domicile", "home", "landline", "bureau", "office", "work", "travail", "pro", "ثابت"),
    ),
    "email": (
        ("perso", "personal", "personnel", "prive", "private", "شخصي", "الشخصي"),
        ("pro", "professional", "professionnel", "work", "travail", "bureau", "office", "entreprise"),
    ),
}
_PREFERRED = {
    field: tuple(tuple(header_key(s) for s in stems) for stems in groups)
    for field, groups in _PREFERRED.items()
}


def _preference(field: str, header: str) -> int:
    if field not in _PREFERRED:
        return 0
    words = _guess_key(header).split()
    liked, disliked = _PREFERRED[field]
    return _has(words, liked) - _has(words, disliked)


def _takes(mapping: dict, field: str | None, header: str) -> bool:
    return bool(field) and (
        field not in mapping or _preference(field, header) > _preference(field, mapping[field])
    )


# Two columns for one name part, one in each script ("Prénom" and "الاسم", "Nom" and "Nom (arabe)", "Name"
# and "الإسم و النسب"): the Arabic one fills the part of the Arabic name, or the whole of it.
_ARABIC_TWIN = {
    "given_name": "given_name_arabic",
    "family_name": "family_name_arabic",
    "full_name": "name_arabic",
}
_ARABIC_KEYS = tuple(header_key(s) for s in _ARABIC)
_ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")
_LATIN_LETTERS = re.compile(r"[a-z]", re.IGNORECASE)


def _arabic_header(header: str) -> bool:
    """Written in Arabic only, or saying its column is in Arabic."""
    text = str(header)
    in_arabic = bool(_ARABIC_LETTERS.search(text)) and not _LATIN_LETTERS.search(text)
    return in_arabic or _has(_guess_key(header).split(), _ARABIC_KEYS)


def _assign(mapping: dict, field: str | None, header: str) -> None:
    twin, taken = _ARABIC_TWIN.get(field), mapping.get(field)
    if twin and taken and twin not in mapping and _arabic_header(header) != _arabic_header(taken):
        if _arabic_header(header):
            mapping[twin] = header
        else:
            mapping[twin], mapping[field] = taken, header
    elif _takes(mapping, field, header):
        mapping[field] = header


def _family_part(header: str) -> bool:
    words = _guess_key(header).split()
    return _has(words, _FAMILY_KEYS) and not _has(words, _GIVEN_KEYS) and not _has(words, _FULL_KEYS)


def guess_mapping(headers) -> dict:
    """{target field: header} for the headers whose name says what they hold: a listed name first,
    then the words of the others; of two phone or email columns, the mobile or personal one."""
    mapping = {}
    generic, unknown = [], []
    for header in headers:
        key = _guess_key(header)
        if key in _GENERIC_ARABIC_NAME:
            generic.append(header)
            continue
        field = _NAME_INDEX.get(key)
        if field:
            _assign(mapping, field, header)
        else:
            unknown.append(header)
    for header in unknown:
        _assign(mapping, _guess_by_words(_guess_key(header)), header)
    for header in generic:
        field = "given_name" if "family_name" in mapping else "name_arabic"
        if field in mapping and not _arabic_header(mapping[field]):
            field = _ARABIC_TWIN.get(field, field)
        if field not in mapping:
            mapping[field] = header
    # "Nom en arabe" is the whole Arabic name, unless a column holds the Arabic given name apart.
    parted = "given_name_arabic" in mapping and "family_name_arabic" not in mapping
    if parted and _family_part(mapping.get("name_arabic", "")):
        mapping["family_name_arabic"] = mapping.pop("name_arabic")
    # "Name" or "Nom du membre" beside a given-name column and no family name is the family name
    # ("Vorname" / "Name"); "Nom complet" or "Nom et prénom" stays the whole name.
    if "full_name" in mapping and "given_name" in mapping and "family_name" not in mapping:
        words = _guess_key(mapping["full_name"]).split()
        if not _has(words, _GIVEN_KEYS) and not _has(words, _FULL_KEYS):
            mapping["family_name"] = mapping.pop("full_name")
    # A lone "Nom" with no given name anywhere holds the whole name ("BENNANI Karim"), as such lists do.
    lone_family = "family_name" in mapping and not {"given_name", "full_name"} & set(mapping)
    if lone_family and _guess_key(mapping["family_name"]) in _BARE_NAME:
        mapping["full_name"] = mapping.pop("family_name")
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
