"""Normalising skill names so that spellings of one skill meet: case, accents, Arabic letter forms.

Arabic: diacritics (harakat, shadda, dagger alef) and tatweel go; alef forms (أ إ آ ٱ) become ا, alef
maqsura ى becomes ي, ta marbuta ة becomes ه, hamza seats ؤ ئ become و ي; the article "ال" (and "وال")
is dropped from words. Latin: accents and case go, elisions (l', d') and a few linking words are
dropped. What remains is a key of words separated by single spaces.
"""

import re
import unicodedata

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
_SEPARATORS = re.compile(r"[^\w+#]+")  # keep C++, C#
_STOPWORDS = frozenset(
    {
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "l",
        "d",
        "et",
        "en",
        "a",
        "au",
        "aux",
        "pour",
        "of",
        "and",
        "the",
        "in",
        "for",
        "to",
        "y",
        "el",
        "del",
        "و",
        "في",
        "من",
        "على",
    }
)


def _arabic_word(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def words(text: str) -> list[str]:
    """The normalised words of ``text``, linking words dropped, in order."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    # NFKD splits Arabic hamza forms again; fold the letters once more after recomposing.
    text = unicodedata.normalize("NFC", text).translate(_ARABIC_LETTERS).casefold()
    result = []
    for word in _SEPARATORS.sub(" ", text.replace("'", " ").replace("’", " ")).split():
        word = _arabic_word(word)
        if word and word not in _STOPWORDS:
            result.append(word)
    return result


def normalise(text: str) -> str:
    """One key per spelling: "Développement Web" and "developpement web" give "developpement web"."""
    return " ".join(words(text))


def sorted_key(text: str) -> str:
    """The same words in alphabetical order, so that "web development" meets "development web"."""
    return " ".join(sorted(words(text)))


_FEMININE = (("euses", "eur"), ("euse", "eur"), ("trices", "teur"), ("trice", "teur"), ("iennes", "ien"),
             ("ienne", "ien"))  # fmt: skip


def stem(word: str) -> str:
    """A light stem for Latin words: plural -s/-x and French feminine endings go ("développeuses" and
    "développeur" meet; "databases" and "database")."""
    for ending, replacement in _FEMININE:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    if len(word) > 3 and word[-1] in "sx" and word[-2] not in "su" and word.isascii():
        return word[:-1]
    return word


def stem_words(items) -> list[str]:
    return [stem(word) for word in items]


_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "et",
        "pour",
        "une",
        "un",
        "je",
        "nous",
        "dans",
        "sur",
        "avec",
        "est",
        "au",
        "aux",
        "en",
        "qui",
        "que",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "our",
        "we",
        "is",
        "are",
        "of",
        "to",
        "in",
        "on",
        "a",
        "an",
        "i",
        "my",
        "who",
        "that",
        "this",
        "from",
    ]
)


def text_language(text: str) -> str:
    """fr, ar or en: the language a profile or project is written in (for centring its vector).

    Arabic script decides Arabic (Darija written in Arabic letters included); otherwise the more
    frequent of French and English linking words. "" when nothing tells.
    """
    letters = [char for char in text or "" if char.isalpha()]
    if not letters:
        return ""
    arabic = sum(1 for char in letters if "\u0600" <= char <= "\u06ff")
    if arabic / len(letters) > 0.3:
        return "ar"
    tokens = re.findall(r"[a-zà-ÿ']+", (text or "").casefold())
    french = sum(token in _FRENCH for token in tokens) + sum(
        1 for token in tokens if any(c in token for c in "éèêàçù")
    )
    english = sum(token in _ENGLISH for token in tokens)
    if not french and not english:
        return ""
    return "fr" if french >= english else "en"
