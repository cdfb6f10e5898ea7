"""Linkage quality measured through the site's own path: files → upload → mapping → import → linkage run
→ golden records, with the services analysts use (nothing goes straight into the engine).

Everything happens in one transaction that is rolled back at the end, so the command can run on a
working database; the linkage run still sees every other record the database holds, so run it on an
empty one for clean figures. The import's guessed mapping is used as is: a column the guess misses
counts against the figures, as it would for an analyst who does not correct it.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter, defaultdict

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from referential import services as imports
from referential.models import ImportBatch, Source, SourceRecord

from . import engine, yardstick
from .hardset import FILES, KINDS, HardSet
from .models import CandidatePair, LinkageRun, RecordLink
from .services import SOURCE_PREFIX, _engine_record, linkage_run_execute, source_rows

SOURCE_KINDS = {
    "consulate_europe.csv": (Source.Kind.CONSULATE, "FR", 5),
    "consulate_north_america.csv": (Source.Kind.CONSULATE, "CA", 5),
    "business_directory.csv": (Source.Kind.PRIVATE_BODY, "MA", 2),
    "alumni_directory.csv": (Source.Kind.NETWORK, "MA", 3),
}


class _Rollback(Exception):
    pass


def _import(hard: HardSet, tag: str) -> tuple[dict, dict[int, str]]:
    """Import every file of the set; ({file: counts}, {source id: file})."""
    counts, files_by_source = {}, {}
    for name in FILES:
        kind, country, trust = SOURCE_KINDS[name]
        source = Source.objects.create(name=f"{name} {tag}", kind=kind, country=country, trust=trust)
        files_by_source[source.pk] = name
        content = hard.files[name]
        upload_name = name.replace(".csv", ".xlsx") if content.startswith(b"PK") else name
        upload = SimpleUploadedFile(upload_name, content, content_type="application/octet-stream")
        batch = imports.batch_upload(source=source, upload=upload, user=None)
        imports.batch_map(batch=batch, mapping=batch.mapping, user=None)
        imports.batch_commit(batch=batch, user=None)
        imports.batch_import_run(batch.pk)  # the queued task, run here (on_commit never fires in here)
        batch = ImportBatch.objects.get(pk=batch.pk)
        batch.file.delete(save=False)
        counts[name] = {
            "rows": batch.total_rows,
            "accepted": batch.accepted_rows,
            "with_warnings": batch.warning_rows,
            "updated": batch.updated_rows,
            "duplicates": batch.duplicate_rows,
            "rejected": batch.rejected_rows,
            "mapping": dict(batch.mapping),
        }
    return counts, files_by_source


def _pairs(groups) -> set[tuple[str, str]]:
    out = set()
    for members in groups:
        members = sorted(members)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                out.add((a, b))
    return out


def bcubed_f1(predicted: dict[str, str], truth: dict[str, int]) -> dict[str, float]:
    clusters, people = defaultdict(set), defaultdict(set)
    for key, cluster in predicted.items():
        clusters[cluster].add(key)
    for key, person in truth.items():
        people[person].add(key)
    precision = recall = 0.0
    for key in truth:
        mine, same = clusters[predicted[key]], people[truth[key]]
        both = len(mine & same)
        precision += both / len(mine)
        recall += both / len(same)
    n = len(truth) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _blocked(rules, left: dict, right: dict) -> bool:
    return any(engine.rule_holds(rule, left, right) or engine.rule_holds(rule, right, left) for rule in rules)


def blocking_recall(records: list[dict], truth_pairs: set[tuple[str, str]]) -> float:
    """Share of true pairs that at least one of the engine's blocking rules brings together."""
    prepared = engine.prepare_person_records(records).to_pylist()
    by_id = {row["unique_id"]: row for row in prepared}
    rules = engine.blocking_rules(len(prepared))
    found = sum(_blocked(rules, by_id[a], by_id[b]) for a, b in truth_pairs)
    return found / len(truth_pairs) if truth_pairs else 1.0


def _strong(left: dict, right: dict) -> bool:
    """The two records share an identifier that one person holds: an address, a mobile number, a full
    date of birth (give or take a typo or a day/month swap)."""
    if left["email"] and left["email"] == right["email"]:
        return True
    if left["phone"] and left["phone"] == right["phone"] and left["phone_kind"] == "mobile":
        return True
    a, b = left["birth_full"], right["birth_full"]
    if a and b:
        swapped = a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]
        return swapped or sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    return False


def _same(column: str, left: dict, right: dict) -> bool:
    return bool(left[column]) and left[column] == right[column]


def _pattern(reasons: list[dict]) -> str:
    return " ".join(f"{r['comparison']}={r['level']}" for r in reasons)


def diagnose(
    records: list[dict], truth: dict[str, int], predicted: dict[str, str], pairs: dict, top: int = 12
) -> dict:
    """Why true pairs end up in different golden records: where each missed pair stopped (no blocking
    rule, scored below the review threshold, waiting for review), what its records look like, the
    comparison vectors of those in review, how well the review band's probabilities hold, and an
    evidence ceiling (recall if golden records joined exactly the true pairs that share a strong
    identifier, then also a year of birth, then also a city: the truth picks the pairs, so it is a
    bound on what the evidence allows, not a method).

    ``pairs`` maps each sorted key pair the run stored (at or above the review threshold) to
    (probability, reasons)."""
    prepared = {row["unique_id"]: row for row in engine.prepare_person_records(records).to_pylist()}
    rules = engine.blocking_rules(len(prepared))
    true_pairs = _pairs(_groups(truth).values())
    missed = true_pairs - _pairs(_groups(predicted).values())
    stage, shape, patterns = Counter(), Counter(), Counter()
    for a, b in missed:
        left, right = prepared[a], prepared[b]
        stored = pairs.get((a, b))
        if stored is not None:
            stage["waiting for review"] += 1
            patterns[_pattern(stored[1])] += 1
        elif _blocked(rules, left, right):
            stage["scored below the review threshold"] += 1
        else:
            stage["no blocking rule brings them together"] += 1
        if not _strong(left, right):
            shape["share no email, mobile or full date of birth"] += 1
        if any(not (side["given_name"] or side["family_name"]) for side in (left, right)):
            shape["Arabic-only record on one side"] += 1
        if (left["birth_date"] and not left["birth_full"]) or (
            right["birth_date"] and not right["birth_full"]
        ):
            shape["year-only (partial) date on one side"] += 1
        if left["city_skel"] and right["city_skel"] and left["city_skel"] != right["city_skel"]:
            shape["moved (cities differ)"] += 1
        if not (left["birth_date"] and right["birth_date"]):
            shape["a date of birth missing on one side"] += 1
    lowest = min((p for p, _r in pairs.values()), default=0.0)
    bands = [(lowest, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 0.99), (0.99, 0.999), (0.999, 1.01)]
    calibration = []
    for low, high in bands:
        inside = [key for key, (p, _r) in pairs.items() if low <= p < high]
        if inside:
            same = sum(truth[a] == truth[b] for a, b in inside)
            calibration.append((low, min(high, 1.0), len(inside), same))

    def ceiling(*extra: str) -> float:
        chosen = [
            (a, b)
            for a, b in true_pairs
            if _strong(prepared[a], prepared[b]) or any(_same(c, prepared[a], prepared[b]) for c in extra)
        ]
        joined = _union(truth, chosen)
        return engine.pair_quality(_pairs(_groups(joined).values()), true_pairs)["recall"]

    return {
        "missed": len(missed),
        "stages": dict(stage),
        "shapes": dict(shape),
        "patterns": patterns.most_common(top),
        "calibration": calibration,
        "ceiling": {
            "strong identifiers": ceiling(),
            "+ same year of birth": ceiling("birth_year"),
            "+ same year or same city": ceiling("birth_year", "city_skel"),
        },
    }


def _union(keys, edges) -> dict[str, str]:
    parent = {key: key for key in keys}

    def find(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in edges:
        parent[find(a)] = find(b)
    return {key: find(key) for key in keys}


def through_import(hard: HardSet, *, backend: str | None = None, diagnostics: bool = False) -> dict:
    """Import the set's files, run a linkage, measure the golden records against the truth; with
    ``diagnostics``, also say why the missed true pairs were missed (see :func:`diagnose`)."""
    tag = uuid.uuid4().hex[:8]
    figures: dict = {}
    try:
        with transaction.atomic():
            started = time.perf_counter()
            figures["import"], files_by_source = _import(hard, tag)
            figures["import_seconds"] = time.perf_counter() - started
            records = SourceRecord.objects.filter(source_id__in=list(files_by_source))
            truth = {
                f"{SOURCE_PREFIX}{pk}": hard.truth[(files_by_source[source_id], row)]
                for pk, source_id, row in records.values_list("pk", "source_id", "row_number")
            }
            started = time.perf_counter()
            run = LinkageRun.objects.create(backend=backend or "")
            run = linkage_run_execute(run.pk)
            figures["linkage_seconds"] = time.perf_counter() - started
            figures["run"] = {
                "status": run.status,
                "error": run.error,
                "model": run.model_origin,
                "auto_merged_pairs": run.auto_merged,
                "to_review": run.to_review,
                "golden_records": run.golden_records,
            }
            golden = dict(RecordLink.objects.filter(key__in=list(truth)).values_list("key", "golden_id"))
            predicted = {key: str(golden.get(key, key)) for key in truth}
            figures.update(_quality(hard, truth, predicted))
            rows = source_rows([int(key[len(SOURCE_PREFIX) :]) for key in truth])
            records = [_engine_record(row) for row in rows]
            true_pairs = _pairs(_groups(truth).values())
            figures["blocking_recall"] = blocking_recall(records, true_pairs)
            scored = yardstick.score_candidates(records)
            figures["yardstick"] = {
                threshold: engine.pair_quality(
                    _pairs(_groups(_union(truth, yardstick.joined(scored, threshold))).values()), true_pairs
                )
                for threshold in yardstick.THRESHOLDS
            }
            stored = {
                (left, right): (p, reasons)
                for left, right, p, reasons in CandidatePair.objects.filter(
                    left_key__in=list(truth), right_key__in=list(truth)
                ).values_list("left_key", "right_key", "match_probability", "reasons")
            }
            # What an analyst is asked to decide: the pairs waiting for review, and how many of them are
            # the same person (they count neither way in the auto-merge figures).
            waiting = list(
                CandidatePair.objects.filter(
                    left_key__in=list(truth), right_key__in=list(truth), status=CandidatePair.Status.PENDING
                ).values_list("left_key", "right_key")
            )
            same = [(a, b) for a, b in waiting if truth[a] == truth[b]]
            # Golden records as they would be if an analyst said "same person" to exactly those.
            golden_edges = [
                (members[0], other)
                for members in map(sorted, _groups(predicted).values())
                for other in members[1:]
            ]
            decided = _union(truth, [*golden_edges, *same])
            figures["review"] = {
                "pairs": len(waiting),
                "same_person": len(same),
                "if_decided": engine.pair_quality(
                    _pairs(_groups(decided).values()), _pairs(_groups(truth).values())
                ),
            }
            if diagnostics:
                figures["diagnostics"] = diagnose(records, truth, predicted, stored)
            raise _Rollback
    except _Rollback:
        pass
    return figures


def _groups(mapping: dict) -> dict:
    groups = defaultdict(set)
    for key, group in mapping.items():
        groups[group].add(key)
    return groups


def _quality(hard: HardSet, truth: dict[str, int], predicted: dict[str, str]) -> dict:
    true_pairs = _pairs(_groups(truth).values())
    predicted_pairs = _pairs(_groups(predicted).values())
    # Look-alike people: a pair of different people counts as merged when any of their records share a
    # golden record.
    goldens_of = defaultdict(set)
    for key, person in truth.items():
        goldens_of[person].add(predicted[key])
    merged, total = Counter(), Counter()
    for (a, b), kind in hard.relations.items():
        if a in goldens_of and b in goldens_of:
            total[kind] += 1
            merged[kind] += bool(goldens_of[a] & goldens_of[b])
    return {
        "records": len(truth),
        "people": len(set(truth.values())),
        "pairwise": engine.pair_quality(predicted_pairs, true_pairs),
        "bcubed": bcubed_f1(predicted, truth),
        "lookalikes": {kind: (merged[kind], total[kind]) for kind in KINDS},
    }


def format_figures(figures: dict) -> str:
    lines = ["Hard set through import (files → upload → mapping → import → linkage run → golden records)"]
    rejected = 0
    for name, c in figures["import"].items():
        rejected += c["rejected"]
        lines.append(
            f"  {name}: {c['rows']} rows, {c['accepted']} imported ({c['with_warnings']} with warnings), "
            f"{c['updated']} updated by record id, {c['duplicates']} duplicates, {c['rejected']} rejected"
        )
    lines.append(f"  valid rows rejected: {rejected}; import {figures['import_seconds']:.1f} s")
    run = figures["run"]
    lines.append(
        f"  linkage run: {run['status']} ({run['model']} model) in {figures['linkage_seconds']:.1f} s, "
        f"{run['auto_merged_pairs']} pairs merged automatically, {run['to_review']} to review"
        + (f" — {run['error']}" if run["error"] else "")
    )
    q, b = figures["pairwise"], figures["bcubed"]
    lines.append(
        f"  {figures['records']} records of {figures['people']} people: auto-merge pairwise precision "
        f"{q['precision']:.4f} recall {q['recall']:.4f} F1 {q['f1']:.4f} "
        f"({q['true_positives']} of {q['predicted']} predicted, {q['true']} true pairs)"
    )
    lines.append(f"  B-cubed precision {b['precision']:.4f} recall {b['recall']:.4f} F1 {b['f1']:.4f}")
    lines.append(f"  blocking recall {figures['blocking_recall']:.4f}")
    if "yardstick" in figures:
        lines.append("  yardstick, hand-weighted rules on the same records (pairwise, by points needed):")
        lines += [
            f"    at {threshold}: precision {q['precision']:.4f} recall {q['recall']:.4f} F1 {q['f1']:.4f}"
            for threshold, q in figures["yardstick"].items()
        ]
    review = figures.get("review")
    if review:
        lines.append(
            f"  waiting for an analyst: {review['pairs']} pairs, {review['same_person']} of them the same "
            "person (counted neither way above)"
        )
        q = review["if_decided"]
        lines.append(
            f"  if an analyst decided each of them right: precision {q['precision']:.4f} recall "
            f"{q['recall']:.4f} F1 {q['f1']:.4f}"
        )
    merged = sum(m for m, _t in figures["lookalikes"].values())
    total = sum(t for _m, t in figures["lookalikes"].values())
    parts = ", ".join(f"{kind} {m}/{t}" for kind, (m, t) in figures["lookalikes"].items())
    share = merged / total if total else 0.0
    lines.append(f"  look-alike pairs of people merged: {merged}/{total} ({share:.2%}): {parts}")
    if "diagnostics" in figures:
        lines.extend(format_diagnostics(figures["diagnostics"]))
    return "\n".join(lines)


def format_diagnostics(d: dict) -> list[str]:
    lines = [f"  Missed true pairs (in different golden records): {d['missed']}"]
    lines += [f"    {n:5d}  {stage}" for stage, n in sorted(d["stages"].items(), key=lambda kv: -kv[1])]
    lines.append("  What their records look like (a pair may count in several rows):")
    lines += [f"    {n:5d}  {shape}" for shape, n in sorted(d["shapes"].items(), key=lambda kv: -kv[1])]
    lines.append("  Comparison vectors of the missed pairs waiting for review:")
    lines += [f"    {n:5d}  {pattern}" for pattern, n in d["patterns"]]
    lines.append("  Stored pairs by probability band: pairs, of which the same person")
    lines += [
        f"    [{low:.3f}, {high:.3f}): {n:5d}, {same:5d} ({same / n:.3f})"
        for low, high, n, same in d["calibration"]
    ]
    lines.append("  Evidence ceiling (truth picks the pairs; recall of golden records built from them):")
    lines += [f"    {name}: {recall:.4f}" for name, recall in d["ceiling"].items()]
    return lines
