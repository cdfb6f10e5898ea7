"""Name handling for record linkage of a Moroccan diaspora population.

Two keys per name, both computed from the letters alone (no dictionary of names, so the matching
works the same for names nobody listed):

``normalise(name)``
    Latin script, lower case, accents removed, prefixes and compounds settled ("El Amrani",
    "Al-Amrani", "Elamrani" → "amrani"; "Abd el Kader" → "abdelkader"), common digraph spellings
    folded (ou→u, ph→f, dj→j, doubled letters once). "Mohammed" and "Mohamed" give the same key;
    "Muhammad" does not (that is for the skeleton).

``skeleton(name)``
    The consonant skeleton of the normalised form, with letters grouped by the Arabic letter they
    usually transcribe (ch/sh/ش → "S", kh/x/خ → "x", gh/rh/غ → "G", q/k/c/g/ق/ك/ڭ → "k", dh/d/ض/ذ → "d",
    th/t/ط/ث → "t"…)
    and the vowels and semi-vowels (a e i o u y w, ا و ي ع ء ة) dropped. Arabic writes consonants and
    long vowels; Latin spellings of the same name differ mostly in their vowels. So Mohamed, Mohammed,
    Muhammad, Mhamed and محمد all give "mhmd"; Youssef, Yousef, Youcef and يوسف give "sf".

Arabic is turned into Latin with our own letter map rather than anyascii: anyascii gives a generic
romanisation (ة → "h", ش → "sh", ع → "`", ال → "l") that looks nothing like the French-style
spellings of Moroccan civil records (ة → "a", ش → "ch", و → "ou", ال → "el"), which are what the Latin
records we compare against contain. anyascii is still used for accented Latin (é, ï, ç, Ḥ).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_ARABIC_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # harakat, dagger alif, tatweel

# Arabic letter → Latin, as Moroccan civil records usually spell it (French-based).
_AR_TO_LATIN = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ء": "",
    "ئ": "i",
    "ؤ": "ou",
    "ب": "b",
    "ت": "t",
    "ث": "t",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "ch",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "d",
    "ع": "a",
    "غ": "gh",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ڭ": "g",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "و": "ou",
    "ي": "i",
    "ى": "a",
    "ی": "i",
    "ک": "k",
    "ڤ": "v",
    "پ": "p",
    "چ": "ch",
}

# Tokens that are glued to the next one ("Ben Ali" = "Benali", "Abd el Kader" = "Abdelkader").
_GLUE_PREFIXES = {
    "ben",
    "bn",
    "bin",
    "ibn",
    "bent",
    "bint",
    "bnt",
    "ould",
    "ait",
    "abd",
    "abdel",
    "abdal",
    "abdul",
    "abou",
    "abu",
    "bou",
    "moulay",
    "lalla",
    "sidi",
}
_ARTICLES = {
    "el",
    "al",
    "al-",
    "el-",
    "l",
    "d",
    "ed",
    "ad",
    "es",
    "as",
    "et",
    "at",
    "en",
    "an",
    "er",
    "ar",
    "ez",
    "az",
}

_DIGRAPHS_NORMAL = [
    ("ou", "u"),
    ("oo", "u"),
    ("ph", "f"),
    ("dj", "j"),
    ("ee", "i"),
    ("ei", "i"),
    ("ai", "ai"),
    ("ck", "k"),
    ("q", "k"),
]

_SKELETON_DIGRAPHS = [
    ("kh", "x"),
    ("gh", "G"),
    ("tch", "S"),
    ("ch", "S"),
    ("sh", "S"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("dj", "j"),
    ("ck", "k"),
    ("q", "k"),
    ("v", "f"),
    ("p", "b"),
]
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWELS = re.compile(r"[aeiouyw']")
_DOUBLES = re.compile(r"(.)\1+")
_NON_LETTERS = re.compile(r"[^a-zA-Z ]+")


def has_arabic(text: str | None) -> bool:
    return bool(text) and bool(ARABIC_RE.search(text))


def arabic_to_latin(text: str) -> str:
    """Moroccan French-style Latin spelling of an Arabic-script name (ال → "el")."""
    text = _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFC", text))
    words = []
    for word in text.split():
        prefix = ""
        if word.startswith("ال") and len(word) > 3:
            prefix, word = "el ", word[2:]
        letters = []
        for i, char in enumerate(word):
            latin = _AR_TO_LATIN.get(char)
            if latin is None:
                latin = anyascii(char).lower()
            # Long vowels written as consonant letters: و/ي between consonants read as a vowel.
            if char == "ي" and i == 0:
                latin = "y"
            if char == "و" and i == 0:
                latin = "ou"
            letters.append(latin)
        words.append(prefix + "".join(letters))
    return " ".join(words)


def to_latin(text: str | None) -> str:
    """Latin letters only, lower case; Arabic through our map, everything else through anyascii."""
    if not text:
        return ""
    if has_arabic(text):
        parts = re.split(r"(\s+)", text)
        text = "".join(arabic_to_latin(part) if has_arabic(part) else part for part in parts)
    return anyascii(text).lower()


def tokens(text: str | None, *, family: bool = False) -> list[str]:
    """Name tokens, Latin, articles dropped, compounds glued ("Abd el Kader" → ["abdelkader"])."""
    latin = _NON_LETTERS.sub(" ", to_latin(text).replace("-", " ").replace("'", " "))
    raw = [t for t in latin.split() if t]
    out: list[str] = []
    glue_next = False
    for token in raw:
        if token in _ARTICLES:
            # An article after "abd" is part of the compound; elsewhere it is dropped.
            if glue_next and out:
                out[-1] += token
            continue
        if glue_next and out:
            out[-1] += token
            glue_next = False
            continue
        if len(token) > 5 and token.startswith("el"):
            # "Elamrani" → "amrani", in either field (swapped names); "Elias" (too short) and "Alaoui" stay
            token = token[2:]
        out.append(token)
        glue_next = token in _GLUE_PREFIXES
    return out


def _normal_token(token: str) -> str:
    for old, new in _DIGRAPHS_NORMAL:
        token = token.replace(old, new)
    return _DOUBLES.sub(r"\1", token)


def normalise_token(token: str) -> str:
    """One run of Latin letters as normalise() spells it (ou → u, doubled letters once…)."""
    return _normal_token(token.lower())


# "Abd" and its article in any spelling, the article assimilated or not: Abdel Rahim = Abderrahim.
_ABD = re.compile(r"^abd(?:el|al|ul|oul|il|e|a|ou|u|i)?(?=.)")


def _skeleton_token(token: str, family: bool = False, latin: bool = True) -> str:
    token = _ABD.sub("abd", _SOFT_C.sub("s", token.lower()))
    if latin:
        # Moroccan French spelling writes غ as "rh" too: Rhazi, Rhizlane, Abdelrhani. Not in a name read
        # from Arabic, where ر before ح or ه gives "rh" (الرحيم → elrhim).
        token = token.replace("rh", "G")
    for old, new in _SKELETON_DIGRAPHS:
        token = token.replace(old, new)
    # A Moroccan g is written ك, ڭ or ق in Arabic (Guessous / كسوس); غ stays apart as "G" (gh).
    token = token.replace("c", "k").replace("g", "k")
    token = _VOWELS.sub("", token)
    token = _DOUBLES.sub(r"\1", token)
    # A final h after three consonants is written or not (Fatimah, Abdallah / عبد الله); "Salah" keeps it.
    if len(token) > 3 and token.endswith("h"):
        token = token[:-1]
    # The article is often glued as a bare L in family names (Lamrani, Laaroussi, Lazrak = العمراني,
    # العروسي, الأزرق): a leading l goes from every family skeleton, in both scripts, so that "El
    # Amrani", "Lamrani" and العمراني meet (Lahlou and لحلو lose theirs alike).
    if family and len(token) > 2 and token.startswith("l"):
        token = token[1:]
    return token


@lru_cache(maxsize=200_000)
def normalise(name: str | None, family: bool = False) -> str:
    return " ".join(_normal_token(t) for t in tokens(name, family=family))


@lru_cache(maxsize=200_000)
def skeleton(name: str | None, family: bool = False) -> str:
    latin = not has_arabic(name)
    return " ".join(s for s in (_skeleton_token(t, family, latin) for t in tokens(name, family=family)) if s)


# Arabic given names in two words: "عبد الله", "فاطمة الزهراء", "نور الدين", "مولاي علي".
_AR_COMPOUND_FIRST = frozenset({"عبد", "ابو", "أبو", "مولاي", "لالة", "لالا", "سيدي"})
_AR_COMPOUND_SECOND = frozenset({"الزهراء", "الزهرة", "الدين", "الله", "الإله", "الاله", "الرحمن", "الحق"})


def split_arabic_full_name(name_arabic: str | None) -> tuple[str, str]:
    """An Arabic full name written "given family…" (the usual order on Moroccan documents in Latin
    too), keeping compound given names whole; the swap level of the comparison catches records written
    the other way round."""
    parts = (name_arabic or "").split()
    if not parts:
        return "", ""
    count = 1
    if len(parts) > 2 and (parts[0] in _AR_COMPOUND_FIRST or parts[1] in _AR_COMPOUND_SECOND):
        count = 2
    return " ".join(parts[:count]), " ".join(parts[count:])
