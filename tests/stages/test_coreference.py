"""In-article coreference: descriptions and pronouns become mentions of the entity they refer to,
and what does not resolve gets no mention. The sentences are written for these tests and run
through the shipped model."""

from __future__ import annotations

import pytest

from kroniek.coreference.lexicon import coreference_lexicon


def _referent(doc, word: str, nth: int = 0) -> tuple[str, str] | None:
    """(kind, entity name) of the mention that covers the `nth` occurrence of `word`, if any."""
    tokens = [t for t in doc if t.text == word]
    start = tokens[nth].idx
    mention = next((m for m in doc._.mentions if m.start <= start < m.end), None)
    return None if mention is None else (mention.kind, doc._.entities[mention.entity].name)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Heineken maakte dinsdag de cijfers bekend. Het concern boekte meer winst dan verwacht.", "concern", "Heineken"),
        ("Ajax won zondag van PSV. De club staat nu bovenaan.", "club", "Ajax"),
        ("Minister Karin Bos opende woensdag de nieuwe brug in Zwolle. De minister sprak van een historische dag.",
         "minister", "Karin Bos"),
        ("Sanne Vermeer, burgemeester van Zwolle, opende het museum. De burgemeester was zichtbaar trots.",
         "burgemeester", "Sanne Vermeer"),
    ],
)
def test_a_definite_description_refers_back_to_the_entity_it_describes(nlp, text, word, expected):
    doc = nlp(text)
    assert _referent(doc, word, nth=-1) == ("description", expected)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Topman Pieter de Wit van Heineken vertrekt na tien jaar.", "Topman", "Pieter de Wit"),
        ("Sanne Vermeer, burgemeester van Zwolle, opende het museum.", "burgemeester", "Sanne Vermeer"),
        ("De zangeres Fleur Bakker trad op in Amsterdam.", "zangeres", "Fleur Bakker"),
    ],
)
def test_a_role_in_apposition_describes_the_name_beside_it(nlp, text, word, expected):
    doc = nlp(text)
    assert _referent(doc, word) == ("description", expected)
    assert expected in [e.name for e in doc._.entities]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Kees Jansen belde dinsdag met Anna de Groot. Ze zegt dat hij boos was.", "Ze", "Anna de Groot"),
        ("Kees Jansen belde dinsdag met Anna de Groot. Ze zegt dat hij boos was.", "hij", "Kees Jansen"),
        ("Anna de Groot prees Kees Jansen. Volgens haar heeft hij het goed gedaan.", "haar", "Anna de Groot"),
        ("Pieter de Wit verkoopt zijn aandelen in het bedrijf.", "zijn", "Pieter de Wit"),
        ("De zangeres Fleur Bakker trad op in Amsterdam. Ze zong twee uur lang.", "Ze", "Fleur Bakker"),
    ],
)
def test_a_pronoun_refers_to_the_person_it_agrees_with_in_gender(nlp, text, word, expected):
    assert _referent(nlp(text), word) == ("pronoun", expected)


def test_a_plural_pronoun_refers_to_an_organisation(nlp):
    doc = nlp("Heineken meldt dat ze de lonen volgend jaar verhogen.")
    assert _referent(doc, "ze") == ("pronoun", "Heineken")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Heineken verhoogt de prijzen van bier. Hij zegt dat de kosten stijgen.", "Hij"),
        ("De man werd dinsdag in Utrecht aangehouden. Hij had een mes bij zich.", "Hij"),
        ("Lars Visser zei dat de stakers vinden dat ze te weinig verdienen.", "ze"),
    ],
)
def test_a_pronoun_with_no_agreeing_entity_stays_unresolved(nlp, text, word):
    assert _referent(nlp(text), word) is None


def test_an_entity_keeps_its_fullest_name_and_lists_its_descriptions_and_pronouns(nlp):
    doc = nlp("Minister Karin Bos opende de brug. De minister zei dat ze trots was.")
    entity = next(e for e in doc._.entities if e.name == "Karin Bos")
    kinds = [doc._.mentions[i].kind for i in entity.mentions]
    assert kinds == ["description", "name", "description", "pronoun"]
    assert [m.start for m in doc._.mentions] == sorted(m.start for m in doc._.mentions)


def test_a_name_the_tagger_found_once_is_a_mention_wherever_it_is_repeated():
    from tests.stages.parsed import parsed

    doc = parsed("""
    Volgens volgens ADP 2 case
    Boeing Boeing PROPN 3 obl B-ORG
    daalt dalen VERB 0 root
    de de DET 5 det
    vraag vraag NOUN 3 nsubj
    . . PUNCT 3 punct
    Boeing Boeing PROPN 8 nsubj
    bouwt bouwen VERB 0 root
    volgens volgens ADP 10 case
    plan plan NOUN 8 obl
    . . PUNCT 8 punct
    """)
    assert [(m.text, m.label, m.kind) for m in doc._.mentions] == [("Boeing", "ORG", "name"), ("Boeing", "ORG", "name")]
    assert len(doc._.entities) == 1


def test_the_lexicon_reads_compounds_roles_and_first_names():
    lexicon = coreference_lexicon("nl")
    assert lexicon.description("vliegtuigfabrikant").type == "ORG"
    assert lexicon.description("Defensieminister").kind == "role"
    assert lexicon.description("woordvoerster").gender == "f"
    assert lexicon.description("ministerie").kind == "named"
    assert lexicon.description("hoofdstad").type == "LOC" and lexicon.description("buitenland") is None
    assert lexicon.first_names["Karin"] == "f" and lexicon.first_names["Pieter"] == "m"
    assert "Kim" not in lexicon.first_names
