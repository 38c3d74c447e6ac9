"""The learned attribution parts: features on hand-parsed Dutch, the pure-Python scorer, the
corpus labelling, and the shipped weights in the quotes stage in every mode."""

from __future__ import annotations

import math

import pytest

from kroniek.attribution.features import SentenceFeatures, bucket
from kroniek.attribution.learned import LinearModel, accepted, best_choice, learned_models
from kroniek.errors import PipelineError
from kroniek.lang.speech import speech_lexicon
from kroniek.pipeline import build_pipeline, find_model
from kroniek.train.attribution_model import content_label, gold_quotes, held_out
from tests.stages.parsed import parsed

LEXICON = speech_lexicon("nl")

REPORTED = """
Minister minister NOUN 3 nsubj
Bos Bos PROPN 1 appos B-PER
zei zeggen VERB 0 root
dat dat SCONJ 8 mark
het het DET 6 det
kabinet kabinet NOUN 8 nsubj
belastingen belasting NOUN 8 obj
verhoogt verhogen VERB 3 ccomp
. . PUNCT 3 punct
"""

INVERTED = """
De de DET 2 det
tijd tijd NOUN 4 nsubj
is zijn AUX 4 cop
rijp rijp ADJ 0 root
, , PUNCT 6 punct
zegt zeggen VERB 4 parataxis
hij hij PRON 6 nsubj
. . PUNCT 4 punct
"""

QUOTED = """
" " PUNCT 4 punct
Wij wij PRON 4 nsubj
zijn zijn AUX 4 cop
klaar klaar ADJ 0 root
" " PUNCT 4 punct
, , PUNCT 7 punct
zei zeggen VERB 4 parataxis
Jansen Jansen PROPN 7 nsubj B-PER
. . PUNCT 4 punct
"""


def features_of(table: str) -> SentenceFeatures:
    doc = parsed(table)
    return SentenceFeatures(doc[:], LEXICON)


def content_texts(sentence: SentenceFeatures) -> dict[str, tuple[str, ...]]:
    doc = sentence.doc
    return {doc.text[c.char_start : c.char_end]: c.features for c in sentence.candidates()}


def test_a_reporting_verb_offers_its_complement_without_dat():
    candidates = content_texts(features_of(REPORTED))
    features = candidates["het kabinet belastingen verhoogt"]
    assert {"cue.lemma=zeggen", "cue.lexicon=True", "cue.frame=dat", "rel=ccomp", "first=dat", "side=after"} <= set(features)
    assert "subj=role" in features


def test_an_inverted_frame_offers_the_clause_before_the_verb():
    features = content_texts(features_of(INVERTED))["De tijd is rijp"]
    assert {"rel=before", "side=before", "cue.dep=parataxis", "subj=pron:hij"} <= set(features)


def test_quote_marks_offer_the_stretch_between_them_with_the_frame_after():
    sentence = features_of(QUOTED)
    quoted = [c for c in sentence.candidates() if c.quoted]
    assert [sentence.doc.text[c.char_start : c.char_end] for c in quoted] == ["Wij zijn klaar", "zei Jansen"]
    assert {"mark", "mark.after=,", "mark.before=^", "mark.first_title=True"} <= set(quoted[0].features)
    assert sentence.doc[sentence.anchor(quoted[0])].text == "zei"


def test_the_noun_phrases_outside_the_content_are_speaker_candidates():
    sentence = features_of(REPORTED)
    candidate = next(c for c in sentence.candidates() if c.cue == 2 and "rel=ccomp" in c.features)
    speakers = {token.text: features for token, features in sentence.speakers(candidate.cue, candidate.start, candidate.end)}
    assert set(speakers) == {"Minister", "Bos"}
    assert {"rel=subject", "kind=role", "side=before", "dist=2"} <= set(speakers["Minister"])
    assert {"rel=grandchild", "kind=ent:PER", "dep=appos"} <= set(speakers["Bos"])


def test_bucket_names_the_first_bound_not_exceeded():
    assert [bucket(n, (1, 3, 7)) for n in (0, 1, 2, 7, 8)] == ["1", "1", "3", "7", "more"]


MODEL = LinearModel({"cue.lexicon=True": 3.0, "rel=ccomp": 1.0, "mark": -2.0}, bias=-1.0, threshold=0.5)


def test_the_scorer_is_the_logistic_of_the_summed_weights():
    assert MODEL.probability([]) == pytest.approx(1 / (1 + math.exp(1.0)))
    assert MODEL.probability(["cue.lexicon=True", "rel=ccomp", "unseen"]) == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_the_best_choice_clears_the_threshold_or_is_no_one():
    assert best_choice(MODEL, [("mark",), ("cue.lexicon=True",), ("cue.lexicon=True",)]) == 1
    assert best_choice(MODEL, [("mark",), ()]) is None
    assert best_choice(MODEL, []) is None


def test_accepted_candidates_share_no_tokens_and_no_cue():
    sentence = features_of(INVERTED)
    model = LinearModel({"rel=before": 2.0, "rel=nsubj": 1.0}, bias=0.0, threshold=0.5)
    kept = accepted(model, sentence.candidates(), 0.5)
    assert [sentence.doc.text[c.char_start : c.char_end] for _, c in kept] == ["De tijd is rijp"]


def test_the_corpus_split_and_labels_follow_articles_and_gold():
    assert held_out("ned.train/12/3") and not held_out("ned.train/13/0")
    sentence = features_of(REPORTED)
    text = sentence.doc.text
    start = text.index("het kabinet")
    record = {"text": text, "quotes": [{"content": "het kabinet belastingen verhoogt", "start": start,
                                        "cue": "zei", "speaker": "Minister Bos", "kind": "indirect"}]}
    gold = gold_quotes(record)
    assert gold[0][1] == (text.index("zei"), text.index("zei") + 3)
    labels = {text[c.char_start : c.char_end]: content_label(c, gold, sentence.doc) for c in sentence.candidates()}
    assert labels["het kabinet belastingen verhoogt"] == 1


needs_model = pytest.mark.skipif(find_model("nl") is None, reason="no trained model in models/nl")


def test_the_shipped_weights_load_small_and_plain():
    models = learned_models()
    assert models.content.weights and models.speaker.weights
    assert 0 < models.content.threshold < 1 and 0 < models.speaker.threshold < 1


@needs_model
@pytest.mark.parametrize("mode", ["rules", "learned", "both"])
def test_the_quotes_stage_runs_in_every_mode(mode):
    nlp = build_pipeline(config={"kroniek_quotes": {"attribution": mode}})
    text = "Minister Karin Bos zei dinsdag dat het kabinet de belastingen verhoogt. Volgens de woordvoerder is er geen geld."
    quotes = nlp(text)._.quotes
    found = {q.content.text: q for q in quotes}
    assert "het kabinet de belastingen verhoogt" in found
    assert found["het kabinet de belastingen verhoogt"].speaker == "Karin Bos"
    assert all(text[q.content.start : q.content.end] == q.content.text for q in quotes)


def test_an_unknown_mode_is_refused_with_the_valid_ones():
    with pytest.raises(PipelineError, match="rules, learned, both"):
        build_pipeline(config={"kroniek_quotes": {"attribution": "neural"}})


def test_a_missing_model_folder_names_the_rebuild_command(tmp_path):
    with pytest.raises(PipelineError, match="kroniek train attribution"):
        learned_models(str(tmp_path))
