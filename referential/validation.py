"""Check and normalise one imported row. Pure functions: no database, no request.

Each check returns the normalised value or raises RowProblem with a code; the codes are stored with
rejected rows and rendered in the reader's language by reason_message(), so a report downloaded in
Arabic says the same thing as the page in French.
"""

import datetime
import hashlib
import re
import unicodedata

import babel
import phonenumbers

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.countries import country_from_text

ARABIC_LETTER = re.compile(
    r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]"
)
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
DIGIT = re.compile(r"\d")
CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")
# Arabic-Indic and Eastern Arabic-Indic digits, as typed on Arabic keyboards.
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

LATIN_NAME_FIELDS = ("given_name", "family_name", "full_name")


class RowProblem(Exception):
    """A doubtful cell: ``code`` says why; ``keep`` is what the row keeps of it (nothing by default)."""

    def __init__(self, code, field, value="", keep=None):
        super().__init__(code)
        self.code = code
        self.field = field
        self.value = value
        self.keep = keep


# What each code means, for the analyst. Kept lazy: rendered in the language active at render time.
# A code is a rejection only for rows that carry nothing identifying a person ("nothing_identifies",
# "unreadable_row", "summary_row"); every other code is a warning on a row that was imported with the
# cell blanked, repaired or moved (see validate_row).
REASONS = {
    "nothing_identifies": gettext_lazy(
        "Nothing identifies a person: no name in either script, no email and no phone."
    ),
    "missing_name": gettext_lazy("No name: the row was kept for its email or phone."),
    "latin_name_in_arabic_script": gettext_lazy(
        "This column is for the name in Latin script, but it holds Arabic letters: kept as the Arabic name."
    ),
    "arabic_name_in_latin_script": gettext_lazy(
        "This column is for the name in Arabic script, but it holds Latin letters: kept as the Latin name."
    ),
    "name_has_digits": gettext_lazy("A name cannot contain digits: they were left out."),
    "name_bad_characters": gettext_lazy(
        "A name holds only letters, spaces, hyphens, apostrophes and full stops: other characters were "
        "left out."
    ),
    "bad_encoding": gettext_lazy(
        "The text is garbled (wrong character encoding, e.g. “Ã©” for “é”, or “�”): the cell was left "
        "empty. Save the file again as UTF-8."
    ),
    "repaired_encoding": gettext_lazy("The text was garbled (wrong character encoding) and was repaired."),
    "invalid_email": gettext_lazy("Not a valid email address: left empty."),
    "several_emails": gettext_lazy("Several email addresses in one cell: the first one was kept."),
    "invalid_phone": gettext_lazy("Not a phone number: only the value as written was kept."),
    "phone_country_assumed": gettext_lazy(
        "A national number and no country on the row: it was read in the source's country, to check."
    ),
    "phone_not_allocated": gettext_lazy(
        "This number is not in a range allocated for the country (a typo or a new range): kept, to check."
    ),
    "several_phones": gettext_lazy(
        "Several numbers in one cell: the first one that reads was kept; all are in the value as written."
    ),
    "invalid_date": gettext_lazy("Not a date (write dd/mm/yyyy, yyyy-mm-dd, mm/yyyy or yyyy): left empty."),
    "date_year_kept": gettext_lazy("Not a valid date (e.g. 31/02/1980): only its year was kept."),
    "implausible_date": gettext_lazy("This date of birth is in the future or before 1900: left empty."),
    "unknown_country": gettext_lazy(
        "Unknown country (give its name in any language or its ISO code): left empty."
    ),
    "too_long": gettext_lazy(
        "Longer than the field holds: cut to fit; the row as received keeps the whole value."
    ),
    "unreadable_row": gettext_lazy("The row could not be read (wrong number of columns)."),
    "external_id_reused": gettext_lazy(
        "The source gave this record id to another person before (an id column that counts lines?): "
        "imported as a record of its own rather than overwriting that person."
    ),
    "summary_row": gettext_lazy("A total or a count under the table (“Total : 2”), not a person."),
}
REJECTING = frozenset({"nothing_identifies", "unreadable_row", "summary_row"})

FIELD_LABELS = {
    "external_id": gettext_lazy("record id in the source"),
    "given_name": gettext_lazy("given name"),
    "family_name": gettext_lazy("family name"),
    "full_name": gettext_lazy("full name"),
    "name_arabic": gettext_lazy("name in Arabic"),
    "given_name_arabic": gettext_lazy("given name in Arabic"),
    "family_name_arabic": gettext_lazy("family name in Arabic"),
    "birth_date": gettext_lazy("date of birth"),
    "email": gettext_lazy("email"),
    "phone": gettext_lazy("phone"),
    "city": gettext_lazy("city"),
    "country": gettext_lazy("country"),
    "": gettext_lazy("row"),
}


def reason_message(reason: dict) -> str:
    """“date of birth: Not a date; …” in the active language."""
    text = str(REASONS.get(reason.get("code"), reason.get("code", "")))
    field = str(FIELD_LABELS.get(reason.get("field", ""), reason.get("field", "")))
    return _("%(field)s: %(problem)s") % {"field": field, "problem": text}


# --- Text ---------------------------------------------------------------------------------------------


def clean_text(value) -> str:
    """NFC, single spaces, no surrounding blanks; refuses garbled text."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = " ".join(text.split())
    if text and is_garbled(text):
        raise RowProblem("bad_encoding", "", text)
    return text


def repaired(text: str) -> str | None:
    """Mojibake read back as UTF-8 ("Ã©" → "é"), or None when the text cannot be recovered."""
    if "\ufffd" in text or CONTROL.search(text):
        return None
    for wrong in ("cp1252", "latin-1", "cp1256"):
        try:
            recovered = text.encode(wrong).decode("utf-8")
        except UnicodeError:
            continue
        if recovered != text:
            return recovered
    return None


def is_garbled(text: str) -> bool:
    """Replacement or control characters, or mojibake: UTF-8 bytes that were read as another encoding.

    "Ã©" is "é" in UTF-8 read as Latin-1; "Ù…Ø­Ù…Ø¯" and "ظ…ط­ظ…ط¯" are "محمد" read as Windows-1252 and
    Windows-1256. Encoding the text back and decoding it as UTF-8 recovers the original only then.
    """
    if "\ufffd" in text or CONTROL.search(text):
        return True
    if text.isascii():
        return False
    return repaired(text) is not None


NAME_PUNCTUATION = frozenset(" '’-.")


def _check_name_characters(text, field):
    if DIGIT.search(text.translate(ARABIC_DIGITS)):
        raise RowProblem("name_has_digits", field, text)
    if any(not (c in NAME_PUNCTUATION or unicodedata.category(c)[0] in "LM") for c in text):
        raise RowProblem("name_bad_characters", field, text)


def clean_latin_name(value, field) -> str:
    try:
        text = clean_text(value)
    except RowProblem as problem:
        raise RowProblem(problem.code, field, problem.value) from None
    if ARABIC_LETTER.search(text):
        raise RowProblem("latin_name_in_arabic_script", field, text)
    _check_name_characters(text, field)
    return text


def clean_arabic_name(value) -> str:
    try:
        text = clean_text(value)
    except RowProblem as problem:
        raise RowProblem(problem.code, "name_arabic", problem.value) from None
    if LATIN_LETTER.search(text):
        raise RowProblem("arabic_name_in_latin_script", "name_arabic", text)
    _check_name_characters(text, "name_arabic")
    return text


def name_letters(text: str) -> str:
    """The name with what cannot be in a name left out (digits, symbols), spaces kept single."""
    kept = "".join(
        c if c in NAME_PUNCTUATION or unicodedata.category(c)[0] in "LM" else " "
        for c in text.translate(ARABIC_DIGITS)
        if not c.isdigit()
    )
    return " ".join(kept.split()).strip(" .-'’")


# Titles written before or after a name in directories ("Dr. Ahmed Alaoui", "Mme Fatima Bennani",
# "السيد كريم التازي", "Ahmed Alaoui, PhD"): not part of the name. Compared as _fold leaves a word
# (letters only, accents and hamza dropped: "Dr." → dr, "الأستاذ" → الاستاذ).
_TITLES_BEFORE = frozenset(
    {
        "mr", "mrs", "ms", "mme", "mmes", "mlle", "mx", "dr", "drs", "pr", "prof", "professeur", "professor",
        "docteur", "doctor", "me", "maitre", "ing", "eng", "sr", "sra", "sig", "herr", "frau", "madame",
        "monsieur", "mademoiselle", "sir", "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "الاستاذ",
        "الاستاذة", "ذ", "المهندس", "المهندسة", "الحاج", "الحاجة",
    }
)  # fmt: skip
_TITLES_AFTER = frozenset({"phd", "md", "mba", "msc", "dr", "jr", "esq"})


def strip_titles(text: str) -> str:
    """The name without the titles around it; a cell that is only a title stays as it is."""
    words = text.split()
    # "M." is Monsieur before a full name; a bare "M" may be an initial, so only before two words.
    while len(words) > 1 and (
        _fold(words[0]) in _TITLES_BEFORE or (_fold(words[0]) == "m" and len(words) > 2)
    ):
        words = words[1:]
    while len(words) > 1 and _fold(words[-1]) in _TITLES_AFTER:
        words = words[:-1]
    return " ".join(words).rstrip(" ,")


def salvage_name(value, field) -> tuple[str, str, dict | None]:
    """(script, text, warning) for one name cell: "latin" or "arabic" as the letters say, whatever the
    column; garbled text repaired when it can be, stray characters left out."""
    warning = None
    text = " ".join(unicodedata.normalize("NFC", str(value or "")).split())
    if not text:
        return "latin", "", None
    if is_garbled(text):
        fixed = repaired(text)
        if fixed is None:
            return "latin", "", {"code": "bad_encoding", "field": field, "value": text}
        warning = {"code": "repaired_encoding", "field": field, "value": text}
        text = " ".join(unicodedata.normalize("NFC", fixed).split())
    text = _without_notes(strip_titles(text))
    script = "arabic" if ARABIC_LETTER.search(text) and not LATIN_LETTER.search(text) else "latin"
    if script == "latin" and ARABIC_LETTER.search(text):
        # Both scripts in one cell: keep the letters of the column's script.
        wanted = ARABIC_LETTER if field == "name_arabic" else LATIN_LETTER
        script = "arabic" if field == "name_arabic" else "latin"
        text = " ".join(word for word in text.split() if wanted.search(word))
    # "ALAOUI, Mohamed" in a full-name column: the comma says which is the family name.
    family_comma = field == "full_name" and text.count(",") == 1
    try:
        _check_name_characters(text.replace(",", " ") if family_comma else text, field)
    except RowProblem as problem:
        warning = warning or {"code": problem.code, "field": field, "value": text}
        text = name_letters(text)
    if script == "arabic" and field != "name_arabic":
        warning = warning or {"code": "latin_name_in_arabic_script", "field": field, "value": text}
    if script == "latin" and field == "name_arabic":
        warning = warning or {"code": "arabic_name_in_latin_script", "field": field, "value": text}
    return script, text, warning


# What civil records add to a name: "(née Alaoui)", "épouse Bennani", "veuve Tazi". The name before
# it is the one the record is about (the raw row keeps the rest).
_NAME_NOTE_BRACKETS = re.compile(r"\s*\([^)]*\)")
_NAME_NOTE_WORDS = re.compile(
    r"\s+(?:[ée]pouse|[ée]p\.|n[ée]e|veuve|vve|wife of|widow of|married|زوجة|حرم|أرملة)\s+(.*)$",
    re.IGNORECASE,
)


def _without_notes(original: str) -> str:
    text = _NAME_NOTE_BRACKETS.sub("", original)
    match = _NAME_NOTE_WORDS.search(text)
    if match:
        # "EL IDRISSI ép. BENNANI Fatima": the other name is the words in capitals after the note (or its
        # first word); a given name after it stays.
        after = match.group(1).split()
        upper = [word.isupper() and len(word) > 1 for word in after]
        cut = upper.index(False) if upper[0] and not all(upper) else len(after)
        text = " ".join([text[: match.start()], *after[cut:]])
    return text.strip() or original


# Second words of compound given names ("Fatima Zahra", "Nour Eddine", "Abd el Kader"): folded keys.
_COMPOUND_SECOND = frozenset(
    {"zahra", "ezzahra", "zohra", "ezzohra", "eddine", "edine", "dine", "ddine", "allah", "ellah", "illah"}
)
_COMPOUND_FIRST = frozenset({"abd", "abdel", "abdul", "abou", "abu", "moulay", "my", "sidi", "lalla", "el"})
# Words that start a family name and never a given name (El and Al do: El Mehdi, El Hassane).
_FAMILY_PARTICLES = frozenset({"ben", "bel", "bin", "ibn", "ait", "ou", "ould"})


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isalpha())


def split_full_name(full: str) -> tuple[str, str]:
    """ "EL AMRANI, Mohamed" → (Mohamed, EL AMRANI); "Mohamed El Amrani" → (Mohamed, El Amrani);
    "BENNANI Fatima Zahra" → (Fatima Zahra, BENNANI): words in capitals are the family name, as civil
    records write it; "Fatima Zahra Bennani" → (Fatima Zahra, Bennani): compound given names stay whole."""
    if "," in full:
        family, given = (part.strip() for part in full.split(",", 1))
        return given, family
    words = full.split()
    if len(words) < 2:
        return full, ""
    upper = [w.isupper() and len(w) > 1 for w in words]
    if any(upper) and not all(upper):
        if upper[0]:
            cut = upper.index(False)
            return " ".join(words[cut:]), " ".join(words[:cut])
        if upper[-1]:
            cut = len(words) - upper[::-1].index(False)
            return " ".join(words[:cut]), " ".join(words[cut:])
    given = 1
    first = _fold(words[0])
    if len(words) > 2 and first in _FAMILY_PARTICLES:
        # "Ben Lattif Youcef", "Ait El Haj Selma": no given name is Ben or Aït, so the family comes first.
        cut = 3 if len(words) > 3 and _fold(words[1]) in {"el", "al"} else 2
        return " ".join(words[cut:]), " ".join(words[:cut])
    if len(words) > 2 and (first in _COMPOUND_FIRST or _fold(words[1]) in _COMPOUND_SECOND):
        given = 2
        if first in {"abd", "abou", "abu"} and _fold(words[1]) in {"el", "al", "ul"} and len(words) > 3:
            given = 3
    return " ".join(words[:given]), " ".join(words[given:])


# --- Email, phone ---------------------------------------------------------------------------------------


# An address inside other text: "Karim Tazi <karim.tazi@gmail.com>", "a@b.ma; c@d.fr".
_EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


# Notes beside an address ("(perso)", "[pro]"), an @ hidden from robots or typed with spaces around it.
_EMAIL_NOTE = re.compile(r"[(\[](?![^)\]]*@)[^)\]]*[)\]]")
_HIDDEN_AT = re.compile(r"\s*[(\[]\s*(?:at|arobase)\s*[)\]]\s*|\s*@\s*")


def clean_email(value) -> str:
    text = clean_text(value).lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :]
    text = _HIDDEN_AT.sub("@", _EMAIL_NOTE.sub(" ", _HIDDEN_AT.sub("@", text)))
    text = text.strip(" .;,")
    if text.count("@") == 1 and " " not in text:
        local, domain = text.split("@")
        text = f"{local}@{domain.replace(',', '.')}"  # gmail,com: a comma typed for the dot
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        pass
    else:
        return text
    found = []
    for candidate in _EMAIL_IN_TEXT.findall(text):
        try:
            validate_email(candidate)
        except ValidationError:
            continue
        found.append(candidate)
    if len(found) > 1:
        raise RowProblem("several_emails", "email", text, keep=found[0])
    # One address with a name around it in <…> or (…), or with only punctuation around it; "karim tazi@x.ma"
    # is a broken address, not "tazi@x.ma".
    if found and ("<" in text or "(" in text or not re.search(r"\w", text.replace(found[0], ""))):
        return found[0]
    raise RowProblem("invalid_email", "email", text)


_PHONE_KEEP = re.compile(r"[^\d+]")
# International call prefixes: 00 (most of the world), 011 (North America), 010 (Japan).
INTERNATIONAL_PREFIXES = ("00", "011")


def _phone_candidates(text: str, regions):
    """Ways to read a number, most likely first: as written in each region, then with an
    international prefix or a bare country code turned into "+" (with a trunk 0 after it dropped).

    A bare country code comes first when the region writes its own numbers with a trunk prefix the
    digits lack: "4915123500474" in Germany is +49 15123500474 with its "+" lost (a spreadsheet drops
    it), not a German number 0491 5123500474 that nobody would write without its 0."""
    digits = _PHONE_KEEP.sub("", text.replace("(0)", ""))
    plus = digits.startswith("+")
    digits = digits.lstrip("+")
    bare = not plus and len(digits) >= 10 and not digits.startswith("0")
    trunk_missing = bare and all(_trunk_zero(region) for region in regions)

    def as_written():
        for region in regions:
            yield text, region
            if _zero_dropped(digits, region, plus):
                yield "0" + digits, region

    if not trunk_missing:
        yield from as_written()
    forms = []
    if plus:
        forms.append(digits)
    for prefix in INTERNATIONAL_PREFIXES:
        if digits.startswith(prefix):
            forms.append(digits[len(prefix) :])
    if bare:
        forms.append(digits)  # "212 661 23 45 67": a country code without its "+"
    for form in forms:
        yield "+" + form, None
        code_length = next(
            (n for n in (1, 2, 3) if phonenumbers.region_code_for_country_code(int(form[:n] or 0)) != "ZZ"),
            0,
        )
        if code_length and form[code_length : code_length + 1] == "0":
            yield "+" + form[:code_length] + form[code_length + 1 :], None
    if trunk_missing:
        yield from as_written()


def _zero_dropped(digits: str, region: str, plus: bool) -> bool:
    """The number may have lost its leading 0 in a spreadsheet that stored it as a number: an Italian
    02 1234 5678 (Italy keeps the 0 after +39), a North American 011 212 661… dialled abroad."""
    if plus or not digits or digits.startswith("0"):
        return False
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if digits.startswith("11") and metadata and metadata.international_prefix == "011":
        return True
    return len(digits) < 10


def _trunk_zero(region: str) -> bool:
    """The region writes its numbers with a leading 0 (France, Germany, Morocco…; not Italy, Spain or
    North America, whose "1" is left out of local numbers)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return bool(metadata) and metadata.national_prefix == "0"


# Between two numbers written in one cell: "06 61 23 45 67 / 05 22 12 34 56", "… ou …", "… or …".
_PHONE_SEPARATORS = re.compile(r"\s*(?:[/;,|]|\s(?:ou|or|et|and|و)\s)\s*", re.IGNORECASE)


# What a spreadsheet makes of a number typed in a numeric cell: 33612345678.0, 3.3612345678E+10.
_SPREADSHEET_NUMBER = re.compile(r"^(\+?\d+)\.0+$|^(\d)\.(\d+)[eE]\+?(\d{1,2})$")
# Words in brackets ("(mobile)", "(domicile)", "(الهاتف)"), and "poste 22" for an extension.
_PHONE_NOTE = re.compile(r"\((?=[^)]*[^\W\d_])[^)]*\)")
_EXTENSION = re.compile(r"\b(?:poste|p\.)\s*(\d+)\s*$", re.IGNORECASE)


def _phone_text(text: str) -> str:
    if match := _SPREADSHEET_NUMBER.match(text):
        if match.group(1):
            return match.group(1)
        head, tail, exponent = match.group(2), match.group(3), int(match.group(4))
        if len(tail) <= exponent:  # every digit survived: an exact integer
            return head + tail + "0" * (exponent - len(tail))
    return _EXTENSION.sub(r" ext. \1", _PHONE_NOTE.sub(" ", text)).strip()


def clean_phone(value, default_region: str, row_region: str = "") -> tuple[str, dict | None]:
    """(E.164 or "", warning): read in the row's own country first, then the source's; international
    prefixes 00 and 011 and bare country codes understood. A number that only passes as *possible*
    (outside allocated ranges) is kept with a warning; one that cannot be read keeps only its raw form.
    A cell with several numbers keeps the first that reads, with a warning."""
    text = clean_text(value).translate(ARABIC_DIGITS)
    if not text:
        return "", None
    text = _phone_text(text) or text
    e164, warning = _clean_one_phone(text, default_region, row_region)
    parts = [part for part in _PHONE_SEPARATORS.split(text) if part.strip()]
    if e164 or len(parts) < 2:
        return e164, warning
    for part in parts:
        e164, _warning = _clean_one_phone(part, default_region, row_region)
        if e164:
            return e164, {"code": "several_phones", "field": "phone", "value": text}
    return "", warning


def _clean_one_phone(text: str, default_region: str, row_region: str) -> tuple[str, dict | None]:
    regions = [r for r in dict.fromkeys((row_region, default_region)) if r]
    possibles = []
    for candidate, region in _phone_candidates(text, regions):
        try:
            number = phonenumbers.parse(candidate, region, keep_raw_input=True)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            national = number.country_code_source == phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY
            if national and region != row_region:
                # A national number read in the source's country, not the row's: say so.
                return e164, {"code": "phone_country_assumed", "field": "phone", "value": text}
            return e164, None
        if phonenumbers.is_possible_number(number):
            possibles.append(number)
    if possibles:
        # No reading is allocated: keep the one in the row's country (else the source's) rather than a
        # bare country code's, which may be another country's ("6612345678" on a Dutch row is not Thai).
        at_home = [n for r in regions for n in possibles if phonenumbers.region_code_for_number(n) == r]
        e164 = phonenumbers.format_number((at_home or possibles)[0], phonenumbers.PhoneNumberFormat.E164)
        return e164, {"code": "phone_not_allocated", "field": "phone", "value": text}
    return "", {"code": "invalid_phone", "field": "phone", "value": text}


# --- Dates ---------------------------------------------------------------------------------------------

# Month names in French, English and Arabic (Maghreb and Middle-East names), for "12 mars 1985"; those
# of the host countries' languages are added from CLDR below.
MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            [
                ("janvier", "january", "jan", "janv", "يناير", "كانون الثاني", "جانفي"),
                ("fevrier", "february", "feb", "fev", "fevr", "فبراير", "شباط", "فيفري"),
                ("mars", "march", "mar", "مارس", "آذار"),
                ("avril", "april", "apr", "avr", "أبريل", "ابريل", "نيسان", "أفريل"),
                ("mai", "may", "ماي", "مايو", "أيار"),
                ("juin", "june", "jun", "يونيو", "حزيران", "جوان"),
                ("juillet", "july", "jul", "juil", "يوليوز", "يوليو", "تموز", "جويلية"),
                ("aout", "august", "aug", "غشت", "أغسطس", "آب", "أوت"),
                ("septembre", "september", "sep", "sept", "شتنبر", "سبتمبر", "أيلول"),
                ("octobre", "october", "oct", "أكتوبر", "اكتوبر", "تشرين الأول"),
                ("novembre", "november", "nov", "نونبر", "نوفمبر", "تشرين الثاني"),
                ("decembre", "december", "dec", "دجنبر", "ديسمبر", "كانون الأول"),
            ],
            start=1,
        )
        for name in names
    }
}
NUMERIC_DATE = re.compile(r"^(\d{1,4})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,4})$")
WORDED_DATE = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)?[\s\-]+(.+?)\.?[\s\-]+(\d{4}|\d{2})$")
MONTH_DAY_YEAR = re.compile(r"^(.+?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
# Days since 30 December 1899, as spreadsheets count: 10000 (1927) to 59999 (2064), five digits that no
# other way of writing a date of birth uses.
SPREADSHEET_SERIAL = re.compile(r"^([1-5]\d{4})(?:\.0+)?$")
SPREADSHEET_EPOCH = datetime.date(1899, 12, 30)
COMPACT_DATE = re.compile(r"^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
# 12031985: day first, as the slashes were; read only where yyyymmdd cannot be.
COMPACT_DAY_FIRST = re.compile(r"^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d{2})$")
# "1985", "vers 1985", "~1985", "1985 ?": a year, however sure the source was of it.
YEAR_ONLY = re.compile(
    r"^(?:(?:vers|ca|circa|c|env|environ|about|approx|~|±)\.?\s*)?(\d{4})(?:\.0)?\s*\??$"
)
YEAR_MONTH = re.compile(r"^(\d{4})[/.\-](\d{1,2})$")
MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
WORDED_MONTH_YEAR = re.compile(r"^(.+?)\.?\s+(\d{4})$")

DAY, MONTH, YEAR = "day", "month", "year"


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _cldr_months() -> dict[str, int]:
    """Month names and abbreviations of the languages of the diaspora's host countries (CLDR), for
    "12 marzo 1978", "12. März 1978", "3 de junio de 1980"; a name two months share is left out."""
    found: dict[str, set[int]] = {}
    for code in ("it", "es", "de", "nl", "pt"):
        months = babel.Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    found.setdefault(_strip_accents(name.casefold()).rstrip("."), set()).add(number)
    return {name: numbers.pop() for name, numbers in found.items() if len(numbers) == 1}


MONTHS = {**_cldr_months(), **MONTHS}
# "12. März", "12 de marzo de 1978": a dot after the day, a preposition around the month.
_MONTH_FILLER = re.compile(r"(?<=\d)\.(?=\s)|\s(?:de|del|di)(?=\s)")


# "né le 12/03/1985", "born in 1985", "ولد سنة 1985": the words before the date say nothing more.
BIRTH_WORDS = re.compile(
    r"^(?:n[ée]e?\s+(?:le|en)|born(?:\s+(?:on|in))?|(?:ولد|ولدت|مزداد|مزدادة)\s+(?:في|سنة|بتاريخ))\s+",
    re.IGNORECASE,
)


# What follows a date in a cell and says nothing of the day: a time of day (a spreadsheet's, an ISO
# timestamp's), a note in brackets ("(à vérifier)", "(approx.)").
_TIME_OF_DAY = re.compile(
    r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[ap]\.?m\.?)?$", re.IGNORECASE
)
_DATE_NOTE = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")


def _weekdays() -> frozenset[str]:
    """Day names in the languages dates reach us in ("Tuesday, March 12, 1985", "mardi 12 mars 1985")."""
    names = set()
    for code in ("fr", "en", "ar", "it", "es", "de", "nl", "pt"):
        days = babel.Locale.parse(code).days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names |= {_strip_accents(n.casefold()).rstrip(".") for n in days[context][width].values()}
    return frozenset(names)


WEEKDAYS = _weekdays()
_FIRST_WORD = re.compile(r"^([^\W\d_]+)\.?,?\s+(?=\S)")


def _without_weekday(text: str) -> str:
    match = _FIRST_WORD.match(text)
    word = _strip_accents(match.group(1).casefold()) if match else ""
    # "Mar" is March as well as the French and Spanish Tuesday: a month's name stays.
    if word in WEEKDAYS and word not in MONTHS:
        return text[match.end() :]
    return text


def _date_text(value) -> str:
    """A date cell as text: Western digits; a day's name before the date, a time of day or a note
    after it left out."""
    text = clean_text(value).translate(ARABIC_DIGITS)
    text = _without_weekday(BIRTH_WORDS.sub("", text))
    text = _DATE_NOTE.sub("", text)
    return _TIME_OF_DAY.sub("", text).removesuffix("Z").strip()


def _full_year(year: int, today: datetime.date) -> int:
    if year >= 100:
        return year
    # A two-digit year of birth: not in the future.
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def parse_partial_date(value, today=None, month_first: bool = False) -> tuple[datetime.date | None, str]:
    """(date, precision): a full date ("day"), a year and month ("month", the date on the 1st) or a
    year alone ("year", the date on 1 January). Zero day or month ("00/00/1985") count as unknown."""
    today = today or datetime.date.today()
    if isinstance(value, datetime.datetime):
        return value.date(), DAY
    if isinstance(value, datetime.date):
        return value, DAY
    if isinstance(value, int | float) and not isinstance(value, bool) and 1000 <= value < 10000:
        return datetime.date(int(value), 1, 1), YEAR
    text = _date_text(value)
    if not text:
        return None, ""
    if match := SPREADSHEET_SERIAL.match(text):
        # A spreadsheet's day number (31118 = 12 March 1985) where a date cell lost its format.
        return SPREADSHEET_EPOCH + datetime.timedelta(days=int(match.group(1))), DAY
    folded = _MONTH_FILLER.sub("", _strip_accents(text.casefold()))
    if match := YEAR_ONLY.match(folded):
        return datetime.date(int(match.group(1)), 1, 1), YEAR
    if match := YEAR_MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
        return _month_or_year(year, month, value)
    if match := MONTH_YEAR.match(text):
        month, year = int(match.group(1)), int(match.group(2))
        return _month_or_year(year, month, value)
    match = NUMERIC_DATE.match(text)
    if match and len(match.group(1)) != 4 and int(match.group(1)) == 0:
        return _month_or_year(_full_year(int(match.group(3)), today), int(match.group(2)), value)
    if match and len(match.group(1)) == 4 and int(match.group(3)) == 0:
        return _month_or_year(int(match.group(1)), int(match.group(2)), value)
    if not match and (worded := WORDED_MONTH_YEAR.match(folded)) and worded.group(1) in MONTHS:
        return datetime.date(int(worded.group(2)), MONTHS[worded.group(1)], 1), MONTH
    return parse_date(value, today, month_first), DAY


def _month_or_year(year, month, value):
    if month == 0:
        return datetime.date(year, 1, 1), YEAR
    if 1 <= month <= 12:
        return datetime.date(year, month, 1), MONTH
    raise RowProblem("invalid_date", "birth_date", str(value))


def month_first(values, sample: int = 5000) -> bool:
    """Whether a column's numeric dates are written month first (03/12/1985 for 12 March, as in North
    America): only when some can be read no other way (a second number above 12) and almost none can
    be read only day first. Read on the first ``sample`` values, so a preview and the import agree."""
    day_only = month_only = 0
    for index, value in enumerate(values):
        if index >= sample:
            break
        try:
            text = _date_text(value)
        except RowProblem:
            continue  # garbled: the row's own check says so
        match = NUMERIC_DATE.match(text)
        if not match or len(match.group(1)) == 4:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        day_only += first > 12 >= second
        month_only += second > 12 >= first
    return month_only >= 2 and month_only > 4 * day_only


def parse_date(value, today=None, month_first: bool = False) -> datetime.date | None:
    """dd/mm/yyyy (also with - or .), yyyy-mm-dd, dd/mm/yy, “12 mars 1985”, “March 12, 1985”,
    “12-Mar-1985”, 19850312, spreadsheet dates.

    Day first, as in France and Morocco, unless the column is written ``month_first``; the other order
    only where the first cannot be read.
    """
    today = today or datetime.date.today()
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _date_text(value)
    if not text:
        return None
    match = NUMERIC_DATE.match(text)
    candidates = []
    if match:
        first, second, third = match.groups()
        if len(first) == 4:  # yyyy-mm-dd
            candidates.append((int(first), int(second), int(third)))
        else:
            year = _full_year(int(third), today)
            day_first, other = (year, int(second), int(first)), (year, int(first), int(second))
            candidates += [other, day_first] if month_first else [day_first, other]
    elif COMPACT_DATE.match(text):
        candidates.append((int(text[:4]), int(text[4:6]), int(text[6:])))
    elif match := COMPACT_DAY_FIRST.match(text):
        day, month, year = match.groups()
        candidates.append((int(year), int(month), int(day)))
    else:
        folded = _MONTH_FILLER.sub("", _strip_accents(text.casefold()))
        if (match := WORDED_DATE.match(folded)) and match.group(2) in MONTHS:
            candidates.append(
                (_full_year(int(match.group(3)), today), MONTHS[match.group(2)], int(match.group(1)))
            )
        elif (match := MONTH_DAY_YEAR.match(folded)) and match.group(1) in MONTHS:
            candidates.append((int(match.group(3)), MONTHS[match.group(1)], int(match.group(2))))
    for year, month, day in candidates:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise RowProblem("invalid_date", "birth_date", str(value))


def clean_birth_date(value, today=None, month_first: bool = False) -> tuple[datetime.date | None, str]:
    """(date, precision) of a date of birth: "day", "month" or "year"; (None, "") when empty."""
    today = today or datetime.date.today()
    try:
        date, precision = parse_partial_date(value, today, month_first)
    except (RowProblem, ValueError, OverflowError):
        raise _year_kept(value, today) from None
    if date is not None and (date > today or date.year < 1900):
        raise RowProblem("implausible_date", "birth_date", str(value))
    return date, precision


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _year_kept(value, today) -> RowProblem:
    """An unreadable date that still names one plausible year (31/02/1980, 1985-13-01) keeps it: the
    year is evidence for linkage, and the row as received keeps the rest."""
    text = str(value).translate(ARABIC_DIGITS)
    years = {int(y) for y in _YEAR_IN_TEXT.findall(text) if 1900 <= int(y) <= today.year}
    if len(years) == 1:
        return RowProblem(
            "date_year_kept", "birth_date", str(value), keep=(datetime.date(years.pop(), 1, 1), YEAR)
        )
    return RowProblem("invalid_date", "birth_date", str(value))


def format_partial_date(date, precision: str) -> str:
    """ "1985", "1985-03" or "1985-03-12": what the source said, no more."""
    if date is None:
        return ""
    if precision == YEAR:
        return f"{date.year:04d}"
    if precision == MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


# --- Countries -----------------------------------------------------------------------------------------


def clean_country(value) -> str:
    text = clean_text(value)
    if not text:
        return ""
    code = country_from_text(text)
    if code is None:
        raise RowProblem("unknown_country", "country", text)
    return code


# --- A whole row ---------------------------------------------------------------------------------------

RECORD_FIELDS = (
    "external_id",
    "given_name",
    "family_name",
    "name_arabic",
    "birth_date",
    "birth_date_precision",
    "email",
    "phone",
    "phone_raw",
    "city",
    "country",
)
# The longest value each record column holds (SourceRecord's max_length; a test keeps them equal). A
# longer cell is cut with a warning rather than failing its whole chunk on PostgreSQL.
FIELD_LIMITS = {
    "external_id": 64,
    "given_name": 120,
    "family_name": 120,
    "name_arabic": 200,
    "email": 254,
    "phone_raw": 100,
    "city": 120,
}
# What the fingerprint covers: the person's values (with the source's own id when there is one).
FINGERPRINT_FIELDS = (
    "given_name",
    "family_name",
    "name_arabic",
    "birth_date",
    "email",
    "phone",
    "city",
    "country",
)


# Mapping fields that hold a part of the Arabic name: the part they hold.
_ARABIC_PARTS = {"given_name_arabic": "given_name", "family_name_arabic": "family_name"}


def _names(values: dict, clean: dict, warnings: list) -> None:
    """Given, family and Arabic names from whichever name columns there are, each in its script (a
    Latin name in an Arabic-name column still counts, after the Latin columns' own)."""
    latin, arabic, halves = {}, {}, {}
    for field in ("given_name", "family_name", "full_name", "name_arabic", *_ARABIC_PARTS):
        part = _ARABIC_PARTS.get(field)
        script, text, warning = salvage_name(values.get(field), "name_arabic" if part else field)
        if warning:
            warnings.append(warning)
        if not text:
            continue
        if script == "arabic":
            arabic.setdefault(part or field, text)
        else:
            latin.setdefault(part or (field if field != "name_arabic" else "full_name_latin"), text)
            # "Karim Tazi / كريم التازي": the Arabic half of a cell in both scripts is the Arabic name.
            raw = str(values.get(field) or "")
            if ARABIC_LETTER.search(raw):
                words = re.split(r"[\s()\[\]/|,;]+", raw)
                in_arabic = " ".join(word for word in words if ARABIC_LETTER.search(word))
                other_script, other, _warning = salvage_name(in_arabic, "name_arabic")
                if other and other_script == "arabic":
                    halves.setdefault(field, other)
    clean["given_name"] = latin.get("given_name", "")
    clean["family_name"] = latin.get("family_name", "")
    if not (clean["given_name"] or clean["family_name"]):
        full = latin.get("full_name") or latin.get("full_name_latin")
        if full:
            clean["given_name"], clean["family_name"] = split_full_name(full)
    # A full-name column holds the fullest form; else the Arabic given and family names together.
    whole = [arabic[f] for f in ("name_arabic", "full_name") if f in arabic]
    parts = [arabic[f] for f in ("given_name", "family_name") if f in arabic]
    clean["name_arabic"] = max(whole, key=len) if whole else " ".join(parts)
    if not clean["name_arabic"] and halves:
        parted = " ".join(halves[f] for f in ("given_name", "family_name") if f in halves)
        clean["name_arabic"] = halves.get("full_name") or parted


# What people type where they have nothing to write: an empty cell, not a value to warn about.
PLACEHOLDERS = frozenset(
    {
        "-", "--", "---", "—", "–", "?", "??", "???", "/", ".", "0", "x", "xx", "xxx",
        "n/a", "n.a.", "n.a", "na", "nd", "n.d.", "n/d", "nr", "s/o", "none", "null", "nil", "unknown",
        "not available", "inconnu", "inconnue", "neant", "non renseigne", "non renseignee", "aucun", "aucune",
        "غير معروف", "لا يوجد", "لا شيء", "غير متوفر",
    }
)  # fmt: skip


def _placeholder(field: str, value) -> bool:
    if not isinstance(value, str) or len(value) > 20:
        return False
    text = " ".join(_strip_accents(value).casefold().split())
    # "NA" in a country column is Namibia; 0 may be a source's record id.
    return text in PLACEHOLDERS and (field, text) not in {("country", "na"), ("external_id", "0")}


def validate_row(
    values: dict, default_region: str, today=None, month_first: bool = False
) -> tuple[dict, list[dict], list[dict]]:
    """({record field: normalised value}, [warnings], [rejection reasons]) for one row given as
    {target field: cell value}.

    A doubtful cell never rejects the row: it is blanked, repaired or moved and the row carries a
    warning for it. Only a row with nothing that identifies a person (no name in either script, no
    email, no phone) is rejected.
    """
    values = {field: ("" if _placeholder(field, value) else value) for field, value in values.items()}
    clean = {field: "" for field in RECORD_FIELDS}
    clean["birth_date"] = None
    warnings: list[dict] = []

    def check(field, function, *args):
        try:
            result = function(values.get(field), *args)
        except RowProblem as problem:
            warnings.append({"code": problem.code, "field": problem.field or field, "value": problem.value})
            return problem.keep
        return result

    external = check("external_id", clean_text)
    clean["external_id"] = external or ""
    _names(values, clean, warnings)
    dated = check("birth_date", clean_birth_date, today, month_first)
    if dated:
        clean["birth_date"], clean["birth_date_precision"] = dated
    clean["email"] = check("email", clean_email) or ""
    clean["city"] = check("city", clean_text) or ""
    clean["country"] = check("country", clean_country) or ""
    raw_phone = " ".join(str(values.get("phone") or "").split())
    clean["phone_raw"] = raw_phone
    phone = check("phone", clean_phone, default_region, clean["country"])
    if phone:
        clean["phone"], warning = phone
        if warning:
            warnings.append(warning)
    _fit(clean, warnings)
    reasons = []
    if summary := _summary_row(values):
        return clean, [], [{"code": "summary_row", "field": "", "value": summary}]
    if not (clean["given_name"] or clean["family_name"] or clean["name_arabic"]):
        if clean["email"] or clean["phone"] or raw_phone:
            warnings.append({"code": "missing_name", "field": "", "value": ""})
        else:
            reasons.append({"code": "nothing_identifies", "field": "", "value": ""})
    return clean, warnings, reasons


# A spreadsheet's footer under the table: "Total : 2", "Nombre d'adhérents : 1894", "المجموع 12".
_SUMMARY_LABEL = re.compile(
    r"^(?:sous[- ]?total|total(?:\s+g[ée]n[ée]ral)?|grand\s+total|subtotal|sum"
    r"|nombre\s+(?:de\s+|d['’]\s*)?\w+|number\s+of\s+\w+|count|المجموع|مجموع|العدد(?:\s+\w+)?)"
    r"\s*[:=]?\s*[\d\s.,]*$",
    re.IGNORECASE,
)
_NUMBER_ONLY = re.compile(r"^[\d\s.,:]*$")


def _summary_row(values: dict) -> str:
    """The row's label when it is a total or a count: one label cell, every other cell a number or
    empty (a person named Total would have a given name, a date, an address…)."""
    cells = [" ".join(str(v).split()) for v in values.values() if str(v or "").strip()]
    labels = [cell for cell in cells if not _NUMBER_ONLY.match(cell)]
    return labels[0] if len(labels) == 1 and _SUMMARY_LABEL.match(labels[0]) else ""


def _fit(clean: dict, warnings: list) -> None:
    for field, limit in FIELD_LIMITS.items():
        value = clean[field]
        if len(value) <= limit:
            continue
        if field == "email":  # no address is longer: not an address
            clean[field] = ""
            warnings.append({"code": "invalid_email", "field": field, "value": value})
            continue
        clean[field] = value[:limit].rstrip()
        warnings.append(
            {"code": "too_long", "field": "phone" if field == "phone_raw" else field, "value": value}
        )


def fingerprint(clean: dict) -> str:
    """sha256 of the normalised values: the same person row from the same source imports once. The
    source's own record id counts when there is one: two records of the source that hold the same
    values (a renewal, a second registration) are two records, not one row sent twice."""
    parts = []
    for field in FINGERPRINT_FIELDS:
        value = clean.get(field)
        if isinstance(value, datetime.date):
            value = format_partial_date(value, clean.get("birth_date_precision") or DAY)
        parts.append((value or "").casefold())
    if clean.get("external_id"):
        parts.append("id:" + clean["external_id"])
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
