"""Runs the real pipeline (poll over HTTP → fetch → extract → dedupe → link → classify) on a generated
set and scores it against the truth; also scores the obvious first version (exact names on the whole
page) as a yardstick."""

import time
from collections import defaultdict
from urllib.parse import urlsplit

from lxml import html

from django.test import override_settings

from core.registry import PersonDirectory, person_directory

from .. import analysis, services
from ..fetching import fetcher_reset
from ..mentions import NameIndex
from ..models import Article, Link, Source
from .generator import Dataset
from .server import LocalServer


class ListDirectory(PersonDirectory):
    """The generated registry, keyed by the site's one name normalisation."""

    def __init__(self, people, names=None):
        self._people = {p.id: p for p in people}
        self._names = names or person_directory()

    def name_key(self, text, loose=True):
        return self._names.name_key(text, loose=loose)

    def people(self):
        return iter(self._people.values())

    def person(self, person_id):
        return self._people.get(person_id)


def _prf(tp, fp, fn) -> dict:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def run(dataset: Dataset) -> dict:
    timings = {}
    directory = ListDirectory(dataset.directory_people())
    started = time.monotonic()
    index = NameIndex(directory)
    timings["index"] = time.monotonic() - started
    analysis.name_index_set(index)
    services.story_index_reset()
    fetcher_reset()
    try:
        with LocalServer(dataset.files) as server, override_settings(WATCH_HOST_INTERVAL_SECONDS=0):
            started = time.monotonic()
            sources = [
                Source.objects.create(name=name, url=server.base + path, kind=kind, language_hint=language)
                for name, path, kind, language in dataset.feeds
            ]
            article_ids = []
            for source in sources:
                article_ids += services.source_poll(source.pk)
            # A second poll of unchanged feeds is answered 304 and stores nothing new.
            second = sum(
                len(services.source_poll(s.pk)) for s in Source.objects.filter(pk__in=[s.pk for s in sources])
            )
            timings["poll"] = time.monotonic() - started
            started = time.monotonic()
            for article_id in article_ids:
                services.article_process(article_id)
            timings["process"] = time.monotonic() - started
            result = score(dataset, directory, server.base)
            result["second_poll_new"] = second
            result["articles"] = len(article_ids)
    finally:
        analysis.index_reset()
        services.story_index_reset()
        fetcher_reset()
    result["timings"] = timings
    return result


def score(dataset: Dataset, directory, base: str) -> dict:
    articles = {urlsplit(a.url).path: a for a in Article.objects.all()}
    predicted: dict[str, dict[str, dict]] = defaultdict(dict)
    for link in Link.objects.select_related("mention__article"):
        path = urlsplit(link.mention.article.url).path
        predicted[path].setdefault(
            link.person_id, {"distinction": link.distinction, "form": link.mention.form}
        )
    counts = defaultdict(lambda: [0, 0, 0])  # key → tp, fp, fn
    distinction = [0, 0, 0]
    namesake_articles = namesake_linked = twin_articles = wrong_twin = 0
    errors = []
    for path, gold in dataset.gold.items():
        truth = {g["person"]: g for g in gold.links}
        guess = predicted.get(path, {})
        for person, g in truth.items():
            hit = person in guess
            for key in ("all", f"language:{gold.language}", f"form:{g['form']}"):
                counts[key][0 if hit else 2] += 1
        for person, p in guess.items():
            if person not in truth:
                for key in ("all", f"language:{gold.language}", f"form:{p['form']}"):
                    counts[key][1] += 1
        true_d = {(p, g["distinction"]) for p, g in truth.items() if g["distinction"] != "none"}
        guess_d = {(p, g["distinction"]) for p, g in guess.items() if g["distinction"] != "none"}
        if true_d != guess_d or set(truth) != set(guess):
            errors.append(
                {
                    "path": path,
                    "kind": gold.kind,
                    "truth": sorted(true_d) or sorted(truth),
                    "guess": sorted(guess_d) or sorted(guess),
                }
            )
        distinction[0] += len(true_d & guess_d)
        distinction[1] += len(guess_d - true_d)
        distinction[2] += len(true_d - guess_d)
        if gold.kind == "namesake":
            namesake_articles += 1
            namesake_linked += bool(guess)
        if gold.kind == "twin":
            twin_articles += 1
            wrong_twin += any(p in gold.twins and p not in truth for p in guess)
    # Story groups: a gold story is right when exactly its articles, and no other, share a group.
    by_gold, by_group = defaultdict(set), defaultdict(set)
    for path, gold in dataset.gold.items():
        article = articles.get(path)
        by_gold[gold.story].add(path)
        if article is not None:
            by_group[article.story_id].add(path)
    exact = sum(1 for paths in by_gold.values() if any(paths == group for group in by_group.values()))
    copies = [paths for paths in by_gold.values() if len(paths) > 1]
    copies_exact = sum(1 for paths in copies if any(paths == group for group in by_group.values()))
    return {
        "links": {k: _prf(*v) for k, v in sorted(counts.items())},
        "distinction": _prf(*distinction),
        "namesake_error_rate": namesake_linked / namesake_articles if namesake_articles else 0.0,
        "namesake_articles": namesake_articles,
        "wrong_twin_rate": wrong_twin / twin_articles if twin_articles else 0.0,
        "twin_articles": twin_articles,
        "duplicate_groups": exact / len(by_gold) if by_gold else 1.0,
        "syndicated_stories": len(copies),
        "syndicated_exact": copies_exact / len(copies) if copies else 1.0,
        "yardstick": yardstick(dataset, directory),
        "errors": errors,
    }


def yardstick(dataset: Dataset, directory) -> dict:
    """Exact-name matching on the whole page: every registry name found anywhere is a link to everyone
    holding it."""
    names = defaultdict(set)
    for person in directory.people():
        for name in (person.name_latin, person.name_arabic):
            if name:
                names[name].add(person.id)
    tp = fp = fn = 0
    for path, gold in dataset.gold.items():
        text = html.fromstring(dataset.files[path][1].decode()).text_content()
        guess = set()
        for name, ids in names.items():
            if name in text:
                guess |= ids
        truth = {g["person"] for g in gold.links}
        tp += len(guess & truth)
        fp += len(guess - truth)
        fn += len(truth - guess)
    return _prf(tp, fp, fn)


def table(result: dict) -> str:
    lines = ["measure                         precision  recall     F1    (tp/fp/fn)"]
    for key, value in result["links"].items():
        lines.append(
            f"link {key:<27} {value['precision']:>9.3f} {value['recall']:>7.3f} {value['f1']:>6.3f}"
            f"   ({value['tp']}/{value['fp']}/{value['fn']})"
        )
    y, d = result["yardstick"], result["distinction"]
    lines.append(
        f"yardstick exact names, page     {y['precision']:>9.3f} {y['recall']:>7.3f} {y['f1']:>6.3f}"
        f"   ({y['tp']}/{y['fp']}/{y['fn']})"
    )
    lines.append(
        f"distinction (person, type)      {d['precision']:>9.3f} {d['recall']:>7.3f} {d['f1']:>6.3f}"
        f"   ({d['tp']}/{d['fp']}/{d['fn']})"
    )
    lines.append(
        f"namesake articles linked        {result['namesake_error_rate']:.3f} of {result['namesake_articles']}"
    )
    lines.append(
        f"wrong-twin rate                 {result['wrong_twin_rate']:.3f} of {result['twin_articles']}"
    )
    lines.append(
        f"duplicate groups exact          {result['duplicate_groups']:.3f} "
        f"(syndicated stories: {result['syndicated_exact']:.3f} of {result['syndicated_stories']})"
    )
    lines.append(
        f"articles {result['articles']}, new on second poll {result['second_poll_new']}, "
        + ", ".join(f"{k} {v:.1f} s" for k, v in result["timings"].items())
    )
    return "\n".join(lines)
