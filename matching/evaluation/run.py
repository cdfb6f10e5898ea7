"""Evaluation of matching on the labelled set (matching/data/evaluation.json, see build_set.py).

For each project, every profile of the set is ranked; nDCG@10 (graded), recall@10 and MRR are
averaged over projects, for the engine and for a plain keyword baseline (TF-IDF cosine over the same
normalised words), plus partial engines and ablations that show what each part brings. Slices: by the
project's language, projects that list their needs or only describe them, and the relevant people who
wrote in another language than the project (cross-language nDCG@10 and recall@10, and the parity of
strong fits in the top 10 between the two). Candidates are shuffled once with a fixed seed, so ties
never favour the order in which the set was written.
"""

import json
import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import embeddings
from ..engine import WEIGHTS, Candidates, Centring, Item, scores
from ..features import profile_text, project_text, text_concepts
from ..taxonomy import tag_needs
from ..text import text_language, words

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation.json"
K = 10
STRONG = 2  # grade of a strong fit


def _without(name):
    kept = {k: v for k, v in WEIGHTS.items() if k != name}
    total = sum(kept.values())
    return {k: v / total for k, v in kept.items()}


SYSTEMS = {
    "keyword baseline (TF-IDF)": None,
    "semantic only, raw vectors": ("raw", {"semantic": 1.0}),
    "semantic only, centred": ("centred", {"semantic": 1.0}),
    "taxonomy + semantic": ("centred", {"skills": WEIGHTS["skills"], "semantic": WEIGHTS["semantic"]}),
    "engine, raw vectors": ("raw", WEIGHTS),
    "engine (all factors)": ("centred", WEIGHTS),
}
ABLATIONS = {f"engine without {name}": ("centred", _without(name)) for name in WEIGHTS}


@dataclass
class Result:
    ndcg: float = 0.0
    recall: float = 0.0
    mrr: float = 0.0
    cross_ndcg: float = 0.0  # nDCG@10 counting only relevant people who wrote in another language
    cross_only_ndcg: float = 0.0  # the same, relevant people in the project's language left out
    cross_recall: float = 0.0
    same_recall: float = 0.0
    projects: int = 0
    slices: dict = field(default_factory=dict)  # slice name -> nDCG@10

    @property
    def parity(self) -> float:
        """Cross-language strong fits in the top 10, as a share of same-language ones (1 = parity)."""
        return self.cross_recall / self.same_recall if self.same_recall else 0.0


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


def ndcg(top: list[int], grades: dict[int, int]) -> float:
    dcg = sum((2 ** grades.get(row, 0) - 1) / math.log2(rank + 2) for rank, row in enumerate(top[:K]))
    ideal_grades = sorted(grades.values(), reverse=True)[:K]
    ideal = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal_grades))
    return dcg / ideal if ideal else 0.0


def metrics(top: list[int], grades: dict[int, int], cross: set[int]) -> dict[str, float]:
    """Figures of one ranking: ``top`` the rows shown (best first), ``grades`` row -> grade (1-2)."""
    strong = {row for row, grade in grades.items() if grade >= STRONG}
    shown = set(top[:K])
    first = next((rank for rank, row in enumerate(top) if row in grades), None)
    cross_strong, same_strong = strong & cross, strong - cross
    return {
        "ndcg": ndcg(top, grades),
        "recall": len(shown & set(grades)) / len(grades) if grades else 0.0,
        "mrr": 1 / (first + 1) if first is not None else 0.0,
        "cross_ndcg": ndcg(top, {row: g for row, g in grades.items() if row in cross}) if cross else None,
        # The same, with the relevant people who wrote in the project's language left out of the list:
        # do cross-language fits beat the irrelevant ones?
        "cross_only_ndcg": (
            ndcg(
                [row for row in top if row in cross or row not in grades],
                {r: g for r, g in grades.items() if r in cross},
            )
            if cross
            else None
        ),
        "cross_recall": len(shown & cross_strong) / len(cross_strong) if cross_strong else None,
        "same_recall": len(shown & same_strong) / len(same_strong) if same_strong else None,
    }


class Totals:
    def __init__(self):
        self.sums, self.counts = defaultdict(float), defaultdict(int)
        self.slices = defaultdict(lambda: [0.0, 0])

    def add(self, figures: dict, slices=()):
        for name, value in figures.items():
            if value is not None:
                self.sums[name] += value
                self.counts[name] += 1
        for name in slices:
            self.slices[name][0] += figures["ndcg"]
            self.slices[name][1] += 1

    def result(self, projects: int) -> Result:
        mean = {name: self.sums[name] / self.counts[name] for name in self.sums if self.counts[name]}
        return Result(
            **{
                name: mean.get(name, 0.0)
                for name in ("ndcg", "recall", "mrr", "cross_ndcg", "cross_only_ndcg")
            },
            cross_recall=mean.get("cross_recall", 0.0),
            same_recall=mean.get("same_recall", 0.0),
            projects=projects,
            slices={name: total / count for name, (total, count) in sorted(self.slices.items()) if count},
        )


def _grades(project) -> dict[int, int]:
    return {int(pid): int(grade) for pid, grade in project["relevant"].items()}


def _need_vectors(needs):
    tags = [tag for tag, _codes in needs]
    return embeddings.embed_passages(tags) if tags else None


def profile_items(profiles, index=None) -> list[Item]:
    texts = [
        profile_text(headline=p["headline"], bio=p["bio"], skills=p["tags"], sectors=p["sectors"])
        for p in profiles
    ]
    vectors = embeddings.embed_texts(texts)
    items = []
    for row, (p, text) in enumerate(zip(profiles, texts, strict=True)):
        needs = tuple((tag, tuple(codes)) for tag, codes in tag_needs(p["tags"], index=index))
        concepts = tuple(dict.fromkeys(code for _tag, codes in needs for code in codes))
        items.append(
            Item(
                id=p["id"],
                user_id=p["id"],
                vector=vectors[row],
                concepts=concepts,
                needs=needs,
                text_concepts=tuple(_text_concepts(f"{p['headline']}\n{p['bio']}", index)),
                sectors=tuple(p["sectors"]),
                languages=tuple(p["languages"]),
                offers=tuple(p["contributions"]),
                country=p["country"],
                city=p["city"],
                region=p["region"],
                availability=p["availability"],
                language=text_language(text),
            )
        )
    return items


def project_items(projects, index=None) -> list[Item]:
    texts = [
        project_text(title=p["title"], summary=p["summary"], skills=p["tags"], sector=p["sector"])
        for p in projects
    ]
    vectors = embeddings.embed_texts(texts)
    items = []
    for row, (p, text) in enumerate(zip(projects, texts, strict=True)):
        needs = tuple((tag, tuple(codes)) for tag, codes in tag_needs(p["tags"], index=index))
        items.append(
            Item(
                id=-p["id"],
                vector=vectors[row],
                concepts=tuple(dict.fromkeys(code for _tag, codes in needs for code in codes)),
                needs=needs,
                need_vectors=_need_vectors(needs),
                text_concepts=tuple(_text_concepts(f"{p['title']}\n{p['summary']}", index)),
                sectors=(p["sector"],),
                languages=tuple(p["owner_languages"]),
                offers=tuple(p["help_needed"]),
                country=p["owner_country"],
                region=p["region"],
                language=text_language(text),
            )
        )
    return items


def _text_concepts(text, index):
    return text_concepts(text, index=index)


def evaluate(data: dict, *, seed: int = 7, log=None, systems=None, index=None) -> dict[str, Result]:
    profiles = list(data["profiles"])
    random.Random(seed).shuffle(profiles)  # noqa: S311 (evaluation order, not security)
    projects = data["projects"]
    if log:
        log(f"Embedding {len(profiles) + len(projects)} texts…")
    profile_rows = profile_items(profiles, index)
    queries = project_items(projects, index)
    centred = Candidates.from_items(profile_rows)
    raw_centring = Centring.identity()
    raw = Candidates.from_items(profile_rows, centring=raw_centring)
    project_pool = Candidates.from_items(queries)
    texts = [
        profile_text(headline=p["headline"], bio=p["bio"], skills=p["tags"], sectors=p["sectors"])
        for p in profiles
    ] + [
        project_text(title=p["title"], summary=p["summary"], skills=p["tags"], sector=p["sector"])
        for p in projects
    ]
    tfidf = _tfidf(texts)
    profile_tfidf, project_tfidf = tfidf[: len(profiles)], tfidf[len(profiles) :]
    row_of = {p["id"]: row for row, p in enumerate(profiles)}
    language_of = {p["id"]: p["language"] for p in profiles}

    systems = systems or SYSTEMS
    totals = {name: Totals() for name in systems}
    for index_, project in enumerate(projects):
        grades = {row_of[pid]: grade for pid, grade in _grades(project).items()}
        cross = {row_of[pid] for pid in _grades(project) if language_of[pid] != project["language"]}
        query = queries[index_]
        slices = [
            f"project in {project['language']}",
            "lists its needs" if project["tags"] else "describes only",
        ]
        for name, system in systems.items():
            if system is None:
                vector = project_tfidf[index_]
                score = np.array(
                    [
                        sum(value * other.get(word, 0.0) for word, value in vector.items())
                        for other in profile_tfidf
                    ]
                )
            else:
                mode, weights = system
                pool = centred if mode == "centred" else raw
                query_vector = project_pool.centred(query) if mode == "centred" else query.vector
                score, _parts = scores(
                    query, pool, query_is_project=True, weights=weights, query_vector=query_vector
                )
            order = list(np.argsort(-score, kind="stable"))
            totals[name].add(metrics(order, grades, cross), slices)
    return {name: total.result(len(projects)) for name, total in totals.items()}


def report(results: dict[str, Result], *, slices=True) -> str:
    header = (
        f"{'system':<34} {'nDCG@10':>8} {'recall@10':>10} {'MRR':>6} {'cross nDCG@10':>14} "
        f"{'cross-only':>11} {'cross recall':>13} {'same recall':>12} {'parity':>7}"
    )
    lines = [header]
    for name, r in results.items():
        lines.append(
            f"{name:<34} {r.ndcg:>8.3f} {r.recall:>10.3f} {r.mrr:>6.3f} {r.cross_ndcg:>14.3f} "
            f"{r.cross_only_ndcg:>11.3f} {r.cross_recall:>13.3f} {r.same_recall:>12.3f} {r.parity:>7.2f}"
        )
    if slices:
        names = sorted({name for r in results.values() for name in r.slices})
        lines.append("")
        lines.append(f"{'nDCG@10 by slice':<34} " + " ".join(f"{name:>17}" for name in names))
        for name, r in results.items():
            lines.append(f"{name:<34} " + " ".join(f"{r.slices.get(s, 0.0):>17.3f}" for s in names))
    return "\n".join(lines)
