"""Person mentions: full names of directory people as written in an article, in Latin or Arabic script.

A name is keyed by the directory's one normalisation (``name_key``: transliterations, particles, hamza,
ى/ي, ة/ه, بن glued or not, all give one key). A span of the text is a mention only when its key is a
person's FULL name (given and family, either order): a given name and a family name that both exist in
the registry, but never together, are no mention. A Latin name in parentheses after an Arabic one is
the same mention.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from privacy.models import ConsentPurpose
from privacy.selectors import latest_decisions

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# Particles that stay lower case inside a Latin name ("Tahar ben Jelloun", "Ahmed el Amrani").
_PARTICLES = {"el", "al", "ben", "bin", "ibn", "ait", "ould", "abd", "abou", "bou", "de", "d", "ed", "es"}
_MAX_TOKENS = 5
# Arabic has no capitals, and its short function words have consonant skeletons that Latin names share
# ("ومن بين" keys like "Amin Bennani"): a span holding one of them is never a name.
_ARABIC_STOP = {
    "من",
    "في",
    "بين",
    "على",
    "الى",
    "إلى",
    "عن",
    "مع",
    "ومن",
    "وفي",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "قبل",
    "بعد",
    "خلال",
    "حول",
    "كان",
    "كانت",
    "قد",
    "لقد",
    "لم",
    "لن",
    "ما",
    "لا",
    "ان",
    "إن",
    "أن",
    "او",
    "أو",
    "ثم",
    "كل",
    "بعض",
    "عند",
    "منذ",
    "حتى",
    "حيث",
    "وقد",
    "كما",
    "لكن",
    "لكنه",
    "هو",
    "هي",
    "هم",
    "نحو",
    "ضمن",
    "لدى",
    "بها",
    "به",
    "له",
    "لها",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "وهو",
    "وهي",
    "إنه",
    "انه",
    "أنه",
    "قال",
    "وقال",
    "حضر",
    "شارك",
    "فاز",
    "فازت",
    "حصل",
    "حصلت",
    "تم",
    "عبر",
    "وخلال",
    "ومنحت",
    "يقيم",
    "المقيم",
    "سابق",
    "مدينة",
    "بمدينة",
    "شركة",
    "جمعية",
    "حسب",
    "وحسب",
    "وذلك",
    "اليوم",
    "أمس",
    "السنة",
    "سنة",
    "شهر",
    # Verbs that open the sentences naming people: their skeletons read as family names otherwise.
    "أسس",
    "أسست",
    "اسس",
    "اسست",
    "جمع",
    "جمعت",
    "نشر",
    "نشرت",
    "عين",
    "عينت",
    "تعيين",
    "أعلن",
    "اعلن",
    "افتتح",
    "يفتتح",
    "أكد",
    "اكد",
    "ترأس",
    "تراس",
}


# Arabic spellings the directory's key does not settle: a final ه typed for ة ("فاطمه" for "فاطمة"),
# except in "الله" and its compounds. (To fold into the one normalisation, referential.linkage.names.)
_FINAL_HA = re.compile(r"(?<![لا])ه(?=\s|$)")


def spelling(text: str) -> str:
    return _FINAL_HA.sub("ة", text) if _ARABIC.search(text or "") else text


def keyer(directory):
    def key(text: str, loose: bool = True) -> str:
        return directory.name_key(spelling(text), loose=loose)

    return key


@dataclass
class Found:
    start: int
    end: int
    surface: str
    form: str
    people: list = field(default_factory=list)
    # People whose name this spelling matches exactly (not only by its consonant skeleton).
    exact_ids: set = field(default_factory=set)


def _is_arabic(token: str) -> bool:
    return bool(_ARABIC.match(token))


def _latin_ok(token: str) -> bool:
    return token[:1].isupper() or token.lower() in _PARTICLES


class NameIndex:
    """Every directory person under the keys of their names; members who objected are left out."""

    def __init__(self, directory, people=None):
        self.directory = directory
        self.by_key: dict[str, list] = defaultdict(list)
        self.natural: set[tuple[str, str]] = set()  # (key, person id) in given-family order
        self.first_keys: set[str] = set()
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.spelled: dict[str, list] = defaultdict(list)  # ([tokens], family first?) per name and order
        self.people: dict[str, object] = {}
        people = list(directory.people() if people is None else people)
        objected = objecting_users([p.user_id for p in people if p.user_id])
        key = self.key = keyer(directory)
        for person in people:
            if person.user_id and person.user_id in objected:
                continue
            self.people[person.id] = person
            for name in (person.name_latin, person.name_arabic):
                words = (name or "").split()
                if len(words) < 2:
                    continue
                # Either order: family names in capitals often come first ("EL AMRANI Youssef").
                for order in (words, words[-1:] + words[:-1]):
                    k = key(" ".join(order))
                    if len(k.split()) < 2:
                        continue  # a name that keys to one word is no full name
                    if person not in self.by_key[k]:
                        self.by_key[k].append(person)
                    exact = key(" ".join(order), loose=False)
                    if order is words:
                        self.natural.add((k, person.id))
                        self.spelled[person.id].append((exact.split(), False))
                    else:
                        self.spelled[person.id].append((exact.split(), True))
                    self.first_keys.add(key(order[0]))
                    self.exact[person.id].add(exact)

    def _spans(self, text: str, tokens) -> list[tuple]:
        """Every run of 2–5 words whose key is a full name: (start token, length, surface, people)."""
        key = self.key
        spans = []
        for i, (_start, _end, first) in enumerate(tokens):
            arabic = _is_arabic(first)
            if arabic and first in _ARABIC_STOP:
                continue
            if not (arabic or first[:1].isupper()) or key(first) not in self.first_keys:
                continue
            for length in range(2, _MAX_TOKENS + 1):
                span = tokens[i : i + length]
                if len(span) < length:
                    break
                # Names sit in one run of words: no sentence punctuation between them.
                gap = text[span[-2][1] : span[-1][0]]
                if re.search(r"[.,;:!?()«»\"،؛]", gap):
                    break
                last = span[-1][2]
                if _is_arabic(last) != arabic or (not arabic and not _latin_ok(last)):
                    break
                if arabic and last in _ARABIC_STOP:
                    break
                surface = text[span[0][0] : span[-1][1]]
                k = key(surface)
                people = self.by_key.get(k)
                if people:
                    spans.append((i, length, surface, k, people))
        return spans

    def find(self, text: str) -> list[Found]:
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        candidates = []
        for i, length, surface, k, people in self._spans(text, tokens):
            exact = self.key(surface, loose=False)
            exact_ids = {p.id for p in people if exact in self.exact[p.id]}
            # Arabic written without short vowels is further from the Latin spelling: two edits allowed.
            slack = 1 if _is_arabic(surface) else 0
            people = [p for p in people if p.id in exact_ids or self._close(exact.split(), p.id, slack)]
            if not people:
                continue
            natural = any((k, p.id) in self.natural for p in people)
            candidates.append((i, length, surface, people, exact_ids, natural))
        # Overlapping runs ("أسس زينب" and "زينب الصفريوي"): the longer, then the one spelled exactly as
        # a record, then the one in given-family order, then the earlier.
        candidates.sort(key=lambda c: (-c[1], not c[4], not c[5], c[0]))
        taken: set[int] = set()
        found: list[Found] = []
        for i, length, surface, people, exact_ids, _natural in candidates:
            positions = set(range(i, i + length))
            if positions & taken:
                continue
            taken |= positions
            start, end = tokens[i][0], tokens[i + length - 1][1]
            found.append(Found(start, end, surface, self._form(surface, people), list(people), exact_ids))
        found.sort(key=lambda f: f.start)
        return _merge_parenthesised(text, found)

    def _close(self, written: list[str], person_id: str, slack: int = 0) -> bool:
        """A Latin spelling that shares only the consonant skeleton with a Latin record must still be a
        spelling of the same family name ("Naciri"/"Nasiri"), not another name ("Alaoui"/"Lalai");
        given names vary more ("Zineb"/"Zaynab") and only need to be alike."""
        for tokens, family_first in self.spelled[person_id]:
            if len(tokens) != len(written):
                continue
            given = len(tokens) - 1 if family_first else 0
            pairs = list(zip(written, tokens, strict=True))
            if all(
                SequenceMatcher(None, a, b).ratio() >= 0.5
                if i == given
                else _edits(a, b) <= (1 if len(b) <= 7 else 2) + slack
                for i, (a, b) in enumerate(pairs)
            ):
                return True
        return False

    def _form(self, surface: str, people) -> str:
        if _is_arabic(surface):
            return "arabic"
        words = [w for w in _WORD.findall(surface) if len(w) > 2]
        if any(w.isupper() for w in words):
            return "capitals"
        exact = self.key(surface, loose=False)
        if any(exact in self.exact[p.id] for p in people):
            return "exact"
        return "variant"


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (short strings: family names)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _merge_parenthesised(text: str, found: list[Found]) -> list[Found]:
    """ "يوسف العمراني (Youssef El Amrani)": one mention, the person twice named."""
    merged: list[Found] = []
    for item in found:
        if merged:
            previous = merged[-1]
            between = text[previous.end : item.start]
            same = {p.id for p in previous.people} & {p.id for p in item.people}
            if same and re.fullmatch(r"\s*[(\[]\s*", between) and previous.form == "arabic":
                previous.end = item.end + (1 if text[item.end : item.end + 1] in ")]" else 0)
                previous.surface = text[previous.start : previous.end]
                previous.form = "parenthesised"
                previous.people = [p for p in previous.people if p.id in same]
                previous.exact_ids = (previous.exact_ids | item.exact_ids) & same
                continue
        merged.append(item)
    return merged


def objecting_users(user_ids) -> set[int]:
    """Members whose decision in force about the watch is a refusal or a withdrawal.

    Members with no decision at all are recognised like any person named in public news (legitimate
    interest, public sources); their right to object is the WATCH consent purpose, honoured here.
    """
    ids = [pk for pk in user_ids if pk]
    if not ids:
        return set()
    decisions = latest_decisions(ConsentPurpose.WATCH, ids)
    return {pk for pk, (granted, _source) in decisions.items() if not granted}


def paragraph_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The paragraph holding a mention (blank line or line break bounded), with its offset."""
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    begin = before + 1
    finish = len(text) if after == -1 else after
    return begin, text[begin:finish]
