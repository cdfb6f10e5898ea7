"""Evaluation of matching on the labelled set (matching/data/evaluation.json, see build_set.py).

For each project, every profile of the set is ranked; nDCG@10, recall@10 and MRR are averaged over
projects, for the engine and for a plain keyword baseline (TF-IDF cosine over the same normalised
words), plus two partial engines that show what each part brings. Candidates are shuffled once with
a fixed seed, so ties never favour the order in which the set was written.
"""

import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..embeddings import embed_texts
from ..engine import WEIGHTS, Candidates, Item, scores
from ..features import profile_text, project_text
from ..taxonomy import tags_to_concepts
from ..text import words

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation.json"
K = 10
SYSTEMS = {
    "keyword baseline (TF-IDF)": None,
    "semantic similarity only": {"semantic": 1.0},
    "taxonomy + semantic": {"skills": WEIGHTS["skills"], "semantic": WEIGHTS["semantic"]},
    "engine (all factors)": WEIGHTS,
}


@dataclass
class Result:
    ndcg: float
    recall: float
    mrr: float
    cross_recall: float  # recall@10 counting only relevant profiles written in another language
    projects: int


def load(path=DATA) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def slice_set(data: dict, concepts: int | None = None) -> dict:
    """The projects of the first ``concepts`` skills; candidates: their relevant profiles and the
    distractors (profiles relevant to no project). For quick runs and tests."""
    if not concepts:
        return data
    kept = list(dict.fromkeys(project["concept"] for project in data["projects"]))[:concepts]
    projects = [p for p in data["projects"] if p["concept"] in kept]
    relevant_anywhere = {int(pid) for p in data["projects"] for pid in p["relevant"]}
    relevant_here = {int(pid) for p in projects for pid in p["relevant"]}
    profiles = [p for p in data["profiles"] if p["id"] in relevant_here or p["id"] not in relevant_anywhere]
    return {**data, "projects": projects, "profiles": profiles}


def _tfidf(texts: list[str]):
    documents = [Counter(words(text)) for text in texts]
    frequency = Counter(word for document in documents for word in document)
    n = len(documents)
    idf = {word: math.log((1 + n) / (1 + count)) + 1 for word, count in frequency.items()}
    vectors = []
    for document in documents:
        weights = {word: (1 + math.log(count)) * idf[word] for word, count in document.items()}
        norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
        vectors.append({word: value / norm for word, value in weights.items()})
    return vectors


def _metrics(order: np.ndarray, relevant: set[int], cross: set[int]) -> tuple[float, float, float, float]:
    top = list(order[:K])
    dcg = sum(1 / math.log2(rank + 2) for rank, row in enumerate(top) if row in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(relevant), K)))
    recall = sum(1 for row in top if row in relevant) / len(relevant)
    cross_recall = sum(1 for row in top if row in cross) / len(cross) if cross else 0.0
    first = next((rank for rank, row in enumerate(order) if row in relevant), None)
    return dcg / ideal, recall, (1 / (first + 1) if first is not None else 0.0), cross_recall


def evaluate(data: dict, *, seed: int = 7, log=None) -> dict[str, Result]:
    profiles = list(data["profiles"])
    random.Random(seed).shuffle(profiles)  # noqa: S311 (evaluation order, not security)
    projects = data["projects"]
    profile_texts = [
        profile_text(headline=p["headline"], bio=p["bio"], skills=p["tags"], sectors=p["sectors"])
        for p in profiles
    ]
    project_texts = [
        project_text(title=p["title"], summary=p["summary"], skills=p["tags"], sector=p["sector"])
        for p in projects
    ]
    if log:
        log(f"Embedding {len(profile_texts) + len(project_texts)} texts…")
    profile_vectors = embed_texts(profile_texts)
    project_vectors = embed_texts(project_texts)
    candidates = Candidates.from_items(
        [
            Item(
                id=p["id"],
                user_id=p["id"],
                vector=profile_vectors[row],
                concepts=tuple(tags_to_concepts(p["tags"])[0]),
                sectors=tuple(p["sectors"]),
                languages=tuple(p["languages"]),
                offers=tuple(p["contributions"]),
                country=p["country"],
                city=p["city"],
                region=p["region"],
                availability=p["availability"],
            )
            for row, p in enumerate(profiles)
        ]
    )
    tfidf = _tfidf(profile_texts + project_texts)
    profile_tfidf, project_tfidf = tfidf[: len(profiles)], tfidf[len(profiles) :]
    row_of = {p["id"]: row for row, p in enumerate(profiles)}
    language_of = {p["id"]: p["language"] for p in profiles}

    totals = {name: np.zeros(4) for name in SYSTEMS}
    for index, project in enumerate(projects):
        relevant = {row_of[int(pid)] for pid in project["relevant"]}
        cross = {
            row_of[int(pid)] for pid in project["relevant"] if language_of[int(pid)] != project["language"]
        }
        query = Item(
            id=-project["id"],
            vector=project_vectors[index],
            concepts=tuple(tags_to_concepts(project["tags"])[0]),
            sectors=(project["sector"],),
            languages=tuple(project["owner_languages"]),
            offers=tuple(project["help_needed"]),
            country=project["owner_country"],
            region=project["region"],
        )
        for name, weights in SYSTEMS.items():
            if weights is None:
                vector = project_tfidf[index]
                score = np.array(
                    [
                        sum(value * other.get(word, 0.0) for word, value in vector.items())
                        for other in profile_tfidf
                    ]
                )
            else:
                score, _parts = scores(query, candidates, query_is_project=True, weights=weights)
            order = np.argsort(-score, kind="stable")
            totals[name] += _metrics(order, relevant, cross)
    n = max(len(projects), 1)
    return {
        name: Result(*(float(value) for value in total / n), projects=len(projects))
        for name, total in totals.items()
    }


def report(results: dict[str, Result]) -> str:
    lines = [f"{'system':<30} {'nDCG@10':>8} {'recall@10':>10} {'MRR':>6} {'cross-lang recall@10':>21}"]
    for name, result in results.items():
        r = result
        figures = f"{r.ndcg:>8.3f} {r.recall:>10.3f} {r.mrr:>6.3f} {r.cross_recall:>21.3f}"
        lines.append(f"{name:<30} {figures}")
    return "\n".join(lines)
