"""Score tags, morphology, lemmas and dependencies against CoNLL-U gold on gold tokens.

Each gold sentence becomes one Doc with the gold words and spacing, marked as one sentence, and the
pipeline runs on it without its tokenizer. The metrics follow the CoNLL 2018 shared-task scorer on
gold tokenisation: every metric is the share of gold words it gets right; features compare as sets;
a gold lemma '_' accepts any lemma; LAS compares universal relations only (subtypes dropped).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from kroniek.errors import GoldFormatError
from kroniek.formats.conllu import UDSentence, read_conllu

BATCH_SIZE = 64
METRICS = ("upos", "xpos", "ufeats", "lemma", "uas", "las")


def evaluate(gold_path: str | Path, nlp: Language) -> dict:
    """Accuracy of each of METRICS over the gold words, and `n_tokens`, their count."""
    sentences = list(read_conllu(gold_path))
    if not sentences:
        raise GoldFormatError(f"{gold_path}:1: no sentences")
    docs = (gold_doc(nlp, s) for s in sentences)
    correct = Counter()
    for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=BATCH_SIZE), strict=True):
        for i, token in enumerate(doc):
            correct.update(name for name, ok in word_matches(sentence, i, token).items() if ok)
    n_tokens = sum(len(s.words) for s in sentences)
    return {**{name: correct[name] / n_tokens for name in METRICS}, "n_tokens": n_tokens}


def gold_doc(nlp: Language, sentence: UDSentence) -> Doc:
    """A Doc of the sentence's gold words and spacing, marked as a single sentence."""
    spaces = [*sentence.spaces[:-1], False]
    starts = [i == 0 for i in range(len(sentence.words))]
    return Doc(nlp.vocab, words=sentence.words, spaces=spaces, sent_starts=starts)


def word_matches(sentence: UDSentence, i: int, token: Token) -> dict[str, bool]:
    """Which metrics the prediction for word `i` gets right."""
    head = 0 if token.head.i == token.i else token.head.i + 1
    uas = head == sentence.heads[i]
    return {
        "upos": token.pos_ == sentence.upos[i],
        "xpos": token.tag_ == sentence.xpos[i],
        "ufeats": _features(str(token.morph)) == _features(sentence.feats[i]),
        "lemma": sentence.lemmas[i] == "_" or token.lemma_ == sentence.lemmas[i],
        "uas": uas,
        "las": uas and _universal(token.dep_) == _universal(sentence.deprels[i]),
    }


def _features(feats: str) -> frozenset[str]:
    return frozenset(f for f in feats.split("|") if f and f != "_")


def _universal(deprel: str) -> str:
    return deprel.split(":")[0].lower()
