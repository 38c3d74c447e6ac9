"""The attribution corpus: Kroniek's own blind annotations of who said what, kept as stand-off data.

Annotations live in `data/annotations/attribution/*.jsonl`, one annotated document a line, with
character offsets only (never the shared texts themselves). A document is either a sentence of
CoNLL-2002 `ned.train` (id `ned.train/<article>/<sentence>`, its text the sentence's tokens joined by
single spaces; research use only, like the set) or an article the project wrote itself (id
`own/<name>`, its text in `own-texts.jsonl` beside the annotations). `build` joins both into the gold
format of `../shared/docs/gold-formats.md`, which `kroniek eval` and training read; the guideline
is `docs/annotation/attribution.md`.

    python -m kroniek.train.attribution_corpus texts --articles 1-20     # the texts to annotate
    python -m kroniek.train.attribution_corpus check                     # offsets valid? counts
    python -m kroniek.train.attribution_corpus build OUT.jsonl           # gold-format documents
    python -m kroniek.train.attribution_corpus standoff IN.jsonl OUT.jsonl NAME   # substrings -> offsets
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kroniek.formats.conll2002 import read_conll2002

REPO = Path(__file__).resolve().parents[3]
ANNOTATIONS = REPO / "data" / "annotations" / "attribution"
SHARED_DATA = REPO.parent / "shared" / "data"
NED_TRAIN = "ned.train"

Span = list[int]
"""A stand-off span: [start, end) character offsets into the document's text."""


def conll_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(document id, text) of every sentence of a CoNLL-2002 file, in file order."""
    position: dict[int, int] = {}
    for sentence in read_conll2002(path):
        k = position.get(sentence.doc_index, 0)
        position[sentence.doc_index] = k + 1
        yield f"{path.name}/{sentence.doc_index}/{k}", " ".join(sentence.words)


def own_texts(folder: Path = ANNOTATIONS) -> dict[str, str]:
    """The texts the project wrote itself, by document id."""
    path = folder / "own-texts.jsonl"
    if not path.is_file():
        return {}
    return {row["doc"]: row["text"] for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def all_texts(shared: Path = SHARED_DATA, folder: Path = ANNOTATIONS) -> dict[str, str]:
    """Every annotatable text by document id: the shared sentences and the project's own articles."""
    texts = dict(conll_texts(shared / "conll2002-nl" / NED_TRAIN))
    texts.update(own_texts(folder))
    return texts


def annotated_documents(folder: Path = ANNOTATIONS) -> Iterator[dict]:
    """Every annotated document of every batch file, in file order (own-texts.jsonl excluded)."""
    for path in sorted(folder.glob("*.jsonl")):
        if path.name != "own-texts.jsonl":
            yield from map(json.loads, path.read_text(encoding="utf-8").splitlines())


def _words(text: str, span: Span | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def _source(text: str, value: str | Span | None) -> str | None:
    """A claim's source: AUTHOR, null, or the words of its span."""
    return value if value is None or isinstance(value, str) else _words(text, value)


def to_gold(record: dict, text: str) -> dict:
    """One annotated document in the gold format (spans as substrings with their start)."""
    quotes = [
        {"content": _words(text, q["content"]), "start": q["content"][0], "speaker": _words(text, q.get("speaker")),
         "cue": _words(text, q.get("cue")), "kind": q["kind"]}
        for q in record.get("quotes", [])
    ]
    claims = [
        {"content": _words(text, c["content"]), "start": c["content"][0], "source": _source(text, c.get("source")),
         "cue": _words(text, c.get("cue")), "factuality": c["factuality"], "tense": c["tense"]}
        for c in record.get("claims", [])
    ]
    return {"id": record["doc"], "lang": "nl", "published": None, "text": text, "quotes": quotes, "claims": claims}


def problems(record: dict, text: str | None) -> list[str]:
    """What is wrong with one annotated document: an unknown id, or a span outside its text."""
    if text is None:
        return [f"{record.get('doc')}: no such document"]
    spans = [
        (layer, field, item.get(field))
        for layer in ("quotes", "claims") for item in record.get(layer, [])
        for field in ("content", "speaker", "cue", "source")
    ]
    return [
        f"{record['doc']}: {layer} {field} {span} outside the text ({len(text)} characters)"
        for layer, field, span in spans
        if isinstance(span, list) and not 0 <= span[0] < span[1] <= len(text)
    ]


SPAN_FIELDS = {"quotes": ("content", "speaker", "cue"), "claims": ("content", "source", "cue")}


def locate(text: str, words: str, start: int | None = None) -> Span:
    """The span of `words` in `text`: at `start` when given (and checked), else its first occurrence
    as whole words ("zeg" not inside "zegt"), else its first occurrence at all."""
    found = _first_whole(text, words) if start is None else start
    if not words or found < 0 or text[found : found + len(words)] != words:
        raise ValueError(f"{words!r} is not in the text" + (f" at {start}" if start is not None else ""))
    return [found, found + len(words)]


def _first_whole(text: str, words: str) -> int:
    match = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    return match.start() if match else text.find(words)


def _standoff_item(item: dict, fields: tuple[str, ...], text: str) -> dict:
    """One annotated item with its substrings replaced by spans (AUTHOR and null kept as they are)."""
    converted = dict(item)
    for field in fields:
        value = item.get(field)
        if isinstance(value, str) and value != "AUTHOR":
            converted[field] = locate(text, value, item.get("start") if field == "content" else None)
    converted.pop("start", None)
    return converted


def standoff(record: dict, text: str, annotator: str) -> dict:
    """A substring-annotated document as the stand-off record kept in the repository."""
    converted = {"doc": record["doc"], "annotator": annotator, "date": dt.date.today().isoformat()}
    for layer, fields in SPAN_FIELDS.items():
        converted[layer] = [_standoff_item(item, fields, text) for item in record.get(layer, [])]
    return converted


def convert_file(source: Path, out: Path, annotator: str, texts: dict[str, str]) -> list[str]:
    """Convert a substring-annotated attribution file to stand-off records; the problems found."""
    return convert_lines(source, out, lambda record: standoff(record, texts[record["doc"]], annotator))


def convert_lines(source: Path, out: Path, convert: Callable[[dict], dict], key: str = "doc") -> list[str]:
    """Convert a substring-annotated file to stand-off records with `convert` (which raises KeyError
    or ValueError on a bad record); the problems found (nothing written then)."""
    converted, found = [], []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        record = json.loads(line)
        try:
            converted.append(convert(record))
        except (KeyError, ValueError) as error:
            found.append(f"{source}:{number}: {record.get(key)}: {error}")
    if not found:
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in converted), encoding="utf-8")
    return found


def build(out: Path, texts: dict[str, str]) -> int:
    """Write every annotated document in the gold format to `out`; the number written."""
    records = list(annotated_documents())
    with out.open("w", encoding="utf-8") as sink:
        for record in records:
            sink.write(json.dumps(to_gold(record, texts[record["doc"]]), ensure_ascii=False) + "\n")
    return len(records)


def article_range(spec: str) -> range:
    """ "1-20" or "7" as the range of article numbers it names."""
    first, _, last = spec.partition("-")
    return range(int(first), int(last or first) + 1)


def print_texts(articles: range, lines: Iterable[tuple[str, str]], key: str = "doc") -> None:
    """The ned.train sentences of `articles`, one JSON object a line (the id under `key`), for annotators."""
    for doc, text in lines:
        if int(doc.split("/")[1]) in articles:
            print(json.dumps({key: doc, "text": text}, ensure_ascii=False))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    texts = all_texts()
    if command == "texts":
        print_texts(article_range(argv[2]), conll_texts(SHARED_DATA / "conll2002-nl" / NED_TRAIN))
        return 0
    if command == "standoff":
        found = convert_file(Path(argv[1]), Path(argv[2]), argv[3], texts)
        print("\n".join(found) or f"written {argv[2]}", file=sys.stderr)
        return 1 if found else 0
    found = [p for record in annotated_documents() for p in problems(record, texts.get(record["doc"]))]
    print("\n".join(found) or "all spans valid", file=sys.stderr)
    if command == "build" and not found:
        print(f"{build(Path(argv[1]), texts)} documents written", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
