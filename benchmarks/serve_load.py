"""Load on `kroniek serve` while an ingest writes to the same store: errors and latency.

    python benchmarks/serve_load.py [--clients 50] [--requests 10000] [--db postgresql://…]

A store is filled with generated Dutch news (benchmarks/newsgen.py), `kroniek serve` is started on
a free loopback port, and a second `kroniek ingest` starts writing more articles into the same store.
Meanwhile `--clients` threads send `--requests` requests in all, mixing browser pages, API calls and
full-text searches over the stored articles, each with a 30 s timeout; the run stops itself after
`--seconds` at the latest. It prints the requests, the errors (any answer but 200, or no answer;
goal 0), the latency percentiles and what the ingest stored meanwhile. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from newsgen import articles  # noqa: E402

SEARCHES = ["minister", "akkoord", "Rotterdam", "staking", "begroting", "politie"]


def write_jsonl(path: Path, texts: list[str], prefix: str) -> list[str]:
    """Write `texts` as JSON Lines articles with ids `prefix-N`; return the ids."""
    ids = [f"{prefix}-{n}" for n in range(len(texts))]
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in zip(ids, texts,
                                                                                                          strict=True)),
                    encoding="utf-8")
    return ids


def kroniek(*args: str) -> list[str]:
    return [sys.executable, "-m", "kroniek", *args]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/articles", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit(f"kroniek serve did not answer at {base} within {seconds} s")


def paths(ids: list[str]) -> list[str]:
    """The mix of requests: pages, API calls and searches, over the stored articles."""
    found = ["/", "/claims", "/contradictions", "/entities", "/api/articles", "/api/quotes", "/api/events",
             "/api/claims", "/api/entities"]
    found += [f"/articles/{i}" for i in ids[:20]] + [f"/api/articles/{i}" for i in ids[:20]]
    found += [f"/search?q={q}" for q in SEARCHES] + [f"/api/search?q={q}" for q in SEARCHES]
    return found


def _route(path: str) -> str:
    """A request path without its article id or query: what it asks for."""
    parts = path.split("?")[0].split("/")
    return "/".join(parts[:3] if parts[1] == "api" else parts[:2]) or "/"


class Load:
    """Requests sent by many threads, with each latency and each failure recorded."""

    def __init__(self, base: str, mix: list[str], total: int, seconds: float):
        self.base, self.mix, self.total, self.deadline = base, mix, total, time.monotonic() + seconds
        self.next, self.lock = 0, threading.Lock()
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def _take(self) -> str | None:
        with self.lock:
            if self.next >= self.total or time.monotonic() > self.deadline:
                return None
            self.next += 1
            return self.mix[self.next % len(self.mix)]

    def _record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1

    def client(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as http:
            while (path := self._take()) is not None:
                started = time.perf_counter()
                try:
                    status = http.get(path).status_code
                    error = None if status == 200 else f"HTTP {status}"
                except httpx.HTTPError as failure:
                    error = type(failure).__name__
                self._record(time.perf_counter() - started, error and f"{error} on {_route(path)}")

    def run(self, clients: int) -> float:
        threads = [threading.Thread(target=self.client) for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def report(load: Load, seconds: float, clients: int, ingest: str) -> None:
    latencies = sorted(load.latencies)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    print(f"{'clients':>8}{'requests':>10}{'errors':>8}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    print(f"{clients:>8}{len(latencies):>10}{sum(load.errors.values()):>8}{len(latencies) / seconds:>8.0f}"
          f"{cuts[49] * 1000:>9.0f}{cuts[98] * 1000:>9.0f}{latencies[-1] * 1000:>9.0f}")
    print("errors by kind:", load.errors or "none", "(goal 0)")
    print("ingest meanwhile:", ingest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=540)
    parser.add_argument("--db", help="a store URL (postgresql://…); default: a new SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = args.db or str(work / "load.db")
        ids = write_jsonl(work / "first.jsonl", articles(40_000, seed=11), "eerst")
        write_jsonl(work / "more.jsonl", articles(60_000, seed=12), "later")
        subprocess.run(kroniek("ingest", str(work / "first.jsonl"), "--db", db, "--near-duplicates", "1"),
                       check=False, capture_output=True)
        port = free_port()
        server = subprocess.Popen(kroniek("serve", "--db", db, "--port", str(port)), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            writer = subprocess.Popen(kroniek("ingest", str(work / "more.jsonl"), "--db", db, "--near-duplicates", "1"),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            load = Load(base, paths(ids), args.requests, args.seconds)
            seconds = load.run(args.clients)
            _, ingest_log = writer.communicate(timeout=600)
            report(load, seconds, args.clients, (ingest_log.strip().splitlines() or ["?"])[-1])
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
