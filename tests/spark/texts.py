"""A small Dutch collection written for the Spark tests: three reports, one of them twice, a JSON Lines
file with a dated article, and a file that is not text at all."""

from __future__ import annotations

import json
from pathlib import Path

HAVEN = (
    "De havenbaas van Rotterdam, Karin de Groot, zei maandag dat de containeroverslag dit jaar met "
    "zes procent is gedaald. „We merken de onrust in de Rode Zee elke week”, aldus De Groot.\n\n"
    "Volgens het Havenbedrijf liggen er nog veertig schepen voor de kust te wachten."
)
DIJK = (
    "Het waterschap in Friesland versterkt de komende drie jaar twaalf kilometer dijk langs het IJsselmeer. "
    "Een woordvoerder zei dat de werkzaamheden in april beginnen en ongeveer 80 miljoen euro kosten.\n\n"
    "Omwonenden vrezen volgens de dorpsraad overlast van vrachtverkeer."
)
STAKING = (
    "Honderden buschauffeurs in Limburg legden donderdag het werk neer. De vakbond zei dat de actie "
    "vrijdag wordt voortgezet als er geen nieuw aanbod komt. Het vervoersbedrijf ontkende dat de "
    "gesprekken waren vastgelopen."
)
BINARY = b"\x00\x01PK\x03\x04\x00\x00\xff\xfe\x00binair\x00\x00"


def write_collection(folder: Path) -> Path:
    """Write the collection under `folder` (HAVEN twice, once in a subfolder) and return it."""
    (folder / "regio").mkdir(parents=True)
    (folder / "haven.txt").write_text(HAVEN, encoding="utf-8")
    (folder / "regio" / "haven-kopie.txt").write_text(HAVEN, encoding="utf-8")
    (folder / "regio" / "dijk.html").write_text(
        f"<html><head><title>Dijkversterking</title></head><body><article><h1>Dijkversterking</h1>"
        f"{''.join(f'<p>{p}</p>' for p in DIJK.split(chr(10) * 2))}</article></body></html>", encoding="utf-8")
    line = {"id": "bus-limburg", "title": "Staking bij de bus", "published": "2024-02-08", "text": STAKING}
    (folder / "nieuws.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "kapot.txt").write_bytes(BINARY)
    return folder
