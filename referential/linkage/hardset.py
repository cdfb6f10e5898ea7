"""A hard evaluation set for record linkage: four source files as a consulate in Europe, a consulate in
North America, a business directory and an alumni directory would hold them. Deterministic per seed.

Unlike synthetic.py (records straight into the engine), this writes *files*, each in its source's own
format and coverage, to go through the site's upload → mapping → import → linkage path:

- consulate_europe.csv: French headers, ";" separated, civil-record style "FAMILY" in capitals, the
  Arabic family and given names in two columns of their own, dates dd/mm/yyyy (some year only),
  phones in the country's national format, country names in the local language (Italia,
  Deutschland, België, Nederland, España);
- consulate_north_america.csv: English headers, ISO dates, local phones as (514) 555-0199, foreign
  ones dialled with 011, country names or lower-case ISO codes;
- business_directory.csv: one full-name column ("Given FAMILY", "FAMILY Given" or swapped without
  capitals), work emails, international phones, a date of birth for half the people;
- alumni_directory.csv: Arabic headers, an Arabic full name and often no Latin one (Arabic-only
  records), mostly the year of birth only, phones with 00 or bare country codes, Arabic country names.

The people are made hard on purpose: transliteration variants and compound given names (Fatima Zahra /
Fatima-Zahra / Fatimazahra), El/Al/Ben glued or split, given and family names swapped (with day and
month swapped), typing mistakes, people who moved (new city, country, phone, email), and look-alikes:
twins (same family, birth date, landline), fathers and sons with the same given name and landline,
siblings, and groups of 3–7 different people sharing a very common name. Their email addresses are
built from their names, so look-alikes have similar ones.

``generate(people, seed)`` returns the files (name → bytes), the truth (file name, row number) → person,
and the look-alike relations between people.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field

import phonenumbers

from .synthetic import FAMILY, GIVEN_FEMALE, GIVEN_MALE, _tail_family, _typo

COMPOUND_GIVEN = [
    ("فاطمة الزهراء", ["Fatima Zahra", "Fatima-Zahra", "Fatimazahra", "Fatima Ezzahra"], "f"),
    ("صلاح الدين", ["Salaheddine", "Salah Eddine", "Salah-Eddine", "Salahdine"], "m"),
    ("نور الدين", ["Noureddine", "Nour Eddine", "Nour-Eddine", "Nordine"], "m"),
    ("عبد الرحمان", ["Abderrahmane", "Abdel-Rahman", "Abd el Rahmane", "Abderrahman"], "m"),
    ("عبد اللطيف", ["Abdellatif", "Abdel-Latif", "Abd el Latif", "Abdelatif"], "m"),
    ("عبد الله", ["Abdellah", "Abdallah", "Abd Allah", "Abdel-lah"], "m"),
]
PREFIXED_FAMILY = [
    ("العمراني", ["El Amrani", "Elamrani", "Al Amrani", "Amrani", "El-Amrani"]),
    ("بنعلي", ["Ben Ali", "Benali", "Ben-Ali", "Bin Ali"]),
    ("الإدريسي", ["El Idrissi", "Elidrissi", "Idrissi", "Al Idrissi"]),
    ("بنكيران", ["Benkirane", "Ben Kirane", "Benkiran"]),
    ("الفاسي الفهري", ["El Fassi Fihri", "Fassi Fihri", "Elfassi Fihri"]),
]
# The names namesake groups share: the most common given and family names.
COMMON = [
    (("محمد", ["Mohamed", "Mohammed", "Mohamed", "Muhammad"]), ("العلوي", ["Alaoui", "El Alaoui", "Alaoui"])),
    (("محمد", ["Mohamed", "Mohammed", "Mohamed"]), ("الإدريسي", ["Idrissi", "El Idrissi", "Idrissi"])),
    (("فاطمة", ["Fatima", "Fatima", "Fatema"]), ("بناني", ["Bennani", "Bennani", "Benani"])),
    (("أحمد", ["Ahmed", "Ahmed", "Ahmad"]), ("التازي", ["Tazi", "Tazi", "El Tazi"])),
    (("يوسف", ["Youssef", "Youssef", "Yousef"]), ("العمراني", ["El Amrani", "Amrani", "Elamrani"])),
]

# (Latin spellings, Arabic name, country)
CITIES_EUROPE = [
    (["Paris"], "باريس", "FR"), (["Lyon"], "ليون", "FR"), (["Marseille"], "مرسيليا", "FR"),
    (["Bruxelles", "Brussel"], "بروكسيل", "BE"), (["Antwerpen", "Anvers"], "أنتويربن", "BE"),
    (["Madrid"], "مدريد", "ES"), (["Barcelona"], "برشلونة", "ES"),
    (["Milano", "Milan"], "ميلانو", "IT"), (["Torino", "Turin"], "تورينو", "IT"),
    (["Amsterdam"], "أمستردام", "NL"), (["Rotterdam"], "روتردام", "NL"),
    (["Frankfurt", "Francfort"], "فرانكفورت", "DE"), (["Düsseldorf", "Dusseldorf"], "دوسلدورف", "DE"),
]  # fmt: skip
CITIES_AMERICA = [
    (["Montréal", "Montreal"], "مونتريال", "CA"), (["Toronto"], "تورونتو", "CA"),
    (["New York"], "نيويورك", "US"), (["Washington"], "واشنطن", "US"),
]  # fmt: skip
CITIES_OTHER = [(["Casablanca"], "الدار البيضاء", "MA"), (["Dubai", "Dubaï"], "دبي", "AE")]
COUNTRY_NAMES = {
    "FR": (["France", "FRANCE"], "فرنسا"),
    "BE": (["België", "Belgique", "Belgium"], "بلجيكا"),
    "ES": (["España", "Espagne"], "إسبانيا"),
    "IT": (["Italia", "Italie"], "إيطاليا"),
    "NL": (["Nederland", "Pays-Bas"], "هولندا"),
    "DE": (["Deutschland", "Allemagne"], "ألمانيا"),
    "CA": (["Canada", "ca", "Kanada"], "كندا"),
    "US": (["USA", "United States", "us", "États-Unis"], "الولايات المتحدة"),
    "MA": (["Maroc", "Morocco", "ma"], "المغرب"),
    "AE": (["UAE", "Émirats arabes unis"], "الإمارات"),
}
DOMAINS = ["gmail.com", "hotmail.fr", "yahoo.fr", "outlook.com", "gmail.com", "hotmail.com", "live.ca"]
COMPANIES = ["atlas-conseil.com", "medina-tech.io", "sahara-invest.com", "ocp-partners.ma", "rifsoft.eu"]

FILES = (
    "consulate_europe.csv",
    "consulate_north_america.csv",
    "business_directory.csv",
    "alumni_directory.csv",
)
KINDS = ("twins", "father_son", "siblings", "namesakes")


@dataclass
class Person:
    pid: int
    given: tuple  # (Arabic, [Latin spellings])
    family: tuple
    birth: tuple  # (year, month, day)
    homes: list  # [(city tuple, mobile E.164, email)], the first the oldest
    landline: str | None = None


@dataclass
class HardSet:
    files: dict[str, bytes]
    truth: dict[tuple[str, int], int]  # (file name, row number as the import counts it) → person
    relations: dict[tuple[int, int], str] = field(default_factory=dict)  # (person, person) → kind
    people: int = 0

    def rows(self) -> int:
        return len(self.truth)


def _number(rng, region: str, kind) -> str:
    """A valid random number of the region's mobile or fixed ranges (the example number, reshuffled)."""
    example = phonenumbers.example_number_for_type(region, kind)
    digits = str(example.national_number)
    for _attempt in range(50):
        keep = max(1, len(digits) - 6)
        candidate = digits[:keep] + "".join(rng.choices("0123456789", k=len(digits) - keep))
        number = phonenumbers.PhoneNumber(
            country_code=example.country_code,
            national_number=int(candidate),
            italian_leading_zero=example.italian_leading_zero,
        )
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def _ascii(text: str) -> str:
    table = str.maketrans("ïéèëçÉ", "ieeecE")
    return "".join(c for c in text.translate(table).lower() if c.isalpha())


_TAKEN: set[str] = set()


def _email(rng, given: str, family: str, domain: str | None = None) -> str:
    """An address made of the name, as most are; never one somebody else already has."""
    g, f = _ascii(given), _ascii(family)
    local = rng.choice([f"{g}.{f}", f"{g[0]}{f}", f"{g}_{f}", f"{f}.{g}", f"{g}{f}"])
    domain = domain or rng.choice(DOMAINS)
    if rng.random() < 0.6 or f"{local}@{domain}" in _TAKEN:
        local += str(rng.randint(1, 99))
    while f"{local}@{domain}" in _TAKEN:
        local += str(rng.randint(0, 9))
    _TAKEN.add(f"{local}@{domain}")
    return f"{local}@{domain}"


class _People:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people: list[Person] = []
        self.relations: dict[tuple[int, int], str] = {}

    def given(self, sex=None):
        rng = self.rng
        if rng.random() < 0.12:
            arabic, spellings, _sex = rng.choice(COMPOUND_GIVEN)
            return (arabic, spellings)
        pool = GIVEN_MALE if (sex or rng.choice("mf")) == "m" else GIVEN_FEMALE
        weights = [1 / (rank**0.8) for rank in range(1, len(pool) + 1)]
        return rng.choices(pool, weights)[0]

    def family(self):
        rng = self.rng
        roll = rng.random()
        if roll < 0.2:
            return rng.choice(PREFIXED_FAMILY)
        if roll < 0.55:
            return rng.choice(FAMILY)
        return _tail_family(rng)

    def city(self):
        rng = self.rng
        roll = rng.random()
        if roll < 0.62:
            return rng.choice(CITIES_EUROPE)
        if roll < 0.9:
            return rng.choice(CITIES_AMERICA)
        return rng.choice(CITIES_OTHER)

    def home(self, city, given, family):
        rng = self.rng
        mobile_region = city[2] if rng.random() < 0.8 else "MA"  # some keep their Moroccan number
        mobile = _number(rng, mobile_region, phonenumbers.PhoneNumberType.MOBILE)
        return (city, mobile, _email(rng, given[1][0], family[1][0]))

    def add(self, given, family, birth, city, landline=None) -> Person:
        rng = self.rng
        person = Person(len(self.people), given, family, birth, [self.home(city, given, family)], landline)
        if rng.random() < 0.1:  # moved: another city (often another country) and phone, often email
            home = self.home(self.city(), given, family)
            if rng.random() < 0.5:
                home = (home[0], home[1], person.homes[0][2])
            person.homes.append(home)
        self.people.append(person)
        return person

    def relate(self, group, kind):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                self.relations[(a.pid, b.pid)] = kind

    def birth(self, year=None):
        rng = self.rng
        return (year or rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))

    def household(self, city):
        return _number(self.rng, city[2], phonenumbers.PhoneNumberType.FIXED_LINE)


def _population(rng: random.Random, n_people: int) -> _People:
    p = _People(rng)
    while len(p.people) < n_people:
        roll = rng.random()
        city = p.city()
        family = p.family()
        if roll < 0.05:  # twins
            birth, landline = p.birth(), p.household(city)
            first = p.given()
            second = p.given()
            while second[0] == first[0]:
                second = p.given()
            p.relate(
                [p.add(first, family, birth, city, landline), p.add(second, family, birth, city, landline)],
                "twins",
            )
        elif roll < 0.11:  # father and son, same given name, same landline
            given, landline = p.given("m"), p.household(city)
            father = p.add(given, family, p.birth(rng.randint(1945, 1965)), city, landline)
            son = p.add(given, family, p.birth(father.birth[0] + rng.randint(22, 38)), city, landline)
            p.relate([father, son], "father_son")
        elif roll < 0.19:  # siblings
            landline = p.household(city) if rng.random() < 0.7 else None
            year = rng.randint(1955, 1995)
            names, group = set(), []
            for _ in range(rng.randint(2, 4)):
                given = p.given()
                while given[0] in names:
                    given = p.given()
                names.add(given[0])
                group.append(p.add(given, family, p.birth(year + rng.randint(0, 9)), city, landline))
            p.relate(group, "siblings")
        elif roll < 0.29:  # namesakes: 3–7 different people with one very common name
            given, family = rng.choice(COMMON)
            group = [p.add(given, family, p.birth(), p.city()) for _ in range(rng.randint(3, 7))]
            p.relate(group, "namesakes")
        else:
            p.add(p.given(), family, p.birth(), city, p.household(city) if rng.random() < 0.25 else None)
    return p


# --------------------------------------------------------------------------------------------------
# Writing what each source holds


def _spell(rng, name, typo=0.05) -> str:
    spellings = name[1]
    text = spellings[0] if rng.random() < 0.45 else rng.choice(spellings)
    return _typo(rng, text) if rng.random() < typo else text


def _date_text(rng, birth, style, year_only=0.0) -> str:
    year, month, day = birth
    if rng.random() < year_only:
        return str(year)
    if rng.random() < 0.03 and day <= 12:
        month, day = day, month  # day and month swapped somewhere along the way
    if rng.random() < 0.02:
        day = min(28, day + 1) if day < 9 else day - 1  # a one-digit typo
    if style == "fr":
        return f"{day:02d}/{month:02d}/{year}"
    return f"{year}-{month:02d}-{day:02d}"


def _phone_text(rng, e164: str, row_country: str, style: str) -> str:
    number = phonenumbers.parse(e164)
    region = phonenumbers.region_code_for_number(number)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    digits = e164[1:]
    if region == row_country and rng.random() < 0.6:
        return national
    forms = [international, e164, f"00{digits}", f"00 {international[1:]}", f"{digits}"]
    if style == "na":
        forms += [f"011 {international[1:]}"] * 3
    if number.country_code == 212:
        forms.append(f"(+212) 0{str(number.national_number)}")
        forms.append(f"+212 (0){str(number.national_number)}")
    return rng.choice(forms)


def _country_text(rng, code: str, arabic=False) -> str:
    latin, ar = COUNTRY_NAMES.get(code, ([code], code))
    return ar if arabic else rng.choice(latin)


def _csv(headers, rows, delimiter=",", bom=False) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def _home_for(rng, person: Person, latest: bool):
    return person.homes[-1] if latest else person.homes[0]


def _names(rng, person: Person, swap=0.05):
    given, family = _spell(rng, person.given), _spell(rng, person.family)
    swapped = rng.random() < swap
    return (family, given) if swapped else (given, family)


def _contact(rng, person, home, phone_rate, email_rate):
    city, mobile, email = home
    phone = None
    roll = rng.random()
    if person.landline and roll < 0.25:
        phone = person.landline
    elif roll < phone_rate:
        phone = mobile
    return city, phone, (email if rng.random() < email_rate else None)


def generate(people: int = 3000, seed: int = 2026, coverage: float = 0.0) -> HardSet:
    """``coverage`` (0 to 1) fills that share of the gaps: the dates, phones and emails a source leaves
    out and its year-only dates (0: the set as designed; 1: every source gives every field it has a
    column for). The people and their look-alikes are drawn first and are the same for any value;
    the rows are drawn after them, so their spellings differ from one coverage to another."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets

    def lift(rate: float) -> float:
        return rate + (1 - rate) * coverage

    def lower(rate: float) -> float:
        return rate * (1 - coverage)

    _TAKEN.clear()
    population = _population(rng, people)
    rows: dict[str, list] = {name: [] for name in FILES}
    truth: dict[tuple[str, int], int] = {}

    def put(name, row, person):
        rows[name].append(row)
        truth[(name, len(rows[name]) + 1)] = person.pid  # row 1 is the header

    for person in population.people:
        countries = {home[0][2] for home in person.homes}
        europe = bool(countries & {c[2] for c in CITIES_EUROPE})
        america = bool(countries & {c[2] for c in CITIES_AMERICA})
        chosen = []
        if europe and rng.random() < 0.85:
            chosen.append("consulate_europe.csv")
            if rng.random() < 0.12:  # registered twice (a renewal, another consular post)
                chosen.append("consulate_europe.csv")
        if america and rng.random() < 0.9:
            chosen.append("consulate_north_america.csv")
            if rng.random() < 0.12:
                chosen.append("consulate_north_america.csv")
        if rng.random() < 0.5:
            chosen.append("business_directory.csv")
        if rng.random() < 0.55:
            chosen.append("alumni_directory.csv")
        if not chosen:
            chosen.append(rng.choice(FILES[2:]))
        for name in chosen:
            if name == "consulate_europe.csv":
                home = (
                    next(h for h in person.homes if h[0][2] not in {"CA", "US"})
                    if europe
                    else person.homes[0]
                )
                city, phone, email = _contact(rng, person, home, lift(0.8), lift(0.75))
                given, family = _names(rng, person)
                put(name, [
                    f"EU-{100000 + person.pid}-{len(rows[name])}",
                    family.upper() if rng.random() < 0.7 else family,
                    given,
                    *((person.family[0], person.given[0]) if rng.random() < 0.6 else ("", "")),
                    _date_text(rng, person.birth, "fr", year_only=lower(0.1))
                    if rng.random() < lift(0.95) else "",
                    _phone_text(rng, phone, city[2], "eu") if phone else "",
                    email or "",
                    rng.choice(city[0]),
                    _country_text(rng, city[2]) if rng.random() < 0.9 else "",
                ], person)  # fmt: skip
            elif name == "consulate_north_america.csv":
                home = next(h for h in person.homes if h[0][2] in {"CA", "US"})
                city, phone, email = _contact(rng, person, home, lift(0.85), lift(0.85))
                given, family = _names(rng, person)
                put(name, [
                    f"NA{person.pid:06d}{len(rows[name]) % 10}",
                    family,
                    given,
                    f"{person.given[0]} {person.family[0]}" if rng.random() < 0.3 else "",
                    _date_text(rng, person.birth, "iso", year_only=lower(0.1))
                    if rng.random() < lift(0.9) else "",
                    _phone_text(rng, phone, city[2], "na") if phone else "",
                    email or "",
                    rng.choice(city[0]),
                    _country_text(rng, city[2]),
                ], person)  # fmt: skip
            elif name == "business_directory.csv":
                home = _home_for(rng, person, latest=True)
                city, phone, email = _contact(rng, person, home, lift(0.7), lift(0.8))
                given, family = _spell(rng, person.given), _spell(rng, person.family)
                if rng.random() < 0.35:
                    email = _email(rng, person.given[1][0], person.family[1][0], rng.choice(COMPANIES))
                roll = rng.random()
                full = (
                    f"{given} {family.upper()}" if roll < 0.4
                    else f"{family.upper()} {given}" if roll < 0.8
                    else f"{given} {family}" if roll < 0.93
                    else f"{family} {given}"  # swapped, nothing says so
                )  # fmt: skip
                put(name, [
                    full,
                    rng.choice(["Ingénieur", "Consultant", "Médecin", "Entrepreneur", "Professor"]),
                    _date_text(rng, person.birth, rng.choice(["fr", "iso"]))
                    if rng.random() < lift(0.5) else "",
                    email or "",
                    _phone_text(rng, phone, city[2], "intl") if phone else "",
                    rng.choice(city[0]),
                    _country_text(rng, city[2]),
                ], person)  # fmt: skip
            else:
                home = _home_for(rng, person, latest=rng.random() < 0.5)
                city, phone, email = _contact(rng, person, home, lift(0.65), lift(0.85))
                arabic = f"{person.given[0]} {person.family[0]}"
                roll = rng.random()
                latin = " ".join(_names(rng, person, swap=0.03)) if rng.random() < 0.7 else ""
                put(name, [
                    f"ALU-{person.pid * 7 + 3}",
                    arabic if (rng.random() < 0.9 or not latin) else "",
                    latin,
                    str(person.birth[0]) if roll < lower(0.6)
                    else _date_text(rng, person.birth, "fr") if roll < lift(0.85) else "",
                    email or "",
                    _phone_text(rng, phone, city[2], "intl") if phone else "",
                    city[1] if rng.random() < 0.5 else rng.choice(city[0]),
                    _country_text(rng, city[2], arabic=rng.random() < 0.7),
                ], person)  # fmt: skip
    files = {
        "consulate_europe.csv": _csv(
            ["Numéro de dossier", "Nom", "Prénom", "النسب", "الاسم", "Date de naissance", "Téléphone",
             "Courriel", "Ville", "Pays"],
            rows["consulate_europe.csv"], delimiter=";", bom=True,
        ),
        "consulate_north_america.csv": _csv(
            ["Record ID", "Last Name", "First Name", "Full name (Arabic)", "Date of Birth", "Phone", "Email",
             "City", "Country"],
            rows["consulate_north_america.csv"],
        ),
        "business_directory.csv": _csv(
            ["Full name", "Occupation", "Birth date", "Email", "Phone", "City", "Country"],
            rows["business_directory.csv"],
        ),
        "alumni_directory.csv": _csv(
            ["رقم التسجيل", "الاسم الكامل", "full_name", "تاريخ الازدياد", "البريد الإلكتروني", "الهاتف",
             "المدينة", "البلد"],
            rows["alumni_directory.csv"],
        ),
    }  # fmt: skip
    return HardSet(files, truth, population.relations, len(population.people))
