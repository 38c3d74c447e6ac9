"""Convert the Alpino treebank (Alpino dependency XML, NLTK's 1.2 format) to UD dependency trees.

The treebank in ``../shared/data/alpino-treebank`` is 7,136 sentences of newspaper text, but in
Alpino's own format: phrases with Alpino relations (su, obj1, vc, mod, ...) and one lexical head
(``hd``) each. This module turns every sentence into UD heads and relations following the
conventions of UD Dutch-Alpino, so that the parser can learn from news text:

- content words head their phrases: the complement of a preposition, the main verb under an
  auxiliary (hebben, zijn, worden, zullen, kunnen, moeten, mogen), the predicate under the copula
  zijn, the body of a complementiser phrase;
- the first conjunct heads a coordination, later ones are ``conj`` and the coordinator is ``cc``
  of the conjunct after it;
- an Alpino relation becomes a UD relation by what the dependent is (clause, nominal, adjective)
  and what it depends on (a nominal or a predicate);
- punctuation attaches to the phrase after it (opening marks, commas) or before it (closing
  marks); the final full stop and the quotes around the sentence attach to the root.

The 1.2 format has no part-of-speech tags of the UD kind, features or lemmas, so the sentences
train the parser only; the tagger, morphologizer and lemmatizer treat them as unannotated.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zipfile import ZipFile

AUXILIARY_STEMS = {"heb": "aux", "ben": "aux", "word": "aux:pass", "zal": "aux", "kan": "aux", "moet": "aux",
                   "mag": "aux"}
COPULA_STEM = "ben"
VERBAL_CATEGORIES = {"inf", "ppart", "ppres"}
CLAUSE_CATEGORIES = {"smain", "ssub", "sv1", "cp", "whsub", "whq", "whrel", "ti", "oti", "inf", "du", "svan"}
NOMINAL_CATEGORIES = {"np", "detp"}
COMPLEMENTS_OF_PREPOSITION = ("obj1", "pobj1", "vc", "predc", "se")
OPENING_MARKS = {",,", "(", "[", "'", '"', "`", "``", "„"}
CLOSING_MARKS = {"''", ")", "]", '"', "'"}
FINAL_MARKS = {".", "!", "?", "..."}
SIMPLE_RELATIONS = {"obj2": "iobj", "se": "expl:pv", "sup": "expl", "pobj1": "expl", "app": "appos",
                    "svp": "compound:prt", "crd": "cc", "cmp": "mark", "hdf": "case", "dlink": "cc",
                    "cnj": "conj", "dp": "parataxis", "sat": "parataxis", "tag": "parataxis", "nucl": "parataxis",
                    "me": "obl", "obcomp": "advcl"}


@dataclass
class TreebankSentence:
    """One converted sentence: tokens, 1-based UD heads (0 for the root) and UD relations."""

    sent_id: str
    words: list[str]
    heads: list[int]
    deprels: list[str]


def read_alpino_zip(path: Path) -> Iterator[TreebankSentence]:
    """Every sentence of the treebank zip (``alpino/alpino.xml``) that converts to a single tree."""
    with ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".xml"))
        with archive.open(name) as stream:
            for _, element in ElementTree.iterparse(stream):
                if element.tag == "alpino_ds":
                    sentence = convert_sentence(element)
                    if sentence is not None:
                        yield sentence
                    element.clear()


def convert_sentence(alpino_ds: ElementTree.Element) -> TreebankSentence | None:
    """The UD tree of one ``alpino_ds`` element, or None when it does not make a single tree."""
    top = alpino_ds.find("node")
    if top is None:
        return None
    leaves = sorted((n for n in top.iter("node") if n.get("word") is not None), key=lambda n: int(n.get("begin")))
    if not leaves:
        return None
    tree = _Tree(leaves)
    root = tree.convert(top)
    if root is None:
        return None
    tree.attach_punctuation(root)
    if not tree.is_single_tree(root):
        return None
    return TreebankSentence(alpino_ds.get("id", ""), [leaf.get("word") for leaf in leaves],
                            [0 if i == root else head + 1 for i, head in enumerate(tree.heads)], tree.relations)


def _governing_complement(category: str | None, lexical_head: ElementTree.Element,
                          by_relation: dict) -> ElementTree.Element | None:
    """The complement that heads a phrase in UD instead of its lexical head: a preposition's object,
    an auxiliary's verbal complement, a copula's predicate; None when the lexical head stays head."""
    if category == "pp":
        complement = next((by_relation[r] for r in COMPLEMENTS_OF_PREPOSITION if r in by_relation), None)
        if complement is not None:
            return complement
    if lexical_head.get("pos") != "verb":
        return None
    stem = lexical_head.get("root")
    verbal_complement = by_relation.get("vc")
    if stem in AUXILIARY_STEMS and verbal_complement is not None and _is_verbal(verbal_complement):
        return verbal_complement
    if stem == COPULA_STEM and "predc" in by_relation and verbal_complement is None:
        return by_relation["predc"]
    return None


def _plain_relation(relation: str | None, child: ElementTree.Element, category: str | None) -> str:
    """The UD relation of a dependent that its Alpino relation, its own category and its phrase's decide."""
    if relation == "mwp":
        return "flat" if _is_name_part(child) else "fixed"
    if relation == "det":
        return _determiner(child)
    if relation in ("obj1", "pobj1") and category != "pp":
        return "ccomp" if _is_clause(child) else "obj"
    if relation in ("mod", "ld", "predm", "pc", "obj1"):
        return _modifier(child, category, relation)
    if relation in ("vc", "predc"):
        return "ccomp" if child.get("cat") in ("cp", "whsub", "smain", "sv1", "ssub", "svan") else "xcomp"
    if relation == "body":
        return "ccomp"
    if relation == "--":
        return "punct" if child.get("pos") == "punct" else "parataxis"
    return SIMPLE_RELATIONS.get(relation, "dep")


class _Tree:
    """Heads and relations being assigned to the leaves of one sentence, by token index."""

    def __init__(self, leaves: list[ElementTree.Element]):
        self.leaves = leaves
        self.index_of = {id(leaf): i for i, leaf in enumerate(leaves)}
        self.heads = [-1] * len(leaves)
        self.relations = ["dep"] * len(leaves)

    def convert(self, node: ElementTree.Element) -> int | None:
        """Attach everything under `node` and return the token that heads it."""
        if node.get("word") is not None:
            return self.index_of[id(node)]
        children = sorted((c for c in node if c.tag == "node" and _has_words(c)), key=lambda c: int(c.get("begin")))
        if not children:
            return None
        heads = {id(child): self.convert(child) for child in children}
        head_child = self._head_child(node, children)
        head = heads[id(head_child)]
        for child in children:
            if child is not head_child and heads[id(child)] is not None:
                governor = self._coordinated_governor(child, children, heads) or head
                self._attach(heads[id(child)], governor, self._relation(node, child, head_child))
        return head

    def _coordinated_governor(self, child, children, heads) -> int | None:
        """A coordinator depends on the conjunct that follows it."""
        if child.get("rel") != "crd":
            return None
        following = [c for c in children if c.get("rel") == "cnj" and int(c.get("begin")) > int(child.get("begin"))]
        return heads[id(following[0])] if following else None

    def _head_child(self, node: ElementTree.Element, children: list[ElementTree.Element]) -> ElementTree.Element:
        by_relation = {}
        for child in children:
            by_relation.setdefault(child.get("rel"), child)
        lexical_head = by_relation.get("hd")
        if lexical_head is not None:
            complement = _governing_complement(node.get("cat"), lexical_head, by_relation)
            return complement if complement is not None else lexical_head
        for relation in ("body", "cnj", "nucl", "mwp", "dp"):
            if relation in by_relation:
                return by_relation[relation]
        non_punctuation = [c for c in children if c.get("pos") != "punct"]
        return (non_punctuation or children)[0]

    def _relation(self, node, child, head_child) -> str:
        relation = child.get("rel")
        if relation == "hd":
            return _demoted_head(node, child, head_child)
        if relation == "su":
            return self._subject(child, head_child, _lexical_head_stem(node))
        if relation in ("rhd", "whd"):
            return self._fronted(child, node)
        return _plain_relation(relation, child, node.get("cat"))

    @staticmethod
    def _subject(child, head_child, stem: str | None) -> str:
        passive = head_child.get("rel") == "vc" and (stem == "word" or _is_passive(head_child, child.get("index")))
        if _is_clause(child):
            return "csubj:pass" if passive else "csubj"
        return "nsubj:pass" if passive else "nsubj"

    def _fronted(self, child, node) -> str:
        """A relative or question word takes the relation of the gap it fills in the body."""
        gap = _gap_relation(node, child.get("index"))
        if child.get("cat") == "pp" or child.get("pos") == "prep":
            return "obl"
        if gap == "su":
            return "nsubj"
        if gap in ("obj1", "obj2"):
            return "obj"
        if child.get("pos") == "adv" or child.get("cat") == "advp":
            return "advmod"
        return "obl" if gap in ("mod", "ld", "pc") else "nsubj"

    def _attach(self, dependent: int, head: int, relation: str) -> None:
        if dependent != head:
            self.heads[dependent] = head
            self.relations[dependent] = relation

    def attach_punctuation(self, root: int) -> None:
        """Reattach punctuation by position: UD Dutch-Alpino hangs it on the phrase it marks off."""
        words = [leaf.get("word") for leaf in self.leaves]
        self.relations[root] = "root"
        self.heads[root] = -1
        content = [i for i, leaf in enumerate(self.leaves) if leaf.get("pos") != "punct"]
        if not content:
            return
        for i, word in enumerate(words):
            if self.leaves[i].get("pos") != "punct":
                continue
            self.relations[i] = "punct"
            outside = i < content[0] or i > content[-1]
            if outside or (word in FINAL_MARKS and i > content[-1] - 1):
                self.heads[i] = root
            elif word in CLOSING_MARKS and word not in OPENING_MARKS:
                self.heads[i] = self._phrase_ending_before(i)
            else:
                self.heads[i] = self._phrase_starting_after(i)

    def _phrase_starting_after(self, position: int) -> int:
        """The highest token whose subtree starts with the first word after `position`."""
        start = next(i for i in range(position + 1, len(self.leaves)) if self.leaves[i].get("pos") != "punct")
        return self._highest_with_edge(start, lambda span: span[0] == start)

    def _phrase_ending_before(self, position: int) -> int:
        end = next(i for i in range(position - 1, -1, -1) if self.leaves[i].get("pos") != "punct")
        return self._highest_with_edge(end, lambda span: span[1] == end)

    def _highest_with_edge(self, token: int, keeps_edge) -> int:
        best = token
        current = token
        while self.heads[current] >= 0:
            current = self.heads[current]
            if keeps_edge(self._span(current)):
                best = current
        return best

    def _span(self, token: int) -> tuple[int, int]:
        members = [i for i in range(len(self.heads)) if self._dominates(token, i) and self.leaves[i].get("pos") != "punct"]
        return min(members), max(members)

    def _dominates(self, ancestor: int, token: int) -> bool:
        steps = 0
        while token != ancestor and token >= 0 and steps <= len(self.heads):
            token = self.heads[token]
            steps += 1
        return token == ancestor

    def is_single_tree(self, root: int) -> bool:
        return all(i == root or (self.heads[i] >= 0 and self._dominates(root, i)) for i in range(len(self.heads)))


def _has_words(node: ElementTree.Element) -> bool:
    return any(n.get("word") is not None for n in node.iter("node"))


def _is_verbal(node: ElementTree.Element) -> bool:
    if node.get("cat") == "conj":
        return all(_is_verbal(c) for c in node if c.get("rel") == "cnj")
    return node.get("cat") in VERBAL_CATEGORIES or node.get("pos") == "verb"


def _is_clause(node: ElementTree.Element) -> bool:
    return node.get("cat") in CLAUSE_CATEGORIES


def _is_name_part(node: ElementTree.Element) -> bool:
    word = node.get("word") or ""
    return word[:1].isupper()


def _determiner(node: ElementTree.Element) -> str:
    if node.get("pos") == "num" or node.get("cat") == "detp" and any(c.get("pos") == "num" for c in node):
        return "nummod"
    if node.get("root") in ("mijn", "zijn", "haar", "ons", "hun", "uw", "jouw", "je", "m'n", "z'n", "d'r"):
        return "nmod:poss"
    if node.get("cat") == "np":
        return "nmod:poss"
    return "det"


def _is_passive(verbal_complement: ElementTree.Element, subject_index: str | None) -> bool:
    """Whether the subject is the object of the participle down the chain of verbal complements.

    A passive participle phrase keeps an empty object co-indexed with the subject of the clause
    ('dat [i] kan worden [ppart [obj1 i] opgeofferd]'); a perfect one ('is gekomen') keeps an empty
    subject instead; worden anywhere in the chain makes it passive too.
    """
    node = verbal_complement
    while node is not None:
        children = [c for c in node if c.tag == "node"]
        if _lexical_head_stem(node) == "word" and any(c.get("rel") == "vc" for c in children):
            return True
        if subject_index is not None and any(
                c.get("rel") == "obj1" and c.get("index") == subject_index and not _has_words(c) for c in children):
            return True
        node = next((c for c in children if c.get("rel") == "vc"), None)
    return False


def _demoted_head(node: ElementTree.Element, child: ElementTree.Element, head_child: ElementTree.Element) -> str:
    """What the lexical head of a phrase is when its complement heads the phrase instead."""
    if child.get("pos") == "verb":
        stem = child.get("root")
        if stem == COPULA_STEM and head_child.get("rel") == "predc":
            return "cop"
        if stem == "ben" and _is_passive(head_child, _subject_index(node)):
            return "aux:pass"
        return AUXILIARY_STEMS.get(stem, "aux")
    if head_child.get("rel") == "vc" or _is_clause(head_child):
        return "mark"
    return "case"


def _subject_index(node: ElementTree.Element) -> str | None:
    return next((c.get("index") for c in node if c.get("rel") == "su"), None)


def _lexical_head_stem(node: ElementTree.Element) -> str | None:
    return next((c.get("root") for c in node if c.get("rel") == "hd"), None)


def _modifier(child: ElementTree.Element, category: str | None, relation: str) -> str:
    """A modifier or adjunct by what it is and whether it modifies a nominal phrase."""
    of_nominal = category in NOMINAL_CATEGORIES
    if child.get("cat") in ("rel", "whrel"):
        return "acl:relcl"
    if _is_clause(child) or child.get("cat") in VERBAL_CATEGORIES:
        return "acl" if of_nominal else "advcl"
    if child.get("cat") in ("pp", "np", "mwu") or child.get("pos") in ("noun", "num", "pron", "name"):
        if of_nominal:
            return "nmod"
        return "obl:arg" if relation == "pc" else "obl"
    if child.get("cat") == "ap" or child.get("pos") == "adj":
        return "amod" if of_nominal else "advmod"
    return "advmod"


def _gap_relation(node: ElementTree.Element, index: str | None) -> str | None:
    if index is None:
        return None
    for candidate in node.iter("node"):
        if candidate.get("index") == index and not _has_words(candidate):
            return candidate.get("rel")
    return None
