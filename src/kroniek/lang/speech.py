"""The speech lexicon of a language: reporting verbs with their frames, attribution phrases,
role nouns and quote marks, read once from the tables under `lang/<code>/`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from . import first_column, read_lines, read_table, word_list

PREFIX = 4
"""Letters of a written verb form that must match a reporting verb before its infinitive is guessed."""


@dataclass
class SpeechLexicon:
    """Everything a quote finder needs to know about one language, as lookup tables."""

    verb_frames: dict[str, frozenset[str]]
    phrases: dict[tuple[str, ...], str]
    role_nouns: dict[str, str]
    pronouns: frozenset[str]
    not_speakers: frozenset[str]
    unnamed_sources: frozenset[str]
    quote_pairs: frozenset[tuple[str, str]]
    time_names: frozenset[str]
    irregular_forms: dict[str, str]

    def frames(self, verb: str) -> frozenset[str]:
        """The frames of a reporting verb (its dictionary form), empty for any other verb."""
        return self.verb_frames.get(verb, frozenset())

    def role_kind(self, word: str) -> str | None:
        """'person' or 'body' when `word` is a role noun or a compound ending in one, else None."""
        tail = word.lower().rsplit("-", 1)[-1]
        for size in range(len(tail), 2, -1):
            if tail[-size:] in self.role_nouns:
                return self.role_nouns[tail[-size:]]
        return None

    def phrase_at(self, words: list[str]) -> tuple[tuple[str, ...], str] | None:
        """The longest attribution phrase that `words` (lower case) open with, and its kind."""
        if not words or words[0] not in self.phrase_starts:
            return None
        for size in range(min(len(words), self.longest_phrase), 0, -1):
            kind = self.phrases.get(tuple(words[:size]))
            if kind:
                return tuple(words[:size]), kind
        return None

    def may_be_reporting(self, written: str) -> bool:
        """A cheap first test of a written verb form: does it open like some reporting verb?"""
        return written[:PREFIX] in self.verb_prefixes

    @cached_property
    def verb_prefixes(self) -> frozenset[str]:
        return frozenset(verb[:PREFIX] for verb in self.verb_frames)

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        return frozenset(words[0] for words in self.phrases)

    @cached_property
    def longest_phrase(self) -> int:
        return max(len(words) for words in self.phrases)


@cache
def speech_lexicon(lang: str) -> SpeechLexicon:
    """The speech lexicon of `lang`, read once."""
    return SpeechLexicon(
        verb_frames={row["verb"]: frozenset(row["frames"].split(",")) for row in read_table(lang, "reporting_verbs")},
        phrases={tuple(row["phrase"].split()): row["kind"] for row in read_table(lang, "attribution_phrases")},
        role_nouns={row["noun"]: row["kind"] for row in read_table(lang, "role_nouns")},
        pronouns=word_list(lang, "speaker_pronouns"),
        not_speakers=word_list(lang, "not_speakers"),
        unnamed_sources=word_list(lang, "unnamed_sources"),
        quote_pairs=frozenset(tuple(line.split()[:2]) for line in read_lines(lang, "quote_marks")),
        time_names=first_column(lang, "weekdays") | first_column(lang, "months"),
        irregular_forms={row["form"]: row["verb"] for row in read_table(lang, "reporting_verb_forms")},
    )
