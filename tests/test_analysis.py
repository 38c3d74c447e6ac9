"""Every analysed Article records what produced it: Kroniek's version and the model that ran."""

from __future__ import annotations

import kroniek
from kroniek.analysis import analyze_documents
from kroniek.source import RawDocument

TEXT = "Minister Jansen zei dinsdag dat het kabinet blijft."


def test_a_blank_pipeline_is_named_blank(blank_nlp):
    article = kroniek.analyze(TEXT, nlp=blank_nlp)
    assert article.produced_by is not None
    assert (article.produced_by.kroniek, article.produced_by.model) == (kroniek.__version__, "blank")
    assert article.produced_by.model_version is None


def test_the_trained_model_is_named_from_its_meta(nlp):
    [(_, article)] = analyze_documents([RawDocument(text=TEXT)], nlp)
    assert article.produced_by.model == f"{nlp.meta['lang']}_{nlp.meta['name']}"
    assert article.produced_by.model_version == nlp.meta["version"]
