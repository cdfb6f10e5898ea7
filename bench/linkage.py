"""Record linkage end to end on generated Moroccan records: generate → load → train → predict → cluster.

    .venv/bin/python bench/linkage.py [--records 100000 1000000] [--threshold 0.9] [--backend duckdb]

Prints, per size, the time of each stage, the peak memory of the process (ru_maxrss, so the largest
run dominates when several sizes run in one process: give one size per run for clean figures), the
pair precision/recall/F1 against the generator's truth, and the machine's load (uptime).
"""

import argparse
import logging
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

from referential.linkage import engine, synthetic  # noqa: E402


def uptime() -> str:
    return subprocess.run(["/usr/bin/uptime"], capture_output=True, text=True).stdout.strip()  # noqa: S603


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, threshold: float, backend: str | None) -> dict:
    timings = {}
    cpu_started = time.process_time()
    started = time.perf_counter()
    data = synthetic.generate(n, seed=2026)
    timings["generate"] = time.perf_counter() - started
    result = engine.link(data.records, backend=backend)
    timings.update(result.timings)
    started = time.perf_counter()
    clusters = result.clusters(threshold)
    timings["cluster"] = time.perf_counter() - started
    started = time.perf_counter()
    quality = engine.pair_quality(result.pair_ids(threshold), data.true_pairs())
    evaluation = time.perf_counter() - started
    return {
        "records": n,
        "timings": timings,
        "total": sum(timings.values()),
        "quality": quality,
        "clusters": len(set(clusters.values())),
        "identities": len(set(data.truth.values())),
        "evaluation": evaluation,
        "cpu": time.process_time() - cpu_started - evaluation,
        "peak_mb": peak_memory_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--backend", default=os.environ.get("LINKAGE_BACKEND", "duckdb"))
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    print(f"load before: {uptime()}")
    print(f"cores: {os.cpu_count()}, backend: {args.backend}")
    for n in args.records:
        out = run(n, args.threshold, args.backend)
        t = out["timings"]
        stages = "  ".join(f"{k} {v:.1f}s" for k, v in t.items())
        q = out["quality"]
        print(
            f"\n{n:,} records ({out['identities']:,} people): end to end {out['total']:.1f} s wall, "
            f"{out['cpu']:.1f} s CPU (all threads)"
        )
        print(f"  stages: {stages}")
        print(f"  peak memory (process so far): {out['peak_mb']:.0f} MB")
        print(
            f"  pairs at p >= {args.threshold}: precision {q['precision']:.4f} recall {q['recall']:.4f} "
            f"F1 {q['f1']:.4f} ({q['predicted']:,} predicted, {q['true']:,} true); "
            f"{out['clusters']:,} clusters"
        )
        print(f"  load after: {uptime()}")


if __name__ == "__main__":
    main()
