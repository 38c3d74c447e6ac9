"""Long texts are analysed in sections and merged into one Article: offsets point into the whole
text, every cross-reference (entity, mention, quote, claim) stays right, ids stay unique."""

from __future__ import annotations

from kroniek.analysis import analyze_documents
from kroniek.sections import Sectioning, sections
from kroniek.source import RawDocument

from .articlegen import article

PARAGRAPH = "De raad vergaderde lang. Er viel geen besluit.\n\n"


def _cuts(text: str, limit: int) -> list[str]:
    parts = list(sections(text, limit))
    assert "".join(part for _, part in parts) == text
    assert [offset for offset, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]
    assert all(len(part) <= limit for _, part in parts)
    return [part for _, part in parts]


def test_a_short_text_is_one_section():
    assert _cuts(PARAGRAPH, 1000) == [PARAGRAPH]


def test_sections_end_at_blank_lines():
    assert all(cut.endswith("\n\n") for cut in _cuts(PARAGRAPH * 40, 200))


def test_without_blank_lines_sections_end_after_a_sentence():
    assert all(cut.endswith(". ") for cut in _cuts(PARAGRAPH.replace("\n\n", " ") * 40, 200)[:-1])


def test_without_sentences_sections_end_at_whitespace_or_anywhere():
    assert all(cut.endswith(" ") for cut in _cuts("woord " * 500, 100)[:-1])
    assert _cuts("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_a_text_over_spacys_max_length_is_analysed(blank_nlp):
    text = PARAGRAPH * (blank_nlp.max_length // len(PARAGRAPH) + 100)
    ((_, result),) = analyze_documents([RawDocument(text=text)], blank_nlp)
    assert result.text == text and len(result.paragraphs) == text.count("\n\n")
    assert result.sentences[-1].text == "Er viel geen besluit."
    assert result.sentences[-1].end == len(text) - 2


def _assert_grounded_and_linked(result) -> None:
    for layer in ("paragraphs", "sentences", "mentions", "timexes", "places", "quantities"):
        assert all(result.text[s.start:s.end] == s.text for s in getattr(result, layer)), layer
    spans = [q.content for q in result.quotes] + [c.content for c in result.claims] + [e.trigger for e in result.events]
    assert all(result.text[s.start:s.end] == s.text for s in spans)
    assert [e.id for e in result.entities] == list(range(len(result.entities)))
    assert all(result.mentions[m].entity == e.id for e in result.entities for m in e.mentions)
    claim_ids = [c.id for c in result.claims]
    assert len(set(claim_ids)) == len(claim_ids)
    assert all(c.quote is None or c.quote < len(result.quotes) for c in result.claims)
    assert all(e.claim is None or e.claim in claim_ids for e in result.events)
    assert all({x.claim_a, x.claim_b} <= set(claim_ids) for x in result.contradictions)


def test_a_sectioned_article_is_the_sum_of_its_sections(nlp):
    text = "\n\n".join(article(seed) for seed in range(4))
    ((_, whole),) = analyze_documents([RawDocument(text=text)], nlp, sectioning=Sectioning(whole=1200, section=1200))
    parts = [RawDocument(text=part) for _, part in sections(text, 1200)]
    alone = [result for _, result in analyze_documents(parts, nlp)]
    assert len(alone) > 2
    assert whole.text == text
    for layer in ("sentences", "mentions", "entities", "quotes", "claims", "events", "timexes", "quantities"):
        assert len(getattr(whole, layer)) == sum(len(getattr(a, layer)) for a in alone), layer
    assert whole.claims and whole.entities and whole.quotes
    _assert_grounded_and_linked(whole)


def test_worker_processes_section_long_texts_too(nlp):
    text = "\n\n".join(article(seed) for seed in range(3))
    small = Sectioning(whole=900, section=900)
    results = [r for _, r in analyze_documents([RawDocument(text=text)], nlp, n_process=2, sectioning=small)]
    assert len(results) == 1 and len(results[0].sentences) > 3
    _assert_grounded_and_linked(results[0])
