"""`kroniek train nl` rebuilds the shipped Dutch model from the shared data; `kroniek train attribution`
the learned attribution models from the attribution corpus, `kroniek train events` the learned event
trigger classifier from the event corpus (run them from the repo root)."""

from __future__ import annotations

import os
from pathlib import Path

import click

SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
LEARNED = {
    "attribution": ("kroniek.train.attribution_model", "train_attribution", "parse"),
    "events": ("kroniek.train.event_model", "train_events", "kroniek_events"),
}
"""The learned models: module and function of each, and the stage their training pipeline stops
before ("parse": the shipped pipeline's parse only; the event triggers read the quotes and claims)."""


@click.command("train")
@click.argument("target", type=click.Choice(["nl", "attribution", "events"]))
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True, help="The shared data folder.")
@click.option("--configs", "config_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("models/configs"), show_default=True, help="Folder of the training configs.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(".cache/train"), show_default=True, help="DocBins and checkpoints (not in git).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Where the models are saved  [default: models/TARGET]")
@click.option("--epochs", type=click.IntRange(min=1), default=None,
              help="Override the configs' max_epochs (for a quick model).")
def train_command(target: str, data_dir: Path, config_dir: Path, cache_dir: Path, output_dir: Path | None,
                  epochs: int | None) -> None:
    """Train TARGET and save it to --output: `nl`, the Dutch pipeline (tagger, morphology, lemmas,
    parser, NER); `attribution`, the learned quote models, and `events`, the learned event trigger
    classifier (both on the shipped Dutch pipeline's parse)."""
    for name in SINGLE_THREAD:
        os.environ.setdefault(name, "1")
    output_dir = output_dir or Path("models") / target
    if target in LEARNED:
        _train_learned(target, output_dir)
        return
    from kroniek.train.driver import train_nl

    nlp = train_nl(data_dir, config_dir, cache_dir, output_dir, epochs)
    click.echo(f"saved {' > '.join(nlp.pipe_names)} to {output_dir}", err=True)


def _train_learned(target: str, output_dir: Path) -> None:
    """Train the learned models of `target` on the shipped Dutch pipeline, up to its stop stage."""
    import json
    from importlib import import_module

    from kroniek.pipeline import ANALYSIS_STAGES, build_pipeline

    module, function, stop = LEARNED[target]
    names = [stage.name for stage in ANALYSIS_STAGES]
    nlp = build_pipeline(exclude=names[names.index(stop):] if stop in names else names)
    meta = getattr(import_module(module), function)(output_dir, nlp)
    click.echo(json.dumps(meta["scores_held_out"]), err=True)
    click.echo(f"saved the {target} models to {output_dir}", err=True)
