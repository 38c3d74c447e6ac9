"""Paragraphs and sentences in Dutch news: quote marks, headlines, abbreviations."""

from __future__ import annotations

import pytest

from kroniek.pipeline import build_pipeline
from kroniek.stages.paragraphs import paragraph_spans


@pytest.mark.parametrize(
    "text, expected",
    [
        ("De trein vertrok. Hij kwam laat aan.", ["De trein vertrok.", "Hij kwam laat aan."]),
        (",,Het wordt een mooi bezoek'', zei de woordvoerder. Daarna ging hij weg.",
         [",,Het wordt een mooi bezoek'', zei de woordvoerder.", "Daarna ging hij weg."]),
        (",,Wij gaan door.” De minister knikte.", [",,Wij gaan door.”", "De minister knikte."]),
        ("Is dat waar? ,,Ja'', zei ze.", ["Is dat waar?", ",,Ja'', zei ze."]),
        ("Staking\n\nDe bussen reden niet.", ["Staking", "De bussen reden niet."]),
        ("Het kost 2.5 miljoen. Dat is veel.", ["Het kost 2.5 miljoen.", "Dat is veel."]),
        ("De prijs steeg met 3 procent. 40 bedrijven klaagden.",
         ["De prijs steeg met 3 procent.", "40 bedrijven klaagden."]),
    ],
)
def test_rule_based_sentences(blank_nlp, text, expected):
    assert [s.text.strip() for s in blank_nlp(text).sents] == expected


def test_paragraphs_are_blank_line_separated_and_trimmed():
    text = "Kop\n\n  Eerste alinea.\nnog steeds.\n \n\nTweede alinea. "
    assert [p.text for p in paragraph_spans(text)] == ["Kop", "Eerste alinea.\nnog steeds.", "Tweede alinea."]
    assert all(text[p.start : p.end] == p.text for p in paragraph_spans(text))


def test_no_sentence_crosses_a_paragraph(nlp):
    doc = nlp("Het kabinet viel\n\nDe premier trad af en de oppositie juichte")
    assert len(list(doc.sents)) == 2


def test_pipeline_refuses_a_stage_whose_requirement_is_unmet():
    from spacy.language import Language

    from kroniek.errors import PipelineError
    from kroniek.pipeline import check_contracts

    @Language.component("needs_ghost_layer", requires=["doc._.ghost"])
    def _needs(doc):
        return doc

    nlp = build_pipeline()
    nlp.add_pipe("needs_ghost_layer")
    with pytest.raises(PipelineError, match="needs_ghost_layer.*doc._.ghost"):
        check_contracts(nlp)
