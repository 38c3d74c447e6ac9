"""`kroniek train nl`: rebuild the shipped Dutch model from the shared data (run from the repo root)."""

from __future__ import annotations

import os
from pathlib import Path

import click

SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@click.command("train")
@click.argument("lang", type=click.Choice(["nl"]))
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True, help="The shared data folder.")
@click.option("--configs", "config_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("models/configs"), show_default=True, help="Folder of the training configs.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(".cache/train"), show_default=True, help="DocBins and checkpoints (not in git).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("models/nl"), show_default=True, help="Where the assembled pipeline is saved.")
@click.option("--epochs", type=click.IntRange(min=1), default=None,
              help="Override the configs' max_epochs (for a quick model).")
def train_command(lang: str, data_dir: Path, config_dir: Path, cache_dir: Path, output_dir: Path,
                  epochs: int | None) -> None:
    """Train the LANG pipeline (tagger, morphology, lemmas, parser, NER) and save it to --output."""
    for name in SINGLE_THREAD:
        os.environ.setdefault(name, "1")
    from kroniek.train.driver import train_nl

    nlp = train_nl(data_dir, config_dir, cache_dir, output_dir, epochs)
    click.echo(f"saved {' > '.join(nlp.pipe_names)} to {output_dir}", err=True)
