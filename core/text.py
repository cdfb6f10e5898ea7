"""Text folding for searches, vocabularies and imports: case, accents, Arabic variants do not matter."""

import re
import unicodedata

# Arabic letters written several ways for the same name: hamza carriers on alef, alef maqsura for ya,
# ta marbuta for ha; tatweel and harakat carry no meaning for matching.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_TATWEEL = "\u0640"
_SEPARATORS = re.compile(r"[\s\-_'’‘`.,;:/()\[\]]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower case, no accents or harakat, Arabic letter variants unified, single spaces."""
    folded = strip_accents(text or "").replace(_TATWEEL, "").casefold().translate(_ARABIC_FOLD)
    return " ".join(folded.split())


def key(text: str) -> str:
    """A lookup key for names (countries, sectors): folded, punctuation read as spaces."""
    return " ".join(_SEPARATORS.sub(" ", fold(text)).split())
