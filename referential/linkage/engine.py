"""Probabilistic record linkage of person records with Splink (no Django in here).

``link(records, profile=PERSON)`` takes a table of records (a pyarrow Table, or a list of dicts)
and returns a :class:`LinkageResult`: scored pairs (match weight, match probability and, per
comparison, the level reached and its weight — the "reasons" shown to analysts) and clusters at a
threshold.

Weights are estimated without labels: u by random sampling of record pairs, m by expectation
maximisation on pairs blocked on *strong identifiers* (email, phone, date of birth). Blocking the EM
passes on names, as Splink's tutorials do, learns wrong weights in this population where a few given
names ("Mohamed") and family names are very common: the blocked pairs are then mostly different
people with the same name, and EM takes "same name" for the signature of a match.

The backend is DuckDB by default; ``LINKAGE_BACKEND=spark`` (environment, or the ``backend``
argument) runs the same model on Spark through Splink's SparkAPI for runs too large for one machine.
pyspark is not a dependency of the embedded set-up: install it (and a JVM) where Spark is used.
"""

from __future__ import annotations

import copy
import logging
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import phonenumbers
import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from . import names, places

log = logging.getLogger(__name__)

BACKEND_DUCKDB = "duckdb"
BACKEND_SPARK = "spark"
BACKENDS = (BACKEND_DUCKDB, BACKEND_SPARK)

PERSON_COLUMNS = (
    "unique_id",
    "source",
    "given_name",
    "family_name",
    "name_arabic",
    "birth_date",
    "email",
    "phone",
    "city",
    "country",
)


def default_backend() -> str:
    return (os.environ.get("LINKAGE_BACKEND") or BACKEND_DUCKDB).strip().lower()


# DuckDB would take up to 80 % of the machine for the candidate pairs; capped, it spills them to disk
# (1M records: 3.9 → 2.9 GB peak for the process, 2 s slower). The cap grows with the run, since
# some of what a join holds cannot spill: 200 MB failed on 200,000 records.
DUCKDB_MEMORY_PER_RECORD = 1500  # bytes
DUCKDB_MEMORY_FLOOR = 1024 * 1024 * 1024
_MEMORY_SIZE = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


def duckdb_memory_limit(n_records: int) -> str | None:
    """DuckDB's memory limit for a linkage run of ``n_records``: LINKAGE_DUCKDB_MEMORY_LIMIT (e.g. "4GB")
    when set, "none" for DuckDB's own default, else 1,500 bytes per record and at least 1 GiB."""
    value = os.environ.get("LINKAGE_DUCKDB_MEMORY_LIMIT", "").strip()
    if value.lower() == "none":
        return None
    if not value:
        return f"{max(DUCKDB_MEMORY_FLOOR, n_records * DUCKDB_MEMORY_PER_RECORD) // (1024 * 1024)}MiB"
    if not _MEMORY_SIZE.match(value):
        raise ValueError(f"LINKAGE_DUCKDB_MEMORY_LIMIT={value!r}: expected a size such as 1500MB or 4GB")
    return value


def make_db_api(backend: str | None = None, n_records: int = 0):
    """A Splink database API for the backend: DuckDB in process, or Spark (pyspark must be installed;
    the session comes from ``SparkSession.builder.getOrCreate()``, so spark-submit's configuration
    or SPARK_* environment variables apply)."""
    backend = (backend or default_backend()).lower()
    if backend == BACKEND_DUCKDB:
        con = duckdb.connect(":memory:")
        threads = os.environ.get("LINKAGE_DUCKDB_THREADS")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        con.execute("SET preserve_insertion_order = false")
        memory = duckdb_memory_limit(n_records)
        if memory:
            con.execute(f"SET memory_limit = '{memory}'")
            spill = Path(tempfile.gettempdir()) / "kafaat-linkage-duckdb"
            spill.mkdir(exist_ok=True)
            con.execute(f"SET temp_directory = '{spill}'")
        return DuckDBAPI(connection=con)
    if backend == BACKEND_SPARK:
        try:
            from pyspark.sql import SparkSession  # not installed on the embedded set-up: Spark runs only
        except ImportError as err:  # pragma: no cover - depends on the machine
            raise RuntimeError(
                "LINKAGE_BACKEND=spark needs pyspark (pip install pyspark) and a Java runtime"
            ) from err
        from splink import SparkAPI  # needs pyspark, imported just above

        spark = SparkSession.builder.appName("kafaat-linkage").getOrCreate()
        checkpoints = os.environ.get("LINKAGE_SPARK_CHECKPOINT_DIR")
        if checkpoints:
            spark.sparkContext.setCheckpointDir(checkpoints)
        return SparkAPI(spark_session=spark)
    raise ValueError(f"Unknown linkage backend {backend!r}; expected one of {', '.join(BACKENDS)}")


# --------------------------------------------------------------------------------------------------
# Preparing person records


def _column(table: pa.Table, name: str) -> list:
    if name in table.column_names:
        return table.column(name).to_pylist()
    return [None] * table.num_rows


def _mapped(values: list, fn: Callable[[Any], Any]) -> list:
    """Apply fn once per distinct value (names and cities repeat a lot)."""
    cache: dict[Any, Any] = {}
    out = []
    for value in values:
        try:
            out.append(cache[value])
        except KeyError:
            cache[value] = result = fn(value)
            out.append(result)
    return out


def _blank_to_none(text: str) -> str | None:
    return text or None


_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


def normalise_phone(value: str | None, default_region: str = "MA") -> str | None:
    """E.164, or None when the number cannot be a valid one."""
    if not value:
        return None
    if _E164.match(value):
        return value  # imports store E.164 already: skip the parser (a million calls cost ~15 s)
    try:
        number = phonenumbers.parse(str(value), default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value if "@" in value else None


def _iso_date(value) -> str | None:
    """ "1985-03-12", or a partial date as the import keeps it: "1985-03" or "1985"."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value).strip()
    if len(text) >= 10:
        return text[:10]
    return text if re.fullmatch(r"\d{4}(-\d{2})?", text) else None


def _blank(text) -> bool:
    return not text or not str(text).strip()


def _token_keys(value: str | None, family: bool) -> tuple[str, str, str]:
    """(normalised, skeleton by token, skeleton glued): "Fatima Zahra" and "Fatimazahra" share the last."""
    skeleton = names.skeleton(value or "", family)
    return names.normalise(value or "", family), skeleton, skeleton.replace(" ", "")


def _sorted_tokens(a: str, b: str) -> str | None:
    return " ".join(sorted((a + " " + b).split())) or None


def _pair_key(a: str, b: str) -> str | None:
    """Given and family keys in a fixed order, so that swapped names give the same key."""
    return " ".join(sorted(k for k in (a, b) if k)) or None


def _arabic_keys(arabic: str | None) -> tuple[str | None, str | None]:
    """(skeleton by token sorted, glued given/family pair) of an Arabic-script name."""
    if _blank(arabic) or not names.has_arabic(arabic):
        return None, None
    given, family = names.split_arabic_full_name(arabic)
    g, f = _token_keys(given, False), _token_keys(family, True)
    return _sorted_tokens(g[1], f[1]), _pair_key(g[2], f[2])


_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")
_EMAIL_FILLERS = ("el", "al", "ben", "bin")


def _email_rest(email: str | None, given_norm: str | None, family_norm: str | None) -> str | None:
    """The local part of an address without the person's name: "mohamed.alaoui84" → "84". What is left
    is what tells two namesakes' addresses apart; an address that is only the name (or the name and an
    initial) says nothing more than the name does."""
    if not email:
        return None
    local = email.split("@", 1)[0].lower()
    parts = _LETTERS_OR_DIGITS.findall(local if local.isascii() else names.to_latin(local))
    digits = "".join(p for p in parts if p.isdigit())
    letters = names.normalise_token("".join(p for p in parts if not p.isdigit()))
    for token in sorted(f"{given_norm or ''} {family_norm or ''}".split(), key=len, reverse=True):
        letters = letters.replace(token, "", 1)
    # What is left may be the name spelt another way (abdellah for Abd Allah), before or after a
    # filler goes (khaled-el for Khalid El Idrissi).
    if _is_the_name(letters, given_norm, family_norm):
        letters = ""
    for filler in _EMAIL_FILLERS:
        letters = letters.replace(filler, "", 1)
        if _is_the_name(letters, given_norm, family_norm):
            letters = ""
    if len(letters) <= 2:
        letters = ""  # initials
    return (letters + digits) or None


def _is_the_name(letters: str, given_norm: str | None, family_norm: str | None) -> bool:
    skeleton = names.skeleton(letters)
    if not skeleton:
        return True
    given, family = names.skeleton(given_norm or ""), names.skeleton(family_norm or "", True)
    parts = {given, family, given.replace(" ", ""), family.replace(" ", "")} - {""}
    glued = {a + b for a in parts for b in parts if a != b}
    return skeleton in parts | glued


_PHONE_KINDS: dict[str, str] = {}


def _phone_kind(e164: str | None) -> str | None:
    """ "fixed" for landlines (a household shares them), "either" for North American numbers (whose
    ranges do not say: a mobile usually, a household's landline sometimes), "mobile" otherwise. Cached
    by prefix: the parser costs ~60 µs a number, and a prefix almost always says the kind."""
    if not e164:
        return None
    prefix = e164[:7]
    kind = _PHONE_KINDS.get(prefix)
    if kind is None:
        try:
            number_type = phonenumbers.number_type(phonenumbers.parse(e164))
        except phonenumbers.NumberParseException:
            number_type = None
        if number_type == phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE:
            kind = "either"  # North American numbers do not say whether they are landlines
        elif number_type in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.VOIP):
            kind = "fixed"
        else:
            kind = "mobile"
        _PHONE_KINDS[prefix] = kind
    return kind


# A name key that at most this many records of a run carry is rare enough to block on alone: its
# records are compared whatever else differs (a person who moved and changed every contact detail),
# and a block holds at most RARE_NAME_MAX_RECORDS² / 2 pairs, so the cost stays linear in the run.
RARE_NAME_MAX_RECORDS = 10


def _rare(keys: list, counts: dict[str, int]) -> list:
    return [k if k is not None and counts[k] <= RARE_NAME_MAX_RECORDS else None for k in keys]


def prepare_person_records(records: pa.Table | Sequence[dict]) -> pa.Table:
    """The input columns (see PERSON_COLUMNS) plus the keys the comparisons and blocking use.

    Names are keyed once per distinct given name and family name (they repeat a lot), so this stays
    linear with a small constant on a million records. A record with both a Latin and an Arabic name
    gets keys from both, so that either script can meet the other record's names."""
    table = records if isinstance(records, pa.Table) else pa.Table.from_pylist(list(records))
    n = table.num_rows
    given, family = _column(table, "given_name"), _column(table, "family_name")
    arabic = _column(table, "name_arabic")
    # Arabic-only records: split the Arabic full name into given and family parts.
    given_in, family_in = list(given), list(family)
    for i in range(n):
        if _blank(given_in[i]) and _blank(family_in[i]) and arabic[i]:
            given_in[i], family_in[i] = names.split_arabic_full_name(arabic[i])
    g_keys = _mapped(given_in, lambda v: _token_keys(v, False))
    f_keys = _mapped(family_in, lambda v: _token_keys(v, True))
    g_norm = [k[0] or None for k in g_keys]
    f_norm = [k[0] or None for k in f_keys]
    ar_keys = _mapped(arabic, _arabic_keys)
    name_norm = [_sorted_tokens(g[0], f[0]) for g, f in zip(g_keys, f_keys, strict=True)]
    name_skel = [_sorted_tokens(g[1], f[1]) for g, f in zip(g_keys, f_keys, strict=True)]
    name_glued = [_pair_key(g[2], f[2]) for g, f in zip(g_keys, f_keys, strict=True)]
    # The Arabic name's key when there is one, else the Latin one: blocking meets either script.
    ar_glued = [k[1] or g for k, g in zip(ar_keys, name_glued, strict=True)]
    # How many records of this run carry each name key (in either script, once per record).
    counts: dict[str, int] = {}
    for latin, other in zip(name_glued, ar_glued, strict=True):
        for key in {latin, other} - {None}:
            counts[key] = counts.get(key, 0) + 1
    emails = _mapped(_column(table, "email"), normalise_email)
    phones = _mapped(_column(table, "phone"), normalise_phone)
    dates = _mapped(_column(table, "birth_date"), _iso_date)
    cities = _mapped(_column(table, "city"), lambda c: _blank_to_none(names.normalise(c or "")))
    # Arabic city names and local spellings meet on the skeleton: مرسيليا ~ Marseille, باريس ~ Paris.
    city_skeletons = _mapped(_column(table, "city"), lambda c: _blank_to_none(names.skeleton(c or "")))
    countries = _mapped(_column(table, "country"), lambda c: (c or "").strip().upper() or None)
    # One place however its name is written (برشلونة, Barcelone, Barcelona), the row's country deciding
    # between places of one name; looked up once per distinct (city, country).
    city_countries = list(zip(_column(table, "city"), countries, strict=True))
    known_places = {pair: places.place_id(*pair) for pair in set(city_countries)}
    city_places = [known_places[pair] for pair in city_countries]
    columns = {
        "unique_id": [str(v) for v in _column(table, "unique_id")],
        "source": _column(table, "source") if "source" in table.column_names else ["records"] * n,
        "given_name": given,
        "family_name": family,
        "name_arabic": arabic,
        "given_norm": g_norm,
        "family_norm": f_norm,
        "given_skel": [k[2] or None for k in g_keys],
        "family_skel": [k[2] or None for k in f_keys],
        "name_norm": name_norm,
        "name_skel": name_skel,
        "name_glued": name_glued,
        "ar_skel": [k[0] for k in ar_keys],
        "ar_glued": ar_glued,
        "name_rare": _rare(name_glued, counts),
        "ar_rare": _rare(ar_glued, counts),
        "birth_date": dates,
        "birth_year": [d[:4] if d else None for d in dates],
        "birth_full": [d if d and len(d) == 10 else None for d in dates],
        "email": emails,
        "email_user": [e.split("@", 1)[0] if e else None for e in emails],
        "email_rest": [_email_rest(e, g, f) for e, g, f in zip(emails, g_norm, f_norm, strict=True)],
        "phone": phones,
        "phone_kind": _mapped(phones, _phone_kind),
        "city": cities,
        "city_skel": city_skeletons,
        "city_place": city_places,
        "country": countries,
    }
    return pa.table({k: pa.array(v, type=pa.string()) for k, v in columns.items()})


# --------------------------------------------------------------------------------------------------
# Profiles: which comparisons, blocking rules and training passes for which kind of records


@dataclass(frozen=True)
class Profile:
    name: str
    prepare: Callable[[Any], pa.Table]
    comparisons: Callable[[], list]
    prediction_rules: Callable[[], list]
    training_rules: Callable[[], list]
    deterministic_rules: Callable[[], list]
    deterministic_recall: float = 0.7
    link_type: str = "dedupe_only"
    u_max_pairs: float = 5e6
    em_max_pairs: float | None = 2e6
    retain: tuple[str, ...] = ()
    bounds: dict | None = None


def _level(sql: str, code: str):

    return cll.CustomLevel(sql).configure(label_for_charts=code)


def _null(*cols: str):

    sql = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in cols)
    return cll.CustomLevel(sql).configure(is_null_level=True, label_for_charts="missing")


def _else():

    return cll.ElseLevel().configure(label_for_charts="different")


# Name keys of either script: a record's Latin keys and its Arabic name's keys may meet either of
# the other record's (Mohamed El Amrani ~ محمد العمراني, both ways).
_ANY_NAME_KEY = " OR ".join(
    f"{a}_l = {b}_r"
    for a, b in (
        ("name_skel", "name_skel"),
        ("name_glued", "name_glued"),
        ("ar_glued", "ar_glued"),
        ("ar_glued", "name_glued"),
        ("name_glued", "ar_glued"),
        ("ar_skel", "ar_skel"),
        ("ar_skel", "name_skel"),
        ("name_skel", "ar_skel"),
    )
)


def _date_part(side: str, start: int) -> str:
    return f"CAST(substr(birth_full_{side}, {start}, 2) AS INTEGER)"


def _person_comparisons() -> list:

    return [
        cl.CustomComparison(
            output_column_name="name",
            comparison_levels=[
                _null("ar_glued"),
                # Term frequencies of the whole name: a rare name agreeing is strong evidence, Mohamed
                # Alaoui weak. The adjustment is measured against this level's own u (Splink would
                # otherwise take the u of "same_tokens", the only single-column equality on name_norm,
                # a level few pairs reach: every name, rare or not, then lost 5 bits).
                _level("given_norm_l = given_norm_r AND family_norm_l = family_norm_r", "exact").configure(
                    tf_adjustment_column="name_norm", disable_tf_exact_match_detection=True
                ),
                _level("given_norm_l = family_norm_r AND family_norm_l = given_norm_r", "swapped"),
                _level("name_norm_l = name_norm_r", "same_tokens"),
                _level(_ANY_NAME_KEY, "variant").configure(
                    tf_adjustment_column="name_glued", disable_tf_exact_match_detection=True
                ),
                # Both parts similar: a shared family name alone (siblings) is not a similar name.
                cll.And(
                    cll.JaroWinklerLevel("given_norm", 0.92), cll.JaroWinklerLevel("family_norm", 0.88)
                ).configure(label_for_charts="similar"),
                # One letter apart on the name keys (Amed / Ahmed, Zinsb / Zineb): a typo, or a brother.
                # The given names must look alike too, in either field (swaps): skeletons are short, and
                # Nadia / Anas (nd / ns) or Adil / Abdellah (dl / bdl) are twins, not typos.
                cll.CustomLevel(
                    "levenshtein(name_glued_l, name_glued_r) <= 1 AND ("
                    + " OR ".join(
                        f"jaro_winkler_similarity({a}_l, {b}_r) >= 0.75"
                        for a, b in (
                            ("given_norm", "given_norm"),
                            ("given_norm", "family_norm"),
                            ("family_norm", "given_norm"),
                        )
                    )
                    + ")",
                    base_dialect_str="duckdb",
                ).configure(label_for_charts="typo"),
                _level(
                    "family_skel_l = family_skel_r OR family_skel_l = given_skel_r "
                    "OR given_skel_l = family_skel_r",
                    "family_only",
                ),
                _else(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="birth_date",
            comparison_levels=[
                _null("birth_date"),
                _level("birth_full_l = birth_full_r", "exact"),
                _level(
                    "substr(birth_full_l, 1, 4) = substr(birth_full_r, 1, 4) "
                    "AND substr(birth_full_l, 6, 2) = substr(birth_full_r, 9, 2) "
                    "AND substr(birth_full_l, 9, 2) = substr(birth_full_r, 6, 2)",
                    "day_month_swapped",
                ),
                # One digit apart, or a day or a month off by one (1994-03-19 / 1994-03-20), as the
                # golden records' date check allows (dates.birth_dates_conflict).
                _level(
                    "levenshtein(birth_full_l, birth_full_r) <= 1 OR ("
                    "substr(birth_full_l, 1, 4) = substr(birth_full_r, 1, 4) AND "
                    f"abs({_date_part('l', 6)} - {_date_part('r', 6)}) "
                    f"+ abs({_date_part('l', 9)} - {_date_part('r', 9)}) = 1)",
                    "typo",
                ),
                # A year (or year and month) that agrees with the other record's date: consistent, weak.
                _level(
                    "(birth_full_l IS NULL OR birth_full_r IS NULL) AND ("
                    "substr(birth_date_l, 1, length(birth_date_r)) = birth_date_r "
                    "OR substr(birth_date_r, 1, length(birth_date_l)) = birth_date_l)",
                    "same_year",
                ),
                # Two full dates that differ beyond a swap or a typo: different people (twins aside).
                _else(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="email",
            comparison_levels=[
                _null("email"),
                _level("email_l = email_r", "exact"),
                # Same local part beyond the name (mohamed.alaoui84 at two providers): the "84" speaks.
                _level("email_user_l = email_user_r AND email_rest_l = email_rest_r", "same_user"),
                cll.JaroWinklerLevel("email_user", 0.92).configure(label_for_charts="similar"),
                _else(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="phone",
            comparison_levels=[
                _null("phone"),
                _level("phone_l = phone_r AND phone_kind_l = 'fixed'", "landline"),
                _level("phone_l = phone_r AND phone_kind_l = 'either'", "either"),
                _level("phone_l = phone_r", "exact"),
                cll.LevenshteinLevel("phone", 1).configure(label_for_charts="typo"),
                _else(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="city",
            comparison_levels=[
                _null("city"),
                _level(
                    "city_l = city_r OR city_skel_l = city_skel_r OR city_place_l = city_place_r", "exact"
                ),
                cll.JaroWinklerLevel("city", 0.88).configure(label_for_charts="similar"),
                _else(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="country",
            comparison_levels=[_null("country"), _level("country_l = country_r", "exact"), _else()],
        ),
    ]


# Levels whose learnt weight overstates what they say, because they are not independent of the other
# comparisons (Fellegi–Sunter assumes they are): bounds in bits, applied after training.
# - A merely similar email is mostly a similar name, counted a second time.
# - A landline is shared by a household: twins, fathers and sons, siblings.
# - People move: a different phone, email, city or country costs little; an exact email earns a lot.
# - An address or a mobile number belongs to one person: the same one is strong evidence, whatever
#   its share among random pairs says (the prior of a large run would otherwise drown it).
# - Two different given names under one family name are two people of one family.
WEIGHT_BOUNDS = {
    ("email", "exact"): (16.0, None),
    ("phone", "exact"): (14.0, None),
    ("email", "similar"): (None, 1.0),
    ("email", "different"): (-1.5, None),
    ("phone", "landline"): (None, 2.0),
    # A North American number may be a household's: more than a landline, far less than a mobile (at
    # 8 bits, twins sharing one merged on the hard set).
    ("phone", "either"): (None, 5.0),
    ("phone", "typo"): (None, 2.0),
    ("phone", "different"): (-1.5, None),
    # Families and namesakes live in the same cities; a city implies its country.
    ("city", "exact"): (None, 3.0),
    ("city", "similar"): (None, 1.0),
    ("country", "exact"): (None, 1.0),
    ("city", "different"): (-0.5, None),
    ("country", "different"): (-0.5, None),
    ("birth_date", "same_year"): (None, 5.0),
    # A full date of birth shared is rare among random pairs; twins are kept apart by their given names.
    ("birth_date", "exact"): (14.5, None),
    ("birth_date", "different"): (None, -8.0),
    # Twins share a family name, a date of birth, often a number and a city: only the given names
    # tell them apart (at -6, North American twins sharing a number merged).
    ("name", "family_only"): (None, -9.0),
    ("name", "typo"): (None, 1.0),
}


def bound_weights(linker, bounds=None) -> None:
    """Clamp the weights of the levels in ``bounds`` ({(comparison, level code): (min, max) bits}) by
    moving their m probability; u (how common the level is among random pairs) stays as measured."""
    bounds = WEIGHT_BOUNDS if bounds is None else bounds
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            low, high = bounds.get((comparison.output_column_name, level.label_for_charts), (None, None))
            if low is None and high is None:
                continue
            u = level.u_probability
            m = level.m_probability
            if not u or m is None or not isinstance(m, float | int):
                continue
            weight = math.log2(m / u) if m > 0 else -30.0
            target = weight
            if low is not None:
                target = max(target, low)
            if high is not None:
                target = min(target, high)
            if target > weight and u * 2**target > 1.0:
                level.m_probability, level.u_probability = m, m / 2**target
            elif target != weight:
                level.m_probability = u * 2**target


# Above this many records, "same name skeleton and city" makes blocks of hundreds of thousands of
# pairs for common names (Mohamed Alaoui in Paris) that the model then rejects anyway: not worth it.
NAME_CITY_BLOCKING_MAX_RECORDS = 200_000


# Blocking rules as data: each rule is a list of (left column, right column) equalities, so that the
# evaluation can say which true pairs no rule brings together (blocking recall) without a database.
# A rule comparing different columns (given name on one side, family name on the other) is listed in
# both directions: Splink compares each pair once, in one order.
def blocking_rules(n_records: int = 0) -> list[tuple[tuple[str, str], ...]]:
    def same(*columns):
        return tuple((c, c) for c in columns)

    rules = [
        same("email"),
        same("phone"),
        same("birth_full", "family_skel"),
        same("birth_full", "given_skel"),
        (("birth_full", "birth_full"), ("given_skel", "family_skel")),
        (("birth_full", "birth_full"), ("family_skel", "given_skel")),
        # Name keys already settle swaps, compounds, prefixes; in either script (ar_glued is the
        # Latin key when there is no Arabic name).
        same("name_glued", "birth_year"),
        same("ar_glued", "birth_year"),
        same("email_user"),
        # A rare name alone (counted in this run): moves and new contact details do not hide them.
        same("name_rare"),
        same("ar_rare"),
        (("ar_rare", "name_rare"),),
        (("name_rare", "ar_rare"),),
    ]
    if n_records <= NAME_CITY_BLOCKING_MAX_RECORDS:
        # Cheap on small runs, and they catch the rest: token order, a Latin key against an Arabic one.
        rules.append(same("name_skel", "birth_year"))
        rules.append((("ar_glued", "name_glued"), ("birth_year", "birth_year")))
        rules.append((("name_glued", "ar_glued"), ("birth_year", "birth_year")))
        rules.append(same("name_glued", "country"))
        rules.append(same("name_skel", "city"))
        rules.append(same("ar_glued", "city"))
    return rules


def rule_holds(rule, left: dict, right: dict) -> bool:
    return all(left.get(a) is not None and left.get(a) == right.get(b) for a, b in rule)


def _rule_sql(rule) -> str:
    return " AND ".join(f"l.{a} = r.{b}" for a, b in rule)


def _person_prediction_rules(n_records: int = 0) -> list:
    return [_rule_sql(rule) for rule in blocking_rules(n_records)]


def _person_training_rules() -> list:

    # Strong identifiers only (see the module docstring).
    return [block_on("email"), block_on("phone"), block_on("birth_full")]


def _person_deterministic_rules() -> list:

    return [block_on("email"), block_on("phone"), block_on("name_norm", "birth_full")]


PERSON = Profile(
    name="person",
    prepare=prepare_person_records,
    comparisons=_person_comparisons,
    prediction_rules=_person_prediction_rules,
    training_rules=_person_training_rules,
    deterministic_rules=_person_deterministic_rules,
    retain=("source",),
    bounds=WEIGHT_BOUNDS,
)


# --------------------------------------------------------------------------------------------------
# Running a linkage


@dataclass
class LevelInfo:
    comparison: str
    code: str
    weight: float  # log2 Bayes factor of the level (without term frequency adjustments)


@dataclass
class LinkageResult:
    linker: Any
    predictions: Any  # SplinkDataFrame of pairs above the prediction threshold
    levels: dict[str, dict[int, LevelInfo]]
    timings: dict[str, float] = field(default_factory=dict)
    prepared: pa.Table | None = None

    @property
    def _tf_columns(self) -> list[str]:
        """Term-frequency adjustment weights (rare names weigh more than Mohamed Alaoui)."""
        if not hasattr(self, "_tf_cache"):
            sample = self.predictions.as_record_list(limit=1)
            names = sample[0].keys() if sample else []
            self._tf_cache = [c for c in names if c.startswith("mw_tf_adj_")]
        return self._tf_cache

    @property
    def comparison_names(self) -> list[str]:
        return list(self.levels)

    def pairs(self, min_probability: float = 0.0, columns: Iterable[str] | None = None) -> pa.Table:
        """The scored pairs at or above ``min_probability`` as an arrow table."""
        wanted = ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
        wanted += [f"gamma_{c}" for c in self.levels] + [f"mw_{c}" for c in self.levels]
        wanted += self._tf_columns
        wanted += list(columns or [])
        sql = (
            f"SELECT {', '.join(wanted)} FROM {self.predictions.physical_name} "  # noqa: S608 - our names
            f"WHERE match_probability >= {float(min_probability)}"
        )
        return self.linker.misc.query_sql(sql, output_type="splink_df").as_pyarrow_table()

    def pair_ids(self, min_probability: float) -> set[tuple[str, str]]:
        table = self.pairs(min_probability)
        left, right = table.column("unique_id_l").to_pylist(), table.column("unique_id_r").to_pylist()
        return {(a, b) if a < b else (b, a) for a, b in zip(left, right, strict=True)}

    def reasons(self, row: dict) -> list[dict]:
        """Per comparison: the level reached (a code such as "swapped") and its weight in bits, with the
        term-frequency adjustment (a rare name counts for more). The weights plus the prior add up to
        the pair's match weight."""
        out = []
        for comparison, levels in self.levels.items():
            gamma = row.get(f"gamma_{comparison}")
            info = levels.get(gamma)
            weight = row.get(f"mw_{comparison}")
            if weight is None:
                weight = info.weight if info else 0.0
            weight += row.get(f"mw_tf_adj_{comparison}") or 0.0
            out.append(
                {
                    "comparison": comparison,
                    "level": info.code if info else "missing",
                    "weight": round(weight, 2),
                }
            )
        return out

    def clusters(self, threshold: float) -> dict[str, str]:
        """unique_id → cluster id (the smallest unique id of the cluster) at the probability threshold."""
        clustered = self.linker.clustering.cluster_pairwise_predictions_at_threshold(
            self.predictions, threshold_match_probability=threshold
        )
        table = self.linker.misc.query_sql(
            f"SELECT unique_id, cluster_id FROM {clustered.physical_name}",  # noqa: S608 - our names
            output_type="splink_df",
        ).as_pyarrow_table()
        ids, clusters = table.column("unique_id").to_pylist(), table.column("cluster_id").to_pylist()
        return dict(zip(ids, clusters, strict=True))

    def model(self) -> dict:
        return self.linker.misc.save_model_to_json()


def _levels_of(linker) -> dict[str, dict[int, LevelInfo]]:
    out: dict[str, dict[int, LevelInfo]] = {}
    for comparison in linker._settings_obj.comparisons:
        name = comparison.output_column_name
        levels = {}
        for level in comparison.comparison_levels:
            if level.is_null_level:
                levels[-1] = LevelInfo(name, "missing", 0.0)
                continue
            try:
                weight = level._log2_bayes_factor
            except (TypeError, ValueError, ZeroDivisionError):
                weight = 0.0
            code = level.label_for_charts
            levels[level.comparison_vector_value] = LevelInfo(name, code, float(weight or 0.0))
        out[name] = levels
    return out


def link(
    records,
    profile: Profile = PERSON,
    *,
    backend: str | None = None,
    predict_threshold: float = 0.3,
    seed: int = 7,
    model: dict | None = None,
    tables: Sequence | None = None,
    estimate_prior: bool = False,
) -> LinkageResult:
    """Prepare, train (unless a trained ``model`` is given) and predict.

    ``records`` is one table (dedupe_only profiles) or, with ``tables``, ignored in favour of several
    tables to link (link_only profiles such as FEBRL4)."""

    timings: dict[str, float] = {}
    started = time.perf_counter()
    inputs = list(tables) if tables is not None else [records]
    prepared = [profile.prepare(t) for t in inputs]
    timings["prepare"] = time.perf_counter() - started

    started = time.perf_counter()
    db_api = make_db_api(backend, n_records=sum(t.num_rows for t in prepared))
    frames = [db_api.register(t, table_name=f"input_{i}") for i, t in enumerate(prepared)]
    if model is not None:
        settings = copy.deepcopy(model)
        settings["linker_uid"] = None
        if estimate_prior:
            # Term frequencies measured on a handful of records say nothing about how common a name
            # is (two Idrissi among sixteen records): score small runs without them.
            for comparison in settings.get("comparisons", []):
                for level in comparison.get("comparison_levels", []):
                    level.pop("tf_adjustment_column", None)
                    level.pop("tf_adjustment_weight", None)
    else:
        settings = SettingsCreator(
            link_type=profile.link_type,
            comparisons=profile.comparisons(),
            blocking_rules_to_generate_predictions=profile.prediction_rules(
                sum(t.num_rows for t in prepared)
            ),
            retain_intermediate_calculation_columns=True,
            retain_matching_columns=True,
            additional_columns_to_retain=list(profile.retain),
        )
    linker = Linker(frames if len(frames) > 1 else frames[0], settings, log_level=logging.ERROR)
    timings["load"] = time.perf_counter() - started

    if model is not None and estimate_prior:
        # A trained model on other data: its weights hold, but the share of matching pairs depends on
        # the size of this data set. Re-estimate it when the deterministic rules allow; never go below
        # the model's own value (a handful of records may show no deterministic match at all).
        before = linker._settings_obj._probability_two_random_records_match
        try:
            linker.training.estimate_probability_two_random_records_match(
                profile.deterministic_rules(), recall=profile.deterministic_recall
            )
        except (ValueError, ZeroDivisionError):
            log.info("Kept the model's prior: too few records to estimate it")
        estimated = linker._settings_obj._probability_two_random_records_match
        if not before <= estimated < 0.5:
            linker._settings_obj._probability_two_random_records_match = before
    if model is None:
        started = time.perf_counter()
        linker.training.estimate_probability_two_random_records_match(
            profile.deterministic_rules(), recall=profile.deterministic_recall
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=profile.u_max_pairs, seed=seed)
        for rule in profile.training_rules():
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True, max_pairs=profile.em_max_pairs
            )
        if profile.bounds is not None:
            bound_weights(linker, profile.bounds)
        timings["train"] = time.perf_counter() - started

    started = time.perf_counter()
    predictions = linker.inference.predict(
        threshold_match_probability=predict_threshold, warning_mode="never"
    )
    timings["predict"] = time.perf_counter() - started
    return LinkageResult(
        linker=linker,
        predictions=predictions,
        levels=_levels_of(linker),
        timings=timings,
        prepared=prepared[0] if len(prepared) == 1 else None,
    )


def pair_quality(predicted: set[tuple[str, str]], truth: set[tuple[str, str]]) -> dict[str, float]:
    """Pair precision, recall and F1 of predicted against true pairs (each pair sorted)."""
    true_positives = len(predicted & truth)
    precision = true_positives / len(predicted) if predicted else 1.0
    recall = true_positives / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "predicted": len(predicted),
        "true": len(truth),
        "true_positives": true_positives,
    }
