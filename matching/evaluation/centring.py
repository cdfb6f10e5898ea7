"""Write matching/data/centring.json: per-language means of e5 vectors of profile and project texts.

    python -m matching.evaluation.centring   (from manage.py shell, or with DJANGO_SETTINGS_MODULE set)

The texts are those of the evaluation set (a balanced fr/ar/en corpus of profiles and projects; no
labels are read). The site centres vectors with its own pool's means once a language has a few hundred
texts; until then these stand in (engine.Centring). Run again after changing the embedding model.
"""

import json

import numpy as np

from .. import embeddings
from ..engine import REFERENCE_FILE, TEXT_LANGUAGES
from ..features import profile_text, project_text
from ..text import text_language
from .run import load


def build() -> dict:
    data = load()
    texts = [
        profile_text(headline=p["headline"], bio=p["bio"], skills=p["tags"], sectors=p["sectors"])
        for p in data["profiles"]
    ] + [
        project_text(title=p["title"], summary=p["summary"], skills=p["tags"], sector=p["sector"])
        for p in data["projects"]
    ]
    vectors = embeddings.embed_texts(texts)
    languages = np.asarray([text_language(text) for text in texts])
    means = {"": vectors.mean(axis=0)}
    for language in TEXT_LANGUAGES:
        means[language] = vectors[languages == language].mean(axis=0)
    return {
        "about": __doc__.strip().splitlines()[0],
        "texts": len(texts),
        "means": {k: [round(float(x), 5) for x in v] for k, v in means.items()},
    }


def main():
    REFERENCE_FILE.write_text(json.dumps(build()) + "\n", encoding="utf-8")
    print(f"wrote {REFERENCE_FILE}")


if __name__ == "__main__":
    main()
