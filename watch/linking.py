"""Linking a mention to a person only with context evidence, every link with its score and reasons.

The name alone proves nothing: the registry holds namesakes, and the news is full of people who share
a name with someone in it. Evidence is what the record holds, found in the paragraph around the mention
(and the title): city, employer, occupation or field, country. Twins (two records with the name) are
told apart by the same evidence; when neither wins clearly, nothing is linked.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from core.countries import country_codes, country_name
from core.text import fold

from .fields import concepts_of

WEIGHTS = {"name": 0.2, "city": 0.35, "employer": 0.35, "field": 0.3, "country": 0.15}
THRESHOLD = 0.5
TWIN_MARGIN = 0.15
_WORD = re.compile(r"[^\W\d_]+")
_STOP = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "of",
    "the",
    "and",
    "et",
    "at",
    "in",
    "chez",
    "group",
    "groupe",
    "university",
    "universite",
    "université",
    "institut",
    "institute",
    "company",
    "inc",
    "sa",
    "sas",
}


@dataclass
class Scored:
    person: object
    score: float
    reasons: list = field(default_factory=list)


# Country names that are also everyday words: "مالي" is Mali and "financial", "Jordan" a first name.
_AMBIGUOUS_COUNTRIES = {"مالي", "jordan", "georgia", "chad", "niger", "turkey", "guinea"}


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    index = {}
    for code in country_codes():
        for language in ("fr", "en", "ar"):
            name = fold(country_name(code, language))
            if name and name not in _AMBIGUOUS_COUNTRIES:
                index[name] = code
                if name.startswith("ال"):
                    index[name[2:]] = code
    return index


# Demonyms of the countries where most of the diaspora lives ("une chercheuse française", "كندي").
DEMONYMS = {
    "FR": ["francais", "francaise", "french", "فرنسي", "فرنسيه"],
    "BE": ["belge", "belgian", "بلجيكي", "بلجيكيه"],
    "ES": ["espagnol", "espagnole", "spanish", "اسباني", "اسبانيه"],
    "NL": ["neerlandais", "neerlandaise", "dutch", "هولندي", "هولنديه"],
    "DE": ["allemand", "allemande", "german", "الماني", "المانيه"],
    "IT": ["italien", "italienne", "italian", "ايطالي", "ايطاليه"],
    "CA": ["canadien", "canadienne", "canadian", "quebecois", "quebecoise", "كندي", "كنديه"],
    "US": ["americain", "americaine", "american", "امريكي", "امريكيه", "اميركي"],
    "GB": ["britannique", "british", "بريطاني", "بريطانيه"],
}
_DEMONYM_INDEX = {fold(word): code for code, words in DEMONYMS.items() for word in words}


def countries_in(text: str) -> set[str]:
    words = _WORD.findall(fold(text))
    folded = " " + " ".join(words) + " "
    found = {_DEMONYM_INDEX[w] for w in words if w in _DEMONYM_INDEX}
    found |= {_DEMONYM_INDEX[w[2:]] for w in words if w.startswith("ال") and w[2:] in _DEMONYM_INDEX}
    for name, code in _country_index().items():
        if len(name) > 3 and f" {name} " in folded:
            found.add(code)
    return found


class Context:
    """What a paragraph says, computed once for all the candidates of its mentions."""

    def __init__(self, text: str, key):
        self.text = text
        self.key = key
        words = _WORD.findall(fold(text))
        self.words = set(words)
        self.loose = {key(w) for w in words if len(key(w).replace(" ", "")) >= 3}
        self.countries = countries_in(text)
        self.concepts = concepts_of(text)

    def has_phrase(self, phrase: str) -> bool:
        """Every significant word of the phrase, spelled as such or by its consonant skeleton (the
        city "Lyon" in Arabic "ليون")."""
        words = [w for w in _WORD.findall(fold(phrase)) if w not in _STOP and len(w) > 1]
        if not words:
            return False
        for word in words:
            if word in self.words:
                continue
            loose = self.key(word)
            if len(loose.replace(" ", "")) >= 3 and loose in self.loose:
                continue
            return False
        return True


def score_person(person, context: Context, name_form: str, exact: bool = True) -> Scored:
    # A name spelled as the record spells it says more than one that only shares its consonants
    # ("Ziani" and "Ouazzani" do): the latter needs one more piece of evidence.
    score = WEIGHTS["name"] * (1.0 if exact else 0.5)
    reasons = [{"evidence": "name", "form": name_form, "exact": exact}]
    if person.city and context.has_phrase(person.city):
        score += WEIGHTS["city"]
        reasons.append({"evidence": "city", "value": person.city})
    if person.employer and context.has_phrase(person.employer):
        score += WEIGHTS["employer"]
        reasons.append({"evidence": "employer", "value": person.employer})
    record_concepts = concepts_of(" ".join([person.occupation, person.employer, *person.sectors]))
    shared = sorted(record_concepts & context.concepts)
    if shared:
        score += WEIGHTS["field"]
        reasons.append({"evidence": "field", "value": shared})
    if person.country and person.country in context.countries:
        score += WEIGHTS["country"]
        reasons.append({"evidence": "country", "value": person.country})
    elif person.country and context.countries and not (person.city and context.has_phrase(person.city)):
        # The article places the person elsewhere: a namesake more often than a move.
        score -= 0.1
        reasons.append({"evidence": "other_country", "value": sorted(context.countries)})
    return Scored(person, round(score, 3), reasons)


def best_link(people, context: Context, name_form: str, exact_ids=None) -> Scored | None:
    """The person the evidence points to, or None (too little evidence, or twins left undecided)."""
    exact_ids = {p.id for p in people} if exact_ids is None else exact_ids
    scored = sorted(
        (score_person(p, context, name_form, p.id in exact_ids) for p in people), key=lambda s: -s.score
    )
    if not scored or scored[0].score < THRESHOLD:
        return None
    if len(scored) > 1 and scored[0].score - scored[1].score < TWIN_MARGIN:
        return None
    return scored[0]
