"""Throughput (words per second, one process) and peak memory of Kroniek's Dutch pipeline, beside Frog.

    python benchmarks/throughput.py [--words 10000] [--no-frog]

On the same generated Dutch news text (benchmarks/newsgen.py) it measures, each in a fresh process
so that peak memory is its own: the full Kroniek pipeline (`kroniek.pipeline.load_pipeline("nl")`),
the shipped model alone (`spacy.load(models/nl)`), and Frog (Debian packages frog and frogdata,
installed with apt-get when absent; skipped with a message when that fails). Words are the
whitespace-separated words of the text, the same count for every system; throughput excludes
loading, which is reported apart. Throughput is given per wall-clock second and per CPU second of
the process; on a shared machine the CPU figure is the stable one, so the ratio to Frog uses it.
Frog's processing CPU time is its total minus that of a run on one sentence (its start-up).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
FROG_TIME = re.compile(r"Frogging in total took:\s+(\d+) seconds, (\d+) milliseconds and (\d+) microseconds")


def load_system(system: str):
    """The spaCy pipeline measured as `system`: 'kroniek' (full pipeline) or 'model' (model alone)."""
    sys.path.insert(0, str(REPO / "src"))
    if system == "kroniek":
        from kroniek.pipeline import load_pipeline

        return load_pipeline("nl")
    import spacy

    return spacy.load(REPO / "models" / "nl")


def worker(system: str, text_path: Path) -> dict:
    """Run inside a child process: load `system`, process the articles, report times and peak RSS."""
    articles = json.loads(text_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    nlp = load_system(system)
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    for _result in _analyses(system, nlp, articles):
        pass
    run_s, cpu_s = time.perf_counter() - loaded, time.process_time() - cpu_loaded
    return {"load_s": loaded - started, "run_s": run_s, "cpu_s": cpu_s, "peak_rss_mb": _self_peak_mb()}


def _analyses(system: str, nlp, articles: list[str]):
    """What a user gets: for the full pipeline, Article records (every stage and the conversion
    to records included), each with a published date; for the model alone, its Docs."""
    if system != "kroniek":
        return nlp.pipe(articles, batch_size=8)
    from kroniek.analysis import analyze_documents
    from kroniek.source import RawDocument

    published = dt.date(2023, 9, 12)
    return analyze_documents((RawDocument(text=text, published=published) for text in articles), nlp, batch_size=8)


def _self_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_spacy(system: str, text_path: Path) -> dict:
    """Run `worker` for `system` in a fresh Python process and return what it reports."""
    command = [sys.executable, __file__, "--worker", system, "--text", str(text_path)]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **SINGLE_THREAD})
    if result.returncode != 0:
        raise SystemExit(f"{system} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_frog() -> bool:
    """True when Frog can run, after installing it with apt-get if it is absent."""
    if shutil.which("frog"):
        return True
    print("frog is absent: installing the Debian packages frog and frogdata ...", file=sys.stderr)
    install = subprocess.run(["apt-get", "install", "-y", "-q", "frog", "frogdata"], capture_output=True, text=True)
    if install.returncode != 0 or not shutil.which("frog"):
        print(f"skipping Frog: apt-get could not install it ({install.stderr.strip()[-300:]})", file=sys.stderr)
        return False
    return True


def measure_frog(articles: list[str], workdir: Path) -> dict:
    """Run Frog (one thread, all its modules) on the articles as one text file; time and peak RSS."""
    startup = _run_frog(["Dit is een zin."], workdir)
    full = _run_frog(articles, workdir)
    return {**full, "cpu_s": full["cpu_s"] - startup["cpu_s"]}


def _run_frog(articles: list[str], workdir: Path) -> dict:
    text_file = workdir / "articles.txt"
    text_file.write_text("\n\n".join(articles) + "\n", encoding="utf-8")
    command = ["frog", "-t", str(text_file), "--threads=1", "-o", str(workdir / "frog.out")]
    started = time.perf_counter()
    with open(workdir / "frog.log", "w") as log:
        # frog leaves debug files in its cwd
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, cwd=workdir,
                                   env={**os.environ, **SINGLE_THREAD})
        _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"frog failed; see {workdir / 'frog.log'}")
    match = FROG_TIME.search((workdir / "frog.log").read_text(errors="replace"))
    run = int(match[1]) + int(match[2]) / 1e3 + int(match[3]) / 1e6 if match else wall
    cpu = usage.ru_utime + usage.ru_stime
    return {"load_s": wall - run, "run_s": run, "cpu_s": cpu, "peak_rss_mb": usage.ru_maxrss / 1024}


def report(rows: dict[str, dict], n_words: int) -> None:
    """Print the table and Kroniek's throughput as a multiple of Frog's (per CPU second)."""
    print(f"{'system':<26}{'words':>7}{'load s':>8}{'run s':>8}{'cpu s':>8}{'words/s':>9}{'words/cpu s':>12}{'peak RSS MB':>12}")
    for name, row in rows.items():
        row["words_per_s"] = n_words / row["run_s"]
        row["words_per_cpu_s"] = n_words / row["cpu_s"]
        print(f"{name:<26}{n_words:>7}{row['load_s']:>8.1f}{row['run_s']:>8.1f}{row['cpu_s']:>8.1f}"
              f"{row['words_per_s']:>9.0f}{row['words_per_cpu_s']:>12.0f}{row['peak_rss_mb']:>12.0f}")
    frog = rows.get("Frog (all modules)")
    for name in ("Kroniek pipeline (full)", "Kroniek model alone"):
        ratio = f"{rows[name]['words_per_cpu_s'] / frog['words_per_cpu_s']:.1f}x" if frog else "not measured (Frog skipped)"
        print(f"ratio {name} / Frog, words per CPU second: {ratio}")
    print(json.dumps({name: {k: round(v, 2) for k, v in row.items()} for name, row in rows.items()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10000, help="words of generated text (default 10000)")
    parser.add_argument("--no-frog", action="store_true", help="measure Kroniek only")
    parser.add_argument("--worker", choices=("kroniek", "model"), help=argparse.SUPPRESS)
    parser.add_argument("--text", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.text)))
        return
    sys.path.insert(0, str(HERE))
    from newsgen import articles as generate

    articles = generate(args.words)
    n_words = sum(len(a.split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        text_path = workdir / "articles.json"
        text_path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
        rows = {
            "Kroniek pipeline (full)": measure_spacy("kroniek", text_path),
            "Kroniek model alone": measure_spacy("model", text_path),
        }
        if not args.no_frog and ensure_frog():
            rows["Frog (all modules)"] = measure_frog(articles, workdir)
    report(rows, n_words)


if __name__ == "__main__":
    main()
