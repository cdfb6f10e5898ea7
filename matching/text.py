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
