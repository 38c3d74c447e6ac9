"""How `kroniek spark` scales from one local core to two: words per second for local[1] and local[2].

    python benchmarks/spark_scaling.py [--words 40000] [--masters local[1] local[2]]

The same generated Dutch news text (benchmarks/newsgen.py), written as one JSON Lines file, is
analysed by `kroniek.spark.job.run` under each master, each in a fresh process with its own Spark
session and output folder. A warm-up run over a few other articles first loads the pipeline into
every Python worker, so the timed run measures analysis and writing, not start-up. The CPU seconds
the Python workers spent in the timed run, and their peak RSS (each holds the pipeline), are read
from the workers themselves with a small job before and after it. Scaling
efficiency is wps[local[2]] / (2 × wps[local[1]]): 1.0 is perfect, the goal is 0.8 or more. On a
machine shared with other work the figure depends on what else runs; the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WARM_UP_ARTICLES = 8


def write_jsonl(path: Path, texts: list[str], prefix: str) -> int:
    """Write `texts` as JSON Lines articles with ids `prefix-N`; return their number of words."""
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts):
            out.write(json.dumps({"id": f"{prefix}-{number}", "text": text}, ensure_ascii=False) + "\n")
    return sum(len(text.split()) for text in texts)


def _own_usage(_rows) -> list[tuple[int, float, float]]:
    """In a Python worker: its pid, the CPU seconds it has used and its peak RSS in MB."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return [(os.getpid(), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)]


def worker_usage(spark) -> dict[int, tuple[float, float]]:
    """CPU seconds and peak RSS of the Python workers, asked of them by a job with a task per slot and more."""
    slots = spark.sparkContext.defaultParallelism * 4
    rows = spark.sparkContext.parallelize(range(slots), slots).mapPartitions(_own_usage).collect()
    return {pid: (cpu, rss) for pid, cpu, rss in rows}


def worker(master: str, warm_up: Path, corpus: Path, output: Path) -> dict:
    """Inside a child process: a session on `master`, a warm-up run, then the timed run."""
    sys.path.insert(0, str(REPO / "src"))
    from kroniek.spark.job import run, session

    spark = session(master)
    run(spark, [str(warm_up)], str(output / "warm"))
    before, started = worker_usage(spark), time.perf_counter()
    summary = run(spark, [str(corpus)], str(output / "timed"))
    seconds, after = time.perf_counter() - started, worker_usage(spark)
    spark.stop()
    cpu = sum(used - before.get(pid, (0.0, 0.0))[0] for pid, (used, _) in after.items())
    return {"seconds": seconds, "stored": summary.stored, "worker_cpu_s": cpu,
            "peak_rss_mb": max(rss for _, rss in after.values())}


def measure(master: str, warm_up: Path, corpus: Path, workdir: Path) -> dict:
    """Run `worker` for `master` in a fresh Python process and return what it reports."""
    output = workdir / master.replace("[", "-").replace("]", "")
    command = [sys.executable, __file__, "--worker", master, "--warm-up", str(warm_up), "--corpus", str(corpus),
               "--output", str(output)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(rows: dict[str, dict], n_words: int) -> None:
    """Print the table: words, seconds and words per second per master, then the scaling efficiency."""
    print(f"{'master':<10}{'articles':>9}{'words':>8}{'run s':>8}{'words/s':>9}{'worker cpu s':>13}"
          f"{'worker peak RSS MB':>19}")
    for master, row in rows.items():
        row["wps"] = n_words / row["seconds"]
        print(f"{master:<10}{row['stored']:>9}{n_words:>8}{row['seconds']:>8.1f}{row['wps']:>9.0f}"
              f"{row['worker_cpu_s']:>13.1f}{row['peak_rss_mb']:>19.0f}")
    if {"local[1]", "local[2]"} <= rows.keys():
        efficiency = rows["local[2]"]["wps"] / (2 * rows["local[1]"]["wps"])
        print(f"scaling efficiency wps[local[2]] / (2 x wps[local[1]]) = {efficiency:.2f} (goal >= 0.8)")
    print(f"cores {os.cpu_count()}, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--warm-up", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.warm_up, args.corpus, args.output)))
        return
    sys.path.insert(0, str(HERE))
    from newsgen import articles

    with tempfile.TemporaryDirectory(prefix="kroniek-spark-") as workdir:
        folder = Path(workdir)
        write_jsonl(folder / "warm.jsonl", articles(400 * WARM_UP_ARTICLES, seed=1), "warm")
        n_words = write_jsonl(folder / "corpus.jsonl", articles(args.words, seed=7), "news")
        rows = {master: measure(master, folder / "warm.jsonl", folder / "corpus.jsonl", folder) for master in args.masters}
    report(rows, n_words)


if __name__ == "__main__":
    main()
