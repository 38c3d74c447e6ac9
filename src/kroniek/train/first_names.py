"""Builds `lang/nl/first_name_genders.tsv`, the first names whose gender a Dutch text can count on.

The source is the first-name dictionary the gender-guesser package ships (Jörg Michael's
`nam_dict.txt`, GNU FDL), a training dependency only, so the run-time stages read the table this
module writes. A name's gender is the one the dictionary gives for the Netherlands, else for
Belgium, else for all countries together; a name it calls mostly male, mostly female or unisex
there ("Kim", "Femke", "Lee") is left out, so it stays open to both "hij" and "zij".

Run `python -m kroniek.train.first_names` from the repository root to rewrite the table.
"""

from __future__ import annotations

from pathlib import Path

from .gazetteer import given_names

COUNTRIES = ("the_netherlands", "belgium", None)
"""Where the dictionary is asked, in order; None asks it for all countries together."""
GENDERS = {"male": "m", "female": "f"}
TABLE = Path(__file__).parents[1] / "lang" / "nl" / "first_name_genders.tsv"
HEADER = (
    "# First names and their gender (m, f) in Dutch texts, written by kroniek/train/first_names.py\n"
    "# from gender-guesser's nam_dict.txt (Jörg Michael, GNU Free Documentation License 1.2).\n"
    "name\tgender\n"
)


def first_name_genders() -> dict[str, str]:
    """Every given name of the dictionary with a clear gender, as 'm' or 'f'."""
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector(case_sensitive=True)
    genders = {}
    for name in sorted(given_names()):
        gender = next((GENDERS[found] for found in (_asked(detector, name, c) for c in COUNTRIES)
                       if found in GENDERS), None)
        if gender is not None:
            genders[name] = gender
    return genders


def _asked(detector, name: str, country: str | None) -> str:
    return detector.get_gender(name, country) if country else detector.get_gender(name)


def main() -> None:
    """Write the table."""
    rows = "".join(f"{name}\t{gender}\n" for name, gender in first_name_genders().items())
    TABLE.write_text(HEADER + rows, encoding="utf-8")


if __name__ == "__main__":
    main()
