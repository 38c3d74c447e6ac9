"""Turn the shared gold data into spaCy DocBin files for training, under a cache outside git.

UD: every sentence of LassySmall (train-dedup, dev, test) and of UD Alpino dev trains the
morphosyntactic components, except one news document in four of UD Alpino dev (in file order),
which is kept aside as the development set. The old LassySmall train is relabelled to current
conventions (kroniek.train.harmonise) and gives no trees to the parser. The Alpino treebank's news
sentences, converted to UD trees by kroniek.train.alpino, train the parser too (they carry no
tags, features or lemmas).

NER: CoNLL-2002 ``ned.train`` trains and ``ned.testa`` develops; both together (``ner-all``) train
the NER component that ships, for the number of steps the development run settled on.

Sentences are packed into documents of at most DOC_SENTENCES sentences from the same source
document, so that the parser learns sentence boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from kroniek.formats.conll2002 import NERSentence, read_conll2002, spans_from_tags
from kroniek.formats.conllu import UDSentence, read_conllu
from kroniek.train.alpino import TreebankSentence, read_alpino_zip
from kroniek.train.harmonise import harmonised

DOC_SENTENCES = 10
DEV_EVERY = 4
UD_NEWS = "ud-nl/nl_alpino-ud-dev.conllu"
UD_OLD_TRAIN = "ud-nl/nl_lassysmall-ud-train-v2.0-dedup.conllu"
UD_OTHER = (
    "ud-nl/nl_lassysmall-ud-dev.conllu",
    "ud-nl/nl_lassysmall-ud-test.conllu",
)
ALPINO_TREEBANK = "alpino-treebank/alpino.zip"
NER_TRAIN = "conll2002-nl/ned.train"
NER_DEV = "conll2002-nl/ned.testa"


def build_corpora(data_dir: Path, cache_dir: Path) -> dict[str, Path]:
    """Write the DocBins (ud-train, ud-dev, ner-train, ner-dev, ner-all) and return their paths."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    news_train, news_dev = split_by_document(read_conllu(data_dir / UD_NEWS))
    other = [s for name in UD_OTHER for s in read_conllu(data_dir / name)]
    old = [harmonised(s) for s in read_conllu(data_dir / UD_OLD_TRAIN)]
    treebank = list(read_alpino_zip(data_dir / ALPINO_TREEBANK))
    ner_train, ner_dev = list(read_conll2002(data_dir / NER_TRAIN)), list(read_conll2002(data_dir / NER_DEV))
    sets = {
        "ud-train": [*ud_docs(vocab, other + news_train), *ud_docs(vocab, old, with_trees=False),
                     *treebank_docs(vocab, treebank)],
        "ud-dev": ud_docs(vocab, news_dev),
        "ner-train": ner_docs(vocab, ner_train),
        "ner-dev": ner_docs(vocab, ner_dev),
        "ner-all": ner_docs(vocab, ner_train + ner_dev),
    }
    return {name: _save(docs, cache_dir / f"{name}.spacy") for name, docs in sets.items()}


def _save(docs: Iterable[Doc], path: Path) -> Path:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def document_key(sent_id: str) -> str:
    """The source document of a UD sentence id (Alpino 'DOC\\DOC.p.5.s.4', LassySmall 'wiki-9.p.1.s.1')."""
    return sent_id.split("\\")[0].split(".p.")[0]


def split_by_document(sentences: Iterable[UDSentence]) -> tuple[list[UDSentence], list[UDSentence]]:
    """Split into (train, dev): every DEV_EVERY-th source document, in order of appearance, is dev."""
    order: dict[str, int] = {}
    train, dev = [], []
    for sentence in sentences:
        index = order.setdefault(document_key(sentence.sent_id), len(order))
        (dev if index % DEV_EVERY == 0 else train).append(sentence)
    return train, dev


def _packed(sentences: Iterable, key) -> Iterator[list]:
    group, group_key = [], None
    for sentence in sentences:
        if group and (key(sentence) != group_key or len(group) == DOC_SENTENCES):
            yield group
            group = []
        group.append(sentence)
        group_key = key(sentence)
    if group:
        yield group


def ud_docs(vocab: Vocab, sentences: Iterable[UDSentence], with_trees: bool = True) -> Iterator[Doc]:
    """One Doc per group of sentences from the same source document, with all UD annotation.

    Without trees, the Docs keep sentence starts but no heads or relations, which the parser then
    treats as missing annotation.
    """
    for group in _packed(sentences, lambda s: document_key(s.sent_id)):
        columns = _ud_columns(group)
        if not with_trees:
            del columns["heads"], columns["deps"]
        yield Doc(vocab, **columns)


def _tree_columns(group: list) -> dict[str, list]:
    """Words, sentence starts, Doc-relative heads and relations of sentences packed into one Doc
    (UD sentences or converted treebank sentences: both have words, heads and deprels)."""
    columns: dict[str, list] = {key: [] for key in ("words", "heads", "deps", "sent_starts")}
    for sentence in group:
        offset = len(columns["words"])
        columns["words"] += sentence.words
        columns["heads"] += [offset + (h - 1 if h else i) for i, h in enumerate(sentence.heads)]
        columns["deps"] += ["ROOT" if d == "root" else d for d in sentence.deprels]
        columns["sent_starts"] += [i == 0 for i in range(len(sentence.words))]
    return columns


def _ud_columns(group: list[UDSentence]) -> dict[str, list]:
    columns = _tree_columns(group)
    columns["spaces"] = [space for sentence in group for space in sentence.spaces]
    columns["spaces"][-1] = False
    columns["lemmas"] = [lemma for sentence in group for lemma in sentence.lemmas]
    columns["pos"] = [upos for sentence in group for upos in sentence.upos]
    columns["tags"] = [_known(xpos) for sentence in group for xpos in sentence.xpos]
    columns["morphs"] = [_known(feats) for sentence in group for feats in sentence.feats]
    return columns


def treebank_docs(vocab: Vocab, sentences: list[TreebankSentence]) -> Iterator[Doc]:
    """Docs of DOC_SENTENCES converted treebank sentences each, with heads and relations only."""
    for group in _packed(sentences, lambda sentence: None):
        yield Doc(vocab, **_tree_columns(group))


def _known(value: str) -> str:
    return "" if value == "_" else value


def ner_docs(vocab: Vocab, sentences: Iterable[NERSentence]) -> Iterator[Doc]:
    """One Doc per group of sentences from the same CoNLL-2002 document, with entities set."""
    for group in _packed(sentences, lambda s: s.doc_index):
        words = [w for s in group for w in s.words]
        doc = Doc(vocab, words=words, sent_starts=[i == 0 for s in group for i in range(len(s.words))])
        doc.ents = list(_entity_spans(doc, group))
        yield doc


def _entity_spans(doc: Doc, group: list[NERSentence]) -> Iterator[Span]:
    offset = 0
    for sentence in group:
        for start, end, label in sorted(spans_from_tags(sentence.tags)):
            yield Span(doc, offset + start, offset + end, label=label)
        offset += len(sentence.words)
