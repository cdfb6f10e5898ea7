"""Write matching/data/cross_language.json: how much e5 compresses similarities across languages.

    .venv/bin/python manage.py shell -c \
        "from matching.evaluation import cross_language as c; c.main()"

Read from the taxonomy alone (matching/data/skills.json, each concept named in fr, ar and en; no text
or label of the evaluation set): the names are embedded as profile and project texts are ("query: "),
centred per language, and for each pair of languages the similarity of concept i in one language to
concept j in the other is regressed on the similarity of the same two concepts within each language
(mean of the two). The slope is the compression: a French and an Arabic text about the same thing are
as similar as two French texts about it times about 0.77. The engine divides cross-language cosines by
it (engine.cross_language_expansion), so that a fit written in another language is not outranked by a
same-language one whose text merely shares its words (issue 14). Run again after changing the model.
"""

import json

import numpy as np

from .. import embeddings
from ..engine import CROSS_LANGUAGE_FILE, TEXT_LANGUAGES
from ..taxonomy import taxonomy_data


def _centred(vectors: np.ndarray) -> np.ndarray:
    centred = vectors - vectors.mean(axis=0)
    return centred / np.linalg.norm(centred, axis=1, keepdims=True)


def compression(names: dict[str, np.ndarray]) -> dict[str, float]:
    """names: language -> (concepts, dimensions) vectors of the same concepts in the same order."""
    vectors = {language: _centred(np.asarray(v, dtype=np.float64)) for language, v in names.items()}
    count = len(next(iter(vectors.values())))
    others = ~np.eye(count, dtype=bool)
    result = {}
    for position, first in enumerate(TEXT_LANGUAGES):
        for second in TEXT_LANGUAGES[position + 1 :]:
            within = (vectors[first] @ vectors[first].T + vectors[second] @ vectors[second].T) / 2
            across = vectors[first] @ vectors[second].T
            slope, _intercept = np.polyfit(within[others], across[others], 1)
            result["-".join(sorted((first, second)))] = round(float(slope), 4)
    return result


def build() -> dict:
    entries = taxonomy_data()
    names = {language: embeddings.embed_texts([e[language] for e in entries]) for language in TEXT_LANGUAGES}
    return {
        "about": __doc__.strip().splitlines()[0],
        "concepts": len(entries),
        "compression": compression(names),
    }


def main():
    CROSS_LANGUAGE_FILE.write_text(json.dumps(build(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CROSS_LANGUAGE_FILE}")


if __name__ == "__main__":
    main()
