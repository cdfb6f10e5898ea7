"""Information watch benchmark: 1,000 articles from a local HTTP server, end to end (poll, fetch the
pages, extract the body, detect the language, group copies, find mentions, link, classify, store),
against a registry of 100,000 people.

    .venv/bin/python bench/watch.py [--articles 1000] [--registry 100000] [--postgres]

The articles come from the evaluation generator (six outlets in fr/ar/en, RSS and Atom, summary-only
items whose pages must be fetched, boilerplate, syndicated copies); the registry is the generator's
labelled people plus synthetic people (generated family names, the generator's given names) up to the
size asked. Prints per-stage times, peak memory, and the link scores on the labelled part.

Target: the whole run (index + poll + process) under 5 minutes on the 2-core machine.
"""

import argparse
import os
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdb import django_setup, fresh_database, run_each_backend  # noqa: E402

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_watch_bench")
SYLLABLES = [
    "ba",
    "ben",
    "cha",
    "da",
    "el",
    "fa",
    "ha",
    "ja",
    "ka",
    "la",
    "ma",
    "na",
    "ou",
    "ra",
    "sa",
    "ta",
    "za",
    "bou",
    "ki",
    "ri",
    "di",
    "mi",
    "ni",
    "si",
    "ti",
    "zi",
    "khe",
    "gha",
]


def _synthetic(count, rng):
    from core.registry import DirectoryPerson
    from watch.evaluation.vocabulary import CITIES, FIELDS, GIVEN

    fields = list(FIELDS)
    people = []
    for index in range(count):
        given = rng.choice(GIVEN)[0][0]
        family = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() + "i"
        city = rng.choice(CITIES)
        field = rng.choice(fields)
        people.append(
            DirectoryPerson(
                id=f"s{index}",
                name_latin=f"{given} {family}",
                city=city[0],
                country=city[3],
                occupation=FIELDS[field][0]["fr"],
                employer=rng.choice(FIELDS[field][1])[0],
            )
        )
    return people


class _Timer:
    """Wraps module attributes to add up the time spent in each stage."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.calls = defaultdict(int)

    def wrap(self, module, name, stage):
        original = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started
                self.calls[stage] += 1

        setattr(module, name, timed)


def run(backend, articles, registry_size):
    url = fresh_database(backend, sqlite_name="watch", postgres_url=PG_URL)
    django_setup(url)
    from django.core.management import call_command
    from django.test import override_settings

    call_command("migrate", verbosity=0)

    from watch import analysis, extract, services
    from watch.evaluation.generator import generate
    from watch.evaluation.runner import ListDirectory, score
    from watch.evaluation.server import LocalServer
    from watch.fetching import fetcher_reset
    from watch.mentions import NameIndex
    from watch.models import Article, Link, Source

    rng = random.Random(5)
    stories = int(articles / 1.08)  # about 8 % of the stories get a syndicated copy
    dataset = generate(seed=3, stories=stories, registry_size=300)
    people = dataset.directory_people() + _synthetic(registry_size - len(dataset.people), rng)
    directory = ListDirectory(people)

    timer = _Timer()
    timer.wrap(services, "article_fetch", "fetch + extract page")
    timer.wrap(extract, "language_of", "language")
    timer.wrap(services, "minhash_of", "dedupe (minhash)")
    timer.wrap(services, "analyse", "mentions + link + classify")
    timer.wrap(services, "candidates", "candidates")

    started = time.perf_counter()
    index = NameIndex(directory)
    index_seconds = time.perf_counter() - started
    analysis.name_index_set(index)
    services.story_index_reset()
    fetcher_reset()
    with LocalServer(dataset.files) as server, override_settings(WATCH_HOST_INTERVAL_SECONDS=0):
        started = time.perf_counter()
        ids = []
        for name, path, kind, language in dataset.feeds:
            source = Source.objects.create(
                name=name, url=server.base + path, kind=kind, language_hint=language
            )
            ids += services.source_poll(source.pk)
        poll_seconds = time.perf_counter() - started
        started = time.perf_counter()
        for article_id in ids:
            services.article_process(article_id)
        process_seconds = time.perf_counter() - started
        result = score(dataset, directory, server.base)
    total = index_seconds + poll_seconds + process_seconds
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"backend {backend}: {Article.objects.count()} articles, registry {len(people)} people, "
        f"{Link.objects.count()} links"
    )
    print(f"  name index of the registry   {index_seconds:7.1f} s")
    print(f"  poll feeds (6)               {poll_seconds:7.1f} s")
    each = process_seconds / max(len(ids), 1) * 1000
    print(f"  process articles             {process_seconds:7.1f} s  ({each:.0f} ms each)")
    for stage, seconds in timer.seconds.items():
        print(f"    {stage:<28} {seconds:7.1f} s  ({timer.calls[stage]} calls)")
    rest = process_seconds - sum(timer.seconds.values())
    print(f"    {'database writes and rest':<28} {rest:7.1f} s")
    print(f"  total                        {total:7.1f} s  (target 300 s)")
    print(f"  peak memory (max RSS)        {peak:7.0f} MB")
    links = result["links"]["all"]
    p, r, f1 = links["precision"], links["recall"], links["f1"]
    print(f"  links on the labelled part: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    print(
        f"  namesakes linked {result['namesake_error_rate']:.3f}; dup groups {result['duplicate_groups']:.3f}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--registry", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--backend")
    options = parser.parse_args()
    if options.backend:
        run(options.backend, options.articles, options.registry)
        return
    run_each_backend(
        __file__,
        postgres=options.postgres,
        arguments=["--articles", str(options.articles), "--registry", str(options.registry)],
    )


if __name__ == "__main__":
    main()
