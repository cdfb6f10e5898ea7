"""Text folding for the directory search: case, accents and Arabic diacritics do not matter."""

import unicodedata

from django.utils.text import slugify


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def terms(query: str, limit: int = 6) -> list[str]:
    """Distinct folded words of a search query (at most ``limit``), in order."""
    seen = []
    for word in fold(query).split():
        if len(word) >= 2 and word not in seen:
            seen.append(word)
    return seen[:limit]


def key(values) -> str:
    """A list of codes as "|a|b|" so that one code is found with a portable ``contains`` lookup."""
    values = sorted(set(values))
    return "|" + "|".join(values) + "|" if values else ""


def skill_slug(name: str) -> str:
    return slugify(name, allow_unicode=True)
