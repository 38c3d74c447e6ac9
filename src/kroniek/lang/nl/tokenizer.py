"""Dutch news tokenizer rules, applied to every Dutch pipeline and saved with the shipped model.

spaCy's Dutch tokenizer already splits ,, and '' quotes at word edges, keeps hyphenated names
(Kim Jong-un, Kremlin-woordvoerder) and numbers with their magnitude word ("40 miljard") apart
correctly. This adds what Dutch news needs on top: the abbreviations in `abbreviations.txt` and the
words in `single_tokens.txt` stay whole, and an opening ,, glued to a preceding colon or word
("zei:,,Ja") is split off. The rules are regular expressions and special cases only, so that
`nlp.to_disk` saves them and a loaded model tokenizes exactly as a freshly customised one.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

DATA = Path(__file__).parent
EXTRA_INFIXES = (
    r"(?<=[^\s,]),,(?=\S)",  # an opening ,, glued to what precedes it
    r"(?<=[^\s:]):(?=,,)",  # a colon right before an opening ,,
)


def read_word_list(name: str) -> list[str]:
    """The entries of a word list under lang/nl/: one a line, '#' starts a comment line."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def customize_tokenizer(nlp: Language) -> None:
    """Tune `nlp`'s tokenizer for Dutch news; applying it twice changes nothing."""
    for word in read_word_list("abbreviations.txt") + read_word_list("single_tokens.txt"):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    infixes = [*nlp.Defaults.infixes, *EXTRA_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
