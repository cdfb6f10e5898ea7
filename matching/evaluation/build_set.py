"""Build the labelled evaluation set of matching: ``python -m matching.evaluation.build_set [seed]``.

``--hard`` writes evaluation-hard-<seed>.json: the same draw with a third of the texts in Latin-letter
Darija or switching language around the skill phrase (see harden).

Writes matching/data/evaluation.json (seed 2026; any other seed gives a held-out set of the same
design): 144 projects and 276 profiles in French, Arabic and English. Relevance is known by
construction: each project describes one skill need (phrases.py) and the profiles written from the
same skill, in any of the three languages, are its relevant ones (6 per project, 4 of them in another
language than the project: a strong cross-language fit for every project). Graded: 2 when the
profile offers one of the kinds of help the project needs, 1 when it has the right skill but offers
another kind of help (right skill, wrong mode).

Distractors (relevant to no project): 36 profiles of other skills of the taxonomy; per skill, two
profiles whose bio names the skill as context of other work ("I often worked alongside irrigation
teams": keywords shared by irrelevant people), and two in the neighbouring sector of the same family
with a neighbouring skill (sector-adjacent interests). A third of the tags carry punctuation as members
type it ("Irrigation (goutte à goutte, pivots)"), and a fifth of the people speak Darija (ary), some of
them instead of Arabic.

Half the profiles and projects carry the skill as a tag, in their language, as a member picking it
from the form's list would; the other half only describe it in their own words. The descriptions
are phrases written for this set, checked here not to contain the skill's taxonomy names or synonyms,
so the set does not grade the taxonomy against itself.
"""

import json
import random
import sys
from pathlib import Path

from community.profiles.choices import Availability, Contribution, Region
from core.languages import LanguageChoice
from core.sectors import SECTORS, sector_family
from matching.text import normalise

from .phrases import PHRASES

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "data" / "skills.json"
OUTPUT = ROOT / "data" / "evaluation.json"
LANGUAGES = ("fr", "ar", "en")
CITIES = [("FR", "Lyon"), ("FR", "Paris"), ("BE", "Bruxelles"), ("ES", "Madrid"), ("IT", "Milano"),
          ("NL", "Rotterdam"), ("DE", "Berlin"), ("CA", "Montréal"), ("US", "New York"), ("AE", "Dubai"),
          ("GB", "London"), ("QA", "Doha")]  # fmt: skip
BIO = {
    "fr": "Installé à {city} depuis {years} ans, je souhaite aider des projets au Maroc.",
    "ar": "مقيم في {city} منذ {years} سنة، وأرغب في دعم مشاريع في المغرب.",
    "en": "Based in {city} for {years} years, I would like to help projects in Morocco.",
}
TITLE = {"fr": "Projet {n}", "ar": "المشروع {n}", "en": "Project {n}"}
ALONGSIDE = {
    "fr": " J'ai souvent travaillé aux côtés d'équipes de {skill}, sans en faire mon métier.",
    "ar": " عملت كثيرا إلى جانب فرق {skill}، دون أن يكون ذلك تخصصي.",
    "en": " I often worked alongside {skill} teams, without it being my trade.",
}
# Typed tags with punctuation, as members write them: the skill, then a bracket, a slash or a comma.
DETAILS = {
    "fr": ["{name} (5 ans d'expérience)", "{name} / conseil", "{name}, niveau expert"],
    "ar": ["{name} (خبرة 5 سنوات)", "{name} / استشارة", "{name}، مستوى خبير"],
    "en": ["{name} (5 years)", "{name} / consulting", "{name}, senior level"],
}
# The harder variant (--hard): Darija written in Latin letters (with digits for the letters Latin lacks,
# as people type it) and French/Arabic switched inside one text. Only the boilerplate changes language:
# the skill is still told by the phrase, in the person's language (their "language" in the set).
BIO_DARIJA = "Ana mqim f {city} hadi {years} snin, w bghit n3awn chi projets f lmghrib."
SUMMARY_DARIJA = "{need}. Lprojet mazal f lbidaya w kan9elbo 3la kafa2at mn mgharba l3alam."
SWITCHED = {"fr": "ar", "ar": "fr", "en": "fr"}  # the language the rest of a code-switched text is in
SUMMARY = {
    "fr": "{need}. Le projet est au stade de l'idée et cherche des compétences de la diaspora.",
    "ar": "{need}. المشروع في مرحلة الفكرة ويبحث عن كفاءات من مغاربة العالم.",
    "en": "{need}. The project is at the idea stage and looks for skills from the diaspora.",
}


def _leaks(taxonomy):
    """Phrases that contain their own skill's taxonomy name or synonym (must be none)."""
    found = []
    for entry in taxonomy:
        if entry["code"] not in PHRASES:
            continue
        spellings = {normalise(s) for s in [entry["fr"], entry["ar"], entry["en"], *entry["synonyms"]]}
        for language, texts in PHRASES[entry["code"]].items():
            for text in texts:
                words = f" {normalise(text)} "
                found += [(entry["code"], language, s) for s in spellings if s and f" {s} " in words]
    return found


def _others(rng, first, pool, most=2):
    return [first, *rng.sample([v for v in pool if v != first], rng.randint(0, most))]


def _speaks(rng, language, languages):
    """Languages spoken: the text's language and others; a fifth speak Darija, some instead of Arabic."""
    spoken = _others(rng, language, languages)
    if rng.random() < 0.2:
        spoken = [("ary" if code == "ar" and rng.random() < 0.5 else code) for code in spoken]
        if "ary" not in spoken:
            spoken.append("ary")
    return spoken


def _tag(rng, entry, language):
    name = entry[language]
    if rng.random() < 1 / 3:
        return rng.choice(DETAILS[language]).format(name=name)
    return name


def _neighbour(rng, taxonomy, entry):
    """A skill of a neighbouring sector of the same family (not the entry's own sector), or None."""
    family = sector_family(entry["sector"])
    pool = [
        other
        for other in taxonomy
        if other["code"] != entry["code"]
        and other["sector"] != entry["sector"]
        and sector_family(other["sector"]) == family
        and SECTORS[other["sector"]].family is not None
        and other["code"] not in PHRASES
    ]
    return rng.choice(pool) if pool else None


def harden(data: dict, seed: int) -> dict:
    """The same set where a third of the people and of the projects write like many members do: half
    of them in Darija with Latin letters around the skill phrase, half switching language inside one
    text (an Arabic phrase in a French text, a French or English one in an Arabic or French text; see
    SWITCHED). Relevance is unchanged:
    only the language the text seems to be in, and so its centring, no longer matches the skill's."""
    rng = random.Random(seed * 7 + 1)  # noqa: S311 (synthetic data; the plain set's draws are kept)
    for profile in data["profiles"]:
        if rng.random() >= 1 / 3:
            continue
        city, years = profile["city"], rng.randint(2, 25)
        _sentence, _dot, extra = profile["bio"].partition(".")  # keeps "I often worked alongside…"
        if rng.random() < 0.5:
            profile["bio"] = BIO_DARIJA.format(city=city, years=years) + extra
            if "ary" not in profile["languages"]:
                profile["languages"].append("ary")
        else:
            profile["bio"] = BIO[SWITCHED[profile["language"]]].format(city=city, years=years) + extra
    for project in data["projects"]:
        if rng.random() >= 1 / 3:
            continue
        need = project["summary"][: -len(SUMMARY[project["language"]].format(need=""))]
        if rng.random() < 0.5:
            project["summary"] = SUMMARY_DARIJA.format(need=need)
            if "ary" not in project["owner_languages"]:
                project["owner_languages"].append("ary")
        else:
            project["summary"] = SUMMARY[SWITCHED[project["language"]]].format(need=need)
    data["about"] += " Harder variant: Darija in Latin letters, French/Arabic code-switching."
    data["hard"] = True
    return data


def build(seed=2026) -> dict:
    rng = random.Random(seed)  # noqa: S311 (synthetic data)
    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))["skills"]
    by_code = {entry["code"]: entry for entry in taxonomy}
    leaks = _leaks(taxonomy)
    if leaks:
        raise SystemExit(f"evaluation phrases contain taxonomy spellings: {leaks}")
    languages = [code for code in LanguageChoice.values if code in ("fr", "ar", "en", "es", "de", "nl")]
    profiles, projects = [], []

    def profile(concept_code, language, headline, tags, bio_extra="", relevant_to=None):
        country, city = rng.choice(CITIES)
        profiles.append(
            {
                "id": len(profiles) + 1,
                "language": language,
                "headline": headline,
                "bio": BIO[language].format(city=city, years=rng.randint(2, 25)) + bio_extra,
                "tags": tags,
                "sectors": [by_code[concept_code]["sector"]],
                "languages": _speaks(rng, language, languages),
                "contributions": rng.sample(Contribution.values, rng.randint(1, 3)),
                "country": country,
                "city": city,
                "region": rng.choice(Region.values),
                "availability": rng.choice(Availability.values),
                "_concept": relevant_to,
            }
        )

    for code, texts in PHRASES.items():
        for language in LANGUAGES:
            headline = texts[language][0]
            profile(
                code, language, headline, [_tag(rng, by_code[code], language)], relevant_to=code
            )  # tagged
            profile(code, language, headline, [], relevant_to=code)  # described only
    distractors = [entry for entry in taxonomy if entry["code"] not in PHRASES]
    for entry in rng.sample(distractors, 36):
        language = rng.choice(LANGUAGES)
        profile(entry["code"], language, entry[language], [_tag(rng, entry, language)])
    for code in PHRASES:
        for _ in range(2):  # the skill named as context of someone else's work
            other, language = rng.choice(distractors), rng.choice(LANGUAGES)
            extra = ALONGSIDE[language].format(skill=by_code[code][language])
            profile(other["code"], language, other[language], [_tag(rng, other, language)], bio_extra=extra)
        neighbour = _neighbour(rng, taxonomy, by_code[code])
        for _ in range(2 if neighbour else 0):  # the neighbouring sector of the same family
            language = rng.choice(LANGUAGES)
            profile(neighbour["code"], language, neighbour[language], [_tag(rng, neighbour, language)])

    for code, texts in PHRASES.items():
        for language in LANGUAGES:
            for tagged in (True, False):
                n = len(projects) + 1
                country, _city = rng.choice(CITIES)
                help_needed = rng.sample(Contribution.values, rng.randint(1, 2))
                relevant = {
                    str(p["id"]): 2 if set(p["contributions"]) & set(help_needed) else 1
                    for p in profiles
                    if p["_concept"] == code
                }
                projects.append(
                    {
                        "id": n,
                        "language": language,
                        "title": TITLE[language].format(n=n),
                        "summary": SUMMARY[language].format(need=texts[language][1]),
                        "tags": [_tag(rng, by_code[code], language)] if tagged else [],
                        "sector": by_code[code]["sector"],
                        "region": rng.choice(Region.values),
                        "help_needed": help_needed,
                        "owner_languages": _speaks(rng, language, languages),
                        "owner_country": country,
                        "concept": code,
                        "relevant": relevant,
                    }
                )
    for item in profiles:
        item.pop("_concept")
    return {
        "about": __doc__.strip().splitlines()[0],
        "seed": seed,
        "profiles": profiles,
        "projects": projects,
    }


def main():
    """``build_set [seed] [--hard]``: evaluation.json (2026), evaluation-<seed>.json, or with --hard
    evaluation-hard-<seed>.json (the harder variant of the same draw, see harden)."""
    hard = "--hard" in sys.argv
    arguments = [argument for argument in sys.argv[1:] if argument != "--hard"]
    seed = int(arguments[0]) if arguments else 2026
    data = harden(build(seed), seed) if hard else build(seed)
    if hard:
        output = OUTPUT.with_name(f"evaluation-hard-{seed}.json")
    else:
        output = OUTPUT if seed == 2026 else OUTPUT.with_name(f"evaluation-{seed}.json")
    output.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{output}: {len(data['projects'])} projects, {len(data['profiles'])} profiles")


if __name__ == "__main__":
    main()
