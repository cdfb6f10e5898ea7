"""Check and normalise one imported row. Pure functions: no database, no request.

Each check returns the normalised value or raises RowProblem with a code; the codes are stored with
rejected rows and rendered in the reader's language by reason_message(), so a report downloaded in
Arabic says the same thing as the page in French.
"""

import datetime
import hashlib
import re
import unicodedata

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
    def __init__(self, code, field, value=""):
        super().__init__(code)
        self.code = code
        self.field = field
        self.value = value


# What each code means, for the analyst. Kept lazy: rendered in the language active at render time.
REASONS = {
    "missing_name": gettext_lazy("No name: give a name in Latin script, in Arabic script, or both."),
    "latin_name_in_arabic_script": gettext_lazy(
        "This column is for the name in Latin script, but it holds Arabic letters."
    ),
    "arabic_name_in_latin_script": gettext_lazy(
        "This column is for the name in Arabic script, but it holds Latin letters."
    ),
    "name_has_digits": gettext_lazy("A name cannot contain digits."),
    "name_bad_characters": gettext_lazy(
        "A name holds only letters, spaces, hyphens, apostrophes and full stops."
    ),
    "bad_encoding": gettext_lazy(
        "The text is garbled (wrong character encoding, e.g. “Ã©” for “é”, or “�”). "
        "Save the file again as UTF-8."
    ),
    "invalid_email": gettext_lazy("Not a valid email address."),
    "invalid_phone": gettext_lazy("Not a valid phone number (with the source's country as default)."),
    "invalid_date": gettext_lazy("Not a date; write it as dd/mm/yyyy or yyyy-mm-dd."),
    "implausible_date": gettext_lazy("This date of birth is in the future or before 1900."),
    "unknown_country": gettext_lazy(
        "Unknown country; give its name in French, Arabic or English, or its ISO code."
    ),
    "unreadable_row": gettext_lazy("The row could not be read (wrong number of columns)."),
}

FIELD_LABELS = {
    "given_name": gettext_lazy("given name"),
    "family_name": gettext_lazy("family name"),
    "full_name": gettext_lazy("full name"),
    "name_arabic": gettext_lazy("name in Arabic"),
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


def is_garbled(text: str) -> bool:
    """Replacement or control characters, or mojibake: UTF-8 bytes that were read as another encoding.

    "Ã©" is "é" in UTF-8 read as Latin-1; "Ù…Ø­Ù…Ø¯" and "ظ…ط­ظ…ط¯" are "محمد" read as Windows-1252 and
    Windows-1256. Encoding the text back and decoding it as UTF-8 recovers the original only then.
    """
    if "\ufffd" in text or CONTROL.search(text):
        return True
    if text.isascii():
        return False
    for wrong in ("cp1252", "latin-1", "cp1256"):
        try:
            recovered = text.encode(wrong).decode("utf-8")
        except UnicodeError:
            continue
        if recovered != text:
            return True
    return False


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


def split_full_name(full: str) -> tuple[str, str]:
    """"EL AMRANI, Mohamed" → (Mohamed, EL AMRANI); "Mohamed El Amrani" → (Mohamed, El Amrani)."""
    if "," in full:
        family, given = (part.strip() for part in full.split(",", 1))
        return given, family
    given, _space, family = full.partition(" ")
    return given, family


# --- Email, phone ---------------------------------------------------------------------------------------


def clean_email(value) -> str:
    text = clean_text(value).lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :]
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        raise RowProblem("invalid_email", "email", text) from None
    return text


def clean_phone(value, default_region: str) -> str:
    """E.164 (+212612345678); national numbers are read in the source's country."""
    text = clean_text(value).translate(ARABIC_DIGITS)
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, default_region or None)
    except phonenumbers.NumberParseException:
        raise RowProblem("invalid_phone", "phone", text) from None
    if not phonenumbers.is_valid_number(number):
        raise RowProblem("invalid_phone", "phone", text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# --- Dates ---------------------------------------------------------------------------------------------

# Month names in French, English and Arabic (Maghreb and Middle-East names), for "12 mars 1985".
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
NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
WORDED_DATE = re.compile(r"^(\d{1,2})(?:er)?\s+(.+?)\.?\s+(\d{4})$")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _full_year(year: int, today: datetime.date) -> int:
    if year >= 100:
        return year
    # A two-digit year of birth: not in the future.
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def parse_date(value, today=None) -> datetime.date | None:
    """dd/mm/yyyy (also with - or .), yyyy-mm-dd, dd/mm/yy, “12 mars 1985”, spreadsheet dates.

    Day first, as in France and Morocco; mm/dd/yyyy only where it cannot be read day first.
    """
    today = today or datetime.date.today()
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = clean_text(value).translate(ARABIC_DIGITS)
    text = text.split("T")[0].split(" 00:00")[0].strip()
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
            candidates.append((year, int(second), int(first)))  # day first
            candidates.append((year, int(first), int(second)))  # month first, if day first is impossible
    else:
        match = WORDED_DATE.match(_strip_accents(text.casefold()))
        if match and match.group(2) in MONTHS:
            candidates.append((int(match.group(3)), MONTHS[match.group(2)], int(match.group(1))))
    for year, month, day in candidates:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise RowProblem("invalid_date", "birth_date", str(value))


def clean_birth_date(value, today=None) -> datetime.date | None:
    today = today or datetime.date.today()
    try:
        date = parse_date(value, today)
    except RowProblem as problem:
        raise RowProblem(problem.code, "birth_date", problem.value) from None
    if date is not None and (date > today or date.year < 1900):
        raise RowProblem("implausible_date", "birth_date", str(value))
    return date


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
    "given_name",
    "family_name",
    "name_arabic",
    "birth_date",
    "email",
    "phone",
    "city",
    "country",
)


def validate_row(values: dict, default_region: str, today=None) -> tuple[dict, list[dict]]:
    """({record field: normalised value}, [reasons]) for one row given as {target field: cell value}.

    Every field is checked so that a rejected row lists all its problems at once.
    """
    clean = {field: "" for field in RECORD_FIELDS}
    clean["birth_date"] = None
    reasons = []

    def check(field, function, *args):
        try:
            clean[field] = function(values.get(field), *args)
        except RowProblem as problem:
            reasons.append({"code": problem.code, "field": problem.field or field, "value": problem.value})

    check("given_name", clean_latin_name, "given_name")
    check("family_name", clean_latin_name, "family_name")
    if values.get("full_name") and not (clean["given_name"] or clean["family_name"]):
        try:
            full = clean_latin_name(values.get("full_name"), "full_name")
        except RowProblem as problem:
            reasons.append({"code": problem.code, "field": "full_name", "value": problem.value})
        else:
            clean["given_name"], clean["family_name"] = split_full_name(full)
    check("name_arabic", clean_arabic_name)
    check("birth_date", clean_birth_date, today)
    check("email", clean_email)
    check("phone", clean_phone, default_region)
    check("city", lambda value: clean_text(value))
    check("country", clean_country)
    name_fields = ("given_name", "family_name", "full_name", "name_arabic")
    names_failed = any(reason["field"] in name_fields for reason in reasons)
    if not names_failed and not (clean["given_name"] or clean["family_name"] or clean["name_arabic"]):
        reasons.append({"code": "missing_name", "field": "", "value": ""})
    return clean, reasons


def fingerprint(clean: dict) -> str:
    """sha256 of the normalised values: the same person row from the same source imports once."""
    parts = []
    for field in RECORD_FIELDS:
        value = clean.get(field)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        parts.append((value or "").casefold())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
