"""Does the article report a distinction of this person, or only name them?

Read in the sentences that name the person (and the title when it names them or the article is about
them): a distinction cue (award, appointment, research, company, funding, achievement) tied to them,
and no role that makes them a bystander (speaker, witness, guest, jury chair while someone else wins,
a player who did not score).
"""

import re

from core.text import fold

from .models import Distinction

CUES = {
    Distinction.AWARD: [
        "prix",
        "laureat",
        "recompens",
        "distingu",
        "decore",
        "medaille d",
        "trophee",
        "prize",
        "award",
        "honoured",
        "honored",
        "جائز",
        "تتويج",
        "توج",
        "تكريم",
        "كرم",
        "وسام",
    ],
    Distinction.APPOINTMENT: [
        "nomme",
        "nommee",
        "nomination",
        "designe",
        "appointed",
        "named as",
        "named chief",
        "named head",
        "takes the helm",
        "prend la tete",
        "elu",
        "elected",
        "تعيين",
        "عين",
        "عينت",
        "انتخاب",
        "انتخب",
    ],
    Distinction.RESEARCH: [
        "decouvert",
        "decouvre",
        "publie dans",
        "etude publiee",
        "breakthrough",
        "discover",
        "published in",
        "study published",
        "brevet",
        "patent",
        "اكتشاف",
        "اكتشف",
        "براءه اختراع",
        "دراسه نشرت",
        "نشرت في مجله",
    ],
    Distinction.COMPANY: [
        "fonde",
        "fondee",
        "cofonde",
        "lance sa",
        "lance son",
        "a cree",
        "founded",
        "co-founded",
        "launched her",
        "launched his",
        "start-up",
        "startup",
        "اسس",
        "اسست",
        "شركه ناشئه",
        "اطلق شركه",
        "اطلقت شركه",
    ],
    Distinction.FUNDING: [
        "leve",
        "levee de fonds",
        "millions d'euros",
        "millions de dollars",
        "raised",
        "raises",
        "funding round",
        "series a",
        "seed round",
        "جمع",
        "جمعت",
        "تمويل بقيمه",
        "جوله تمويل",
    ],
    Distinction.ACHIEVEMENT: [
        "champion",
        "remporte",
        "record",
        "titre",
        "sacre",
        "vainqueur",
        "qualifie",
        "marque",
        "a marque",
        "scored",
        "won",
        "title",
        "victory",
        "gold",
        "bronze",
        "silver",
        "exposition",
        "bestseller",
        "بطل",
        "بطله",
        "فاز",
        "فازت",
        "سجل",
        "سجلت",
        "لقب",
        "ذهبيه",
        "رقم قياسي",
    ],
}
# Roles of a bystander, and negations ("n'a pas marqué"): the person is named but distinguished for
# nothing. Checked in the person's own sentence only.
INCIDENTAL = [
    "intervenant",
    "intervenu",
    "table ronde",
    "panel",
    "speaker",
    "a declare",
    "temoin",
    "witness",
    "a assiste",
    "attended",
    "invite",
    "guest",
    "reception",
    "preside le jury",
    "presidait le jury",
    "president du jury",
    "jury chaired",
    "chaired the jury",
    "chaired by",
    "presided by",
    "preside par",
    "presidee par",
    "chair of the jury",
    "n'a pas",
    "did not",
    "without scoring",
    "sans marquer",
    "a felicite",
    "congratulated",
    "a commente",
    "commented",
    "said",
    "selon",
    "according to",
    "quoted",
    "a salue",
    "spectat",
    "موظف",
    "حضر",
    "حضور",
    "ضيف",
    "ضيوف",
    "لجنه التحكيم",
    "ترأس لجنه",
    "قال",
    "صرح",
    "لم يسجل",
    "لم تسجل",
    "شاهد",
    "مداخله",
    "ندوه",
]
_SENTENCE = re.compile(r"(?<=[.!?؟])\s+|\n+")


def _pattern(cues) -> re.Pattern:
    # A cue starts a word ("elu" is not inside "evaluation"); its end may run on ("nomme" → "nommée").
    return re.compile("|".join(r"(?<!\w)" + re.escape(fold(c)) for c in cues))


_KIND_PATTERNS = {kind: _pattern(cues) for kind, cues in CUES.items()}
_INCIDENTAL = _pattern(INCIDENTAL)


def _cues(text: str):
    return [kind for kind, pattern in _KIND_PATTERNS.items() if pattern.search(text)]


def sentences_with(text: str, start: int, end: int) -> str:
    """The sentence holding [start, end)."""
    begin = 0
    for match in _SENTENCE.finditer(text):
        if match.end() <= start:
            begin = match.end()
        elif match.start() >= end:
            return text[begin : match.start()]
    return text[begin:]


def classify(*, title: str, body: str, start: int, end: int, surface: str, first_mention: bool) -> str:
    sentence = fold(sentences_with(body, start, end))
    if _INCIDENTAL.search(sentence):
        return Distinction.NONE
    kinds = _cues(sentence)
    folded_title = fold(title)
    if not kinds and first_mention and not _INCIDENTAL.search(folded_title):
        kinds = _cues(folded_title)
    if not kinds:
        return Distinction.NONE
    # The most specific cue wins; a generic "won"/"titre" only when nothing more precise was said.
    for kind in (
        Distinction.FUNDING,
        Distinction.COMPANY,
        Distinction.APPOINTMENT,
        Distinction.RESEARCH,
        Distinction.AWARD,
        Distinction.ACHIEVEMENT,
    ):
        if kind in kinds:
            return kind
    return Distinction.NONE
