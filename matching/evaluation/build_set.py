"""Build the labelled evaluation set of matching: ``python -m matching.evaluation.build_set``.

Writes matching/data/evaluation.json: 144 projects and 180 profiles in French, Arabic and English.
Relevance is known by construction: each project describes one skill need (phrases.py) and the
profiles written from the same skill, in any of the three languages, are its relevant ones (6 per
project, 4 of them in another language than the project). Everything else is random and independent
of relevance (languages spoken, country, region, kinds of help, availability), and 36 distractor
profiles come from other skills of the taxonomy.

Half the profiles and projects carry the skill as a tag, in their language, as a member picking it
from the form's list would; the other half only describe it in their own words. The descriptions
are phrases written for this set, checked here not to contain the skill's taxonomy names or synonyms,
so the set does not grade the taxonomy against itself.
"""

import json
import random
from pathlib import Path

from community.profiles.choices import Availability, Contribution, Region
from core.languages import LanguageChoice
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


def build(seed=2026) -> dict:
    rng = random.Random(seed)  # noqa: S311 (synthetic data)
    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))["skills"]
    by_code = {entry["code"]: entry for entry in taxonomy}
    leaks = _leaks(taxonomy)
    if leaks:
        raise SystemExit(f"evaluation phrases contain taxonomy spellings: {leaks}")
    languages = [code for code in LanguageChoice.values if code in ("fr", "ar", "en", "es", "de", "nl")]
    profiles, projects = [], []

    def profile(concept_code, language, headline, tags):
        country, city = rng.choice(CITIES)
        profiles.append(
            {
                "id": len(profiles) + 1,
                "language": language,
                "headline": headline,
                "bio": BIO[language].format(city=city, years=rng.randint(2, 25)),
                "tags": tags,
                "sectors": [by_code[concept_code]["sector"]],
                "languages": _others(rng, language, languages),
                "contributions": rng.sample(Contribution.values, rng.randint(1, 3)),
                "country": country,
                "city": city,
                "region": rng.choice(Region.values),
                "availability": rng.choice(Availability.values),
                "_concept": concept_code,
            }
        )

    for code, texts in PHRASES.items():
        for language in LANGUAGES:
            headline = texts[language][0]
            profile(code, language, headline, [by_code[code][language]])  # tagged
            profile(code, language, headline, [])  # described only
    distractors = [entry for entry in taxonomy if entry["code"] not in PHRASES]
    for entry in rng.sample(distractors, 36):
        language = rng.choice(LANGUAGES)
        profile(entry["code"], language, entry[language], [entry[language]])

    for code, texts in PHRASES.items():
        for language in LANGUAGES:
            for tagged in (True, False):
                n = len(projects) + 1
                country, _city = rng.choice(CITIES)
                relevant = {str(p["id"]): 2 for p in profiles if p["_concept"] == code}
                projects.append(
                    {
                        "id": n,
                        "language": language,
                        "title": TITLE[language].format(n=n),
                        "summary": SUMMARY[language].format(need=texts[language][1]),
                        "tags": [by_code[code][language]] if tagged else [],
                        "sector": by_code[code]["sector"],
                        "region": rng.choice(Region.values),
                        "help_needed": rng.sample(Contribution.values, rng.randint(1, 2)),
                        "owner_languages": _others(rng, language, languages),
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
    data = build()
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(data['projects'])} projects, {len(data['profiles'])} profiles")


if __name__ == "__main__":
    main()
