"""The Dutch news tokenizer rules: quotes, abbreviations, numbers and hyphenated names."""

from __future__ import annotations

import pytest
import spacy

from kroniek.lang.nl.tokenizer import customize_tokenizer, read_word_list


@pytest.fixture(scope="module")
def tokenize():
    nlp = spacy.blank("nl")
    customize_tokenizer(nlp)
    return lambda text: [token.text for token in nlp(text)]


@pytest.mark.parametrize(
    "text, tokens",
    [
        (",,We gaan door,'' zei de wethouder.", [",,", "We", "gaan", "door", ",", "''", "zei", "de", "wethouder", "."]),
        ("De minister zei:,,Nee.''", ["De", "minister", "zei", ":", ",,", "Nee", ".", "''"]),
        ("Hij sprak van ,,een zwarte dag''.", ["Hij", "sprak", "van", ",,", "een", "zwarte", "dag", "''", "."]),
        ("„Het is klaar”, aldus de bond.", ["„", "Het", "is", "klaar", "”", ",", "aldus", "de", "bond", "."]),
    ],
)
def test_dutch_quotes_are_tokens_of_their_own(tokenize, text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Dhr. Visser kwam o.a. met de fiets.", ["Dhr.", "o.a."]),
        ("Het gaat om mr. drs. P. de Boer, bijv. in de raad.", ["mr.", "drs.", "bijv."]),
        ("Dat is, d.w.z. voorlopig, z.g.a.n. en kost ca. 3 mld. euro.", ["d.w.z.", "z.g.a.n.", "ca.", "mld."]),
        ("Het gebeurde op 3 okt. in 's-Hertogenbosch.", ["okt.", "'s-Hertogenbosch"]),
    ],
)
def test_abbreviations_keep_their_full_stop(tokenize, text, kept):
    tokens = tokenize(text)
    assert all(word in tokens for word in kept)
    assert tokens[-1] == "."


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Dat doe ik zo.", ["Dat", "doe", "ik", "zo", "."]),
        ("Ze liep 5 km.", ["Ze", "liep", "5", "km", "."]),
        ("Hij heet Jan.", ["Hij", "heet", "Jan", "."]),
    ],
)
def test_words_at_sentence_end_lose_their_full_stop(tokenize, text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Kim Jong-un reisde per trein.", ["Kim", "Jong-un", "reisde", "per", "trein", "."]),
        ("Kremlin-woordvoerder Peskov, VVD-leider en Noord-Korea.",
         ["Kremlin-woordvoerder", "Peskov", ",", "VVD-leider", "en", "Noord-Korea", "."]),
        ("Het kost 40 miljard euro.", ["Het", "kost", "40", "miljard", "euro", "."]),
        ("Dat is 3,5 procent of €2,4 miljoen.", ["Dat", "is", "3,5", "procent", "of", "€", "2,4", "miljoen", "."]),
        ("'s Avonds kwam zo'n groep auto's.", ["'s", "Avonds", "kwam", "zo'n", "groep", "auto's", "."]),
    ],
)
def test_names_numbers_and_elisions_stay_whole(tokenize, text, tokens):
    assert tokenize(text) == tokens


def test_rules_survive_saving_and_loading(tmp_path):
    nlp = spacy.blank("nl")
    customize_tokenizer(nlp)
    customize_tokenizer(nlp)
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    text = "Zij zei:,,Ja'' tegen dhr. Peters in 's-Hertogenbosch."
    assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]


def test_word_lists_have_no_duplicates():
    for name in ("abbreviations.txt", "single_tokens.txt"):
        words = read_word_list(name)
        assert words and len(words) == len(set(words))
