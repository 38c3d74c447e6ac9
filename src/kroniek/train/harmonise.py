"""Bring the old LassySmall train (UD 2.0) in line with the conventions of current UD Dutch.

``nl_lassysmall-ud-train-v2.0-dedup`` is half of the morphosyntactic training data, but it was
annotated under UD 2.0, and UD Dutch has changed since; the held-out news test follows the current
conventions. Three changes are mechanical and made here, word by word:

- possessive pronouns ('zijn boek') were DET/det, now PRON/nmod:poss with Person, Poss and PronType;
- ordinals ('derde', '20ste') were NUM/nummod, now ADJ/amod;
- names were flat:name, now flat.

Other changes (where xcomp, mark and obl:arg now go) are structural, so the driver does not train
the parser on this file's trees; its tags, features and lemmas still train the other components.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kroniek.formats.conllu import UDSentence

POSSESSIVE_PERSON = {"mijn": 1, "m'n": 1, "ons": 1, "onze": 1, "jouw": 2, "je": 2, "uw": 2, "zijn": 3, "z'n": 3,
                     "haar": 3, "d'r": 3, "hun": 3}
ORDINAL = re.compile(r"^(eerste|[a-z]+de|[a-z0-9]+ste|\d+e)$")
RENAMED_RELATIONS = {"flat:name": "flat"}


def harmonised(sentence: UDSentence) -> UDSentence:
    """The sentence with its words relabelled to the current conventions."""
    upos, feats, deprels = list(sentence.upos), list(sentence.feats), list(sentence.deprels)
    for i, word in enumerate(sentence.words):
        form = word.lower()
        if deprels[i] == "det" and upos[i] in ("DET", "PRON") and form in POSSESSIVE_PERSON:
            upos[i], deprels[i] = "PRON", "nmod:poss"
            feats[i] = f"Person={POSSESSIVE_PERSON[form]}|Poss=Yes|PronType=Prs"
        elif upos[i] == "NUM" and ORDINAL.match(form):
            upos[i], feats[i] = "ADJ", "_"
            deprels[i] = "amod" if deprels[i] == "nummod" else deprels[i]
        deprels[i] = RENAMED_RELATIONS.get(deprels[i], deprels[i])
    return replace(sentence, upos=upos, feats=feats, deprels=deprels)
