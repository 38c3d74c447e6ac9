"""Language identification of an article's text, deterministic from run to run."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ('und' when it cannot be told)."""
    try:
        guesses = detect_langs(text[:3000])
    except LangDetectException:
        return "und"
    return guesses[0].lang if guesses else "und"
