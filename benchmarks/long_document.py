"""Cost per word of one long document against the same words as separate articles (issue 16, item 7).

    python benchmarks/long_document.py [--words 45000] [--section-chars N]

Builds the text from real Dutch news under ../shared (samples/*.txt and the `text` of every
gold-dev JSONL line), read at run time and repeated until there are `--words` words; skips with a
message when ../shared is absent. Each measurement runs in a fresh process (one thread) so that
its peak memory is its own: the articles analysed one by one, the same articles joined by blank
lines into one document (analysed in sections, as Kroniek does), and that document analysed whole
without sections, for comparison. The goal: the long document costs at most 1.3x the CPU seconds
of the separate articles, with a peak RSS under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import SINGLE_THREAD, _self_peak_mb

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
MODES = {
    "separate articles": "separate",
    "one document, in sections": "sections",
    "one document, whole": "whole",
}
CPU_GOAL, MEMORY_GOAL_MB = 1.3, 1024


def shared_articles() -> list[str]:
    """The Dutch article texts under ../shared: the samples and the gold-dev JSONL texts."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "samples").glob("*.txt"))]
    for path in sorted((SHARED / "data" / "gold-dev").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str) and text.strip():
                texts.append(text)
    return list(dict.fromkeys(texts))


def enough_words(texts: list[str], words: int) -> list[str]:
    """The texts in turn, again and again, until they hold at least `words` words."""
    chosen, total = [], 0
    while total < words:
        text = texts[len(chosen) % len(texts)]
        chosen.append(text)
        total += len(text.split())
    return chosen


def worker(mode: str, text_path: Path, section_chars: int | None) -> dict:
    """Run inside a child process: analyse the articles as `mode` says (in sections of
    `section_chars`, Kroniek's default when None), report CPU time and peak RSS."""
    sys.path.insert(0, str(REPO / "src"))
    from kroniek.analysis import analyze_documents
    from kroniek.pipeline import load_pipeline
    from kroniek.sections import Sectioning
    from kroniek.source import RawDocument

    articles = json.loads(text_path.read_text(encoding="utf-8"))
    nlp = load_pipeline("nl")
    texts = articles if mode == "separate" else ["\n\n".join(articles)]
    limit = nlp.max_length if mode == "whole" else section_chars
    options = {"sectioning": Sectioning(whole=limit, section=limit)} if limit else {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for _result in analyze_documents((RawDocument(text=text) for text in texts), nlp, batch_size=8, **options):
        pass
    return {"run_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu_started,
            "peak_rss_mb": _self_peak_mb()}


def measure(mode: str, text_path: Path, section_chars: int | None) -> dict:
    """Run `worker` for `mode` in a fresh Python process and return what it reports."""
    command = [sys.executable, __file__, "--worker", mode, "--text", str(text_path)]
    command += ["--section-chars", str(section_chars)] if section_chars else []
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **SINGLE_THREAD})
    if result.returncode != 0:
        return {"failed": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "no output"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(rows: dict[str, dict], n_words: int, n_chars: int) -> None:
    """Print the table, each CPU time as a multiple of the separate articles', and the verdict."""
    print(f"{n_words} words, {n_chars} characters")
    print(f"{'mode':<28}{'run s':>8}{'cpu s':>8}{'words/cpu s':>12}{'x separate':>11}{'peak RSS MB':>12}")
    base = rows["separate articles"].get("cpu_s")
    for name, row in rows.items():
        if "failed" in row:
            print(f"{name:<28}failed: {row['failed'][:120]}")
            continue
        ratio = row["cpu_s"] / base if base else float("nan")
        print(f"{name:<28}{row['run_s']:>8.1f}{row['cpu_s']:>8.1f}{n_words / row['cpu_s']:>12.0f}{ratio:>11.2f}"
              f"{row['peak_rss_mb']:>12.0f}")
    sectioned = rows["one document, in sections"]
    if base and "cpu_s" in sectioned:
        met = sectioned["cpu_s"] / base <= CPU_GOAL and sectioned["peak_rss_mb"] < MEMORY_GOAL_MB
        print(f"goal (<= {CPU_GOAL}x CPU, < {MEMORY_GOAL_MB} MB): {'met' if met else 'NOT met'}")
    print(json.dumps(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=45000, help="words in the long document (default 45000)")
    parser.add_argument("--section-chars", type=int, help="section size to try (default: Kroniek's own)")
    parser.add_argument("--worker", choices=sorted(set(MODES.values())), help=argparse.SUPPRESS)
    parser.add_argument("--text", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.text, args.section_chars)))
        return
    texts = shared_articles() if SHARED.is_dir() else []
    if not texts:
        print(f"skipped: no articles under {SHARED} (../shared is absent)", file=sys.stderr)
        return
    articles = enough_words(texts, args.words)
    with tempfile.TemporaryDirectory() as tmp:
        text_path = Path(tmp) / "articles.json"
        text_path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
        rows = {name: measure(mode, text_path, args.section_chars) for name, mode in MODES.items()}
    report(rows, sum(len(a.split()) for a in articles), len("\n\n".join(articles)))


if __name__ == "__main__":
    main()
