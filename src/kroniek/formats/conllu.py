"""Read CoNLL-U (Universal Dependencies) files into plain sentences, rejecting malformed lines.

Only the basic tree is read: multiword-token ranges (``3-4``) and empty nodes (``8.1``) are skipped,
so a sentence is its list of syntactic words. The reader is shared by the UD scorer and the training
data converter, so that both see a gold file the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kroniek.errors import GoldFormatError

N_COLUMNS = 10


@dataclass
class UDSentence:
    """One sentence of a CoNLL-U file; lists are aligned, one item per word."""

    sent_id: str = ""
    line: int = 0  # the line of the first word
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deprels: list[str] = field(default_factory=list)


def read_conllu(path: str | Path) -> Iterator[UDSentence]:
    """Yield the sentences of `path`; raise GoldFormatError naming the line of the first problem."""
    sentence = UDSentence()
    with open(path, encoding="utf-8") as lines:
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if sentence.words:
                    yield _checked(sentence, path)
                sentence = UDSentence()
            elif line.startswith("#"):
                _read_comment(sentence, line)
            else:
                _read_word(sentence, line, path, number)
    if sentence.words:
        yield _checked(sentence, path)


def _read_comment(sentence: UDSentence, line: str) -> None:
    key, _, value = line[1:].partition("=")
    if key.strip() == "sent_id":
        sentence.sent_id = value.strip()


def _read_word(sentence: UDSentence, line: str, path: str | Path, number: int) -> None:
    where = f"{path}:{number}"
    columns = line.split("\t")
    if len(columns) != N_COLUMNS:
        raise GoldFormatError(f"{where}: expected {N_COLUMNS} tab-separated columns, found {len(columns)}")
    word_id, form, lemma, upos, xpos, feats, head, deprel, _deps, misc = columns
    if "-" in word_id or "." in word_id:
        return
    if not word_id.isdigit() or int(word_id) != len(sentence.words) + 1:
        raise GoldFormatError(f"{where}: word id '{word_id}' should be {len(sentence.words) + 1}")
    if not head.isdigit():
        raise GoldFormatError(f"{where}: head '{head}' is not a number")
    sentence.line = sentence.line or number
    sentence.words.append(form)
    sentence.spaces.append("SpaceAfter=No" not in misc.split("|"))
    sentence.lemmas.append(lemma)
    sentence.upos.append(upos)
    sentence.xpos.append(xpos)
    sentence.feats.append(feats)
    sentence.heads.append(int(head))
    sentence.deprels.append(deprel)


def _checked(sentence: UDSentence, path: str | Path) -> UDSentence:
    n_words = len(sentence.words)
    for offset, head in enumerate(sentence.heads):
        if head > n_words:
            raise GoldFormatError(
                f"{path}:{sentence.line + offset}: head {head} is outside the sentence of {n_words} words"
            )
    return sentence
