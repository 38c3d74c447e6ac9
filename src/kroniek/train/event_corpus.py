"""The event corpus: Kroniek's own blind annotations of event mentions, kept as stand-off data.

Annotations live in `data/annotations/events/*.jsonl`, one annotated document a line: its `id`,
`annotator`, `date` and `events`, each a trigger as `[start, end)` character offsets, a type of the
ontology (`records.EVENT_TYPES`) and a factuality. The documents are those of the attribution
corpus (`train/attribution_corpus.py`, whose reader this module shares): CoNLL-2002 `ned.train`
sentences (research use only) and the project's own articles. The guideline is
`docs/annotation/events.md`.

    python -m kroniek.train.event_corpus texts --articles 1-20 [--own]   # the texts to annotate
    python -m kroniek.train.event_corpus check                           # offsets and values valid? counts
    python -m kroniek.train.event_corpus build OUT.jsonl                 # gold-format documents
    python -m kroniek.train.event_corpus standoff IN.jsonl OUT.jsonl NAME   # substrings -> offsets
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

from kroniek.records import EVENT_TYPES, Factuality
from kroniek.train.attribution_corpus import (
    NED_TRAIN,
    REPO,
    SHARED_DATA,
    all_texts,
    annotated_documents,
    article_range,
    conll_texts,
    convert_lines,
    locate,
    own_texts,
    print_texts,
)

EVENTS = REPO / "data" / "annotations" / "events"
FACTUALITY = frozenset(get_args(Factuality))
DEVELOPMENT_GOLD = SHARED_DATA / "gold-dev"
DEVELOPMENT_FILES = "claims-events-*.jsonl"


def event_documents(folder: Path = EVENTS) -> Iterator[dict]:
    """Every annotated document of every event file, in file order."""
    return annotated_documents(folder)


def standoff(record: dict, text: str, annotator: str) -> dict:
    """A substring-annotated document (triggers as words, `start` where needed) as a stand-off record."""
    events = [
        {"trigger": locate(text, e["trigger"], e.get("start")), "type": e["type"], "factuality": e["factuality"]}
        for e in record.get("events", [])
    ]
    converted = {"id": record["id"], "annotator": annotator, "date": dt.date.today().isoformat(), "events": events}
    if found := event_problems(converted, text):
        raise ValueError("; ".join(found))
    return converted


def event_problems(record: dict, text: str | None) -> list[str]:
    """What is wrong with one annotated document: an unknown id, a trigger outside its text or not a
    whole word, an unknown type or factuality."""
    if text is None:
        return [f"{record.get('id')}: no such document"]
    return [f"{record['id']}: {problem}" for event in record.get("events", []) for problem in _item_problems(event, text)]


def _item_problems(event: dict, text: str) -> list[str]:
    start, end = event["trigger"]
    found = []
    if not 0 <= start < end <= len(text):
        found.append(f"trigger {[start, end]} outside the text ({len(text)} characters)")
    elif text[start - 1 : start].isalnum() or text[end : end + 1].isalnum():
        found.append(f"trigger {text[start:end]!r} at {start} is not a whole word")
    if event.get("type") not in EVENT_TYPES:
        found.append(f"unknown type {event.get('type')!r} (valid: {', '.join(EVENT_TYPES)})")
    if event.get("factuality") not in FACTUALITY:
        found.append(f"unknown factuality {event.get('factuality')!r} (valid: {', '.join(sorted(FACTUALITY))})")
    return found


def to_gold(record: dict, text: str) -> dict:
    """One annotated document in the gold format of gold-formats.md (triggers as words with their start)."""
    events = [
        {"trigger": text[e["trigger"][0] : e["trigger"][1]], "start": e["trigger"][0], "type": e["type"],
         "factuality": e["factuality"]}
        for e in record.get("events", [])
    ]
    return {"id": record["id"], "lang": "nl", "published": None, "text": text, "events": events}


def gold_documents(texts: dict[str, str] | None = None) -> list[dict]:
    """Every annotated document of the corpus in the gold format."""
    texts = all_texts() if texts is None else texts
    return [to_gold(record, texts[record["id"]]) for record in event_documents()]


def tuning_documents(folder: Path = DEVELOPMENT_GOLD) -> list[dict]:
    """The tuning halves of the development gold with events: the odd lines (1st, 3rd, …) of each
    `claims-events-*.jsonl`, each trigger given its `start` (the first occurrence where gold gives
    none). The even lines stay unread: they are the check halves the closing notes report."""
    documents = []
    for path in sorted(folder.glob(DEVELOPMENT_FILES)):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        documents += [_located(json.loads(line)) for line in lines[0::2]]
    return documents


def _located(record: dict) -> dict:
    text = record["text"]
    events = [{**e, "start": e["start"] if e.get("start") is not None else text.find(e["trigger"])}
              for e in record.get("events", [])]
    return {**record, "events": [e for e in events if e["start"] >= 0]}


def counts() -> dict[str, dict[str, int]]:
    """Documents and event mentions per annotator."""
    documents: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for record in event_documents():
        documents[record["annotator"]] += 1
        mentions[record["annotator"]] += len(record["events"])
    return {name: {"documents": documents[name], "events": mentions[name]} for name in sorted(documents)}


def _print_texts(argv: list[str]) -> None:
    """The ned.train sentences of `--articles A-B`, and with `--own` the project's own articles."""
    if "--articles" in argv:
        lines = conll_texts(SHARED_DATA / "conll2002-nl" / NED_TRAIN)
        print_texts(article_range(argv[argv.index("--articles") + 1]), lines, key="id")
    if "--own" in argv:
        for doc, text in own_texts().items():
            print(json.dumps({"id": doc, "text": text}, ensure_ascii=False))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "texts":
        _print_texts(argv[1:])
        return 0
    texts = all_texts()
    if command == "standoff":
        found = convert_lines(Path(argv[1]), Path(argv[2]),
                              lambda record: standoff(record, texts[record["id"]], argv[3]), key="id")
        print("\n".join(found) or f"written {argv[2]}", file=sys.stderr)
        return 1 if found else 0
    found = [p for record in event_documents() for p in event_problems(record, texts.get(record["id"]))]
    print("\n".join(found) or f"all triggers valid: {json.dumps(counts())}", file=sys.stderr)
    if command == "build" and not found:
        documents = gold_documents(texts)
        Path(argv[1]).write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
        print(f"{len(documents)} documents written", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
