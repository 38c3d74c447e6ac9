"""The `kroniek` command: thin commands over the library.

Data goes to stdout, progress and messages to stderr. Exit codes: 0 all went in, 1 some input
was skipped (or a command failed, with a one-line message), 2 usage errors.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from .errors import KroniekError
from .store_option import DB_HELP, db_option

FORMATS = ("json", "jsonl", "table")

EVALUATED_LAYERS = ("ner", "ud", "quotes", "claims", "timexes", "places", "quantities", "events", "cdcr")
"""The layers `kroniek eval` scores: each names a scorer module under `kroniek.evaluate`, imported by name only
when the command runs, so that nothing outside `evaluate/` depends on it."""


class KroniekGroup(click.Group):
    """A click group that turns Kroniek's own errors into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KroniekError as error:
            raise click.ClickException(str(error)) from error


def _published(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date such as 2023-09-12") from None


def _stderr():
    from rich.console import Console

    return Console(stderr=True)


@click.group(cls=KroniekGroup)
@click.version_option(package_name="kroniek")
def cli() -> None:
    """Kroniek turns news reports into a sourced, structured record: who said what, who did what
    to whom, where and when, and how sure each source is of each claim."""


def _print_articles(articles: Iterable, output_format: str) -> None:
    from rich.console import Console

    from .terminal import render_article

    articles = list(articles) if output_format == "json" else articles
    if output_format == "json":
        payload = [a.model_dump(mode="json") for a in articles]
        click.echo(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
        return
    console = Console()
    for article in articles:
        if output_format == "jsonl":
            click.echo(article.model_dump_json())
        else:
            render_article(article, console)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=_published, help="Publication date (YYYY-MM-DD) of articles that lack one.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="json", show_default=True)
def analyze(inputs: tuple[str, ...], published: dt.date | None, output_format: str) -> None:
    """Analyse articles (.txt, .html, .jsonl, RSS/Atom feeds, WARC files, archives, a folder, or - for stdin)
    and print their records."""
    from .analysis import analyze_documents
    from .ingest import read_inputs
    from .pipeline import SUPPORTED_LANGUAGES, load_pipeline
    from .source import Skipped

    skipped = []

    def documents():
        for item in read_inputs(inputs, SUPPORTED_LANGUAGES):
            if isinstance(item, Skipped):
                skipped.append(item)
                click.echo(f"skipped {item.source}: {item.reason} ({item.detail})", err=True)
            else:
                yield item if item.published or not published else item.model_copy(update={"published": published})

    pairs = analyze_documents(documents(), load_pipeline())
    _print_articles((article for _, article in pairs), output_format)
    sys.exit(1 if skipped else 0)


EXIT_INTERRUPTED = 130
"""The exit code of a command stopped by Ctrl-C, as shells report a process ended by SIGINT."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option(exists=False, help=f"{DB_HELP} A new file or database is created.")
@click.option("--published", callback=_published, help="Publication date for articles that lack one.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Worker processes.")
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--near-duplicates", "similarity", type=click.FloatRange(0, 1),
              help="Jaccard similarity from which a text is kept as a near-duplicate of an earlier article"
                   " instead of analysed (default: the threshold measured in benchmarks/near_duplicates.py).")
def ingest(inputs, db_path, published, batch_size, workers, silent, similarity) -> None:
    """Read, analyse and store articles (.txt, .html, .jsonl, RSS/Atom feeds, WARC files, archives,
    folders, - for stdin); re-running stores nothing twice, and a near-duplicate of an article is
    kept as a link to it. Ctrl-C stops after the last whole batch, says how many were stored and exits with 130."""
    from .batch import Summary
    from .batch import ingest as run_ingest
    from .ingest import count_inputs, read_inputs
    from .ingest.neardup import THRESHOLD
    from .pipeline import SUPPORTED_LANGUAGES, load_pipeline
    from .progress import progress_display
    from .store import open_store

    items = (
        item if getattr(item, "published", True) or not published else item.model_copy(update={"published": published})
        for item in read_inputs(inputs, SUPPORTED_LANGUAGES)
    )
    shown = not silent and sys.stderr.isatty()
    summary, total = Summary(), count_inputs(inputs) if shown else None
    try:
        with open_store(db_path) as store, progress_display(_stderr(), shown, total) as progress:
            task = progress.add_task("ingesting", total=total)
            run_ingest(items, store, load_pipeline(), batch_size, workers, on_item=lambda: progress.advance(task),
                       summary=summary, threshold=THRESHOLD if similarity is None else similarity)
    except KeyboardInterrupt:
        click.echo(f"interrupted: stored {summary.stored} so far", err=True)
        sys.exit(EXIT_INTERRUPTED)
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.n_skipped else 0)


@cli.command()
@db_option()
@click.option("--format", "output_format", type=click.Choice(("jsonl", "csv", "parquet")), default="jsonl",
              show_default=True)
@click.option("--layer", default="articles", show_default=True,
              help="Table to export as CSV or Parquet: articles, a layer (quotes, claims, events, …) or a corpus"
                   " table (corpus_entities, corpus_members, stories, story_articles, cross_contradictions).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (required for parquet).")
def export(db_path: str, output_format: str, layer: str, output: str | None) -> None:
    """Export the store: whole articles as JSON Lines, or one table as CSV or Parquet."""
    from .export import export_store
    from .store import open_store

    if output_format == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    with open_store(db_path) as store:
        export_store(store, output_format, layer, Path(output) if output else None)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of an Article record."""
    from .records import article_schema

    click.echo(json.dumps(article_schema(), indent=2, ensure_ascii=False))


@cli.command("eval")
@click.argument("layer", type=click.Choice(EVALUATED_LAYERS))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--attribution", type=click.Choice(("rules", "learned", "both")), default=None,
              help="How quotes (and so claims) are attributed; default: the quotes stage's own (both).")
@click.option("--triggers", type=click.Choice(("lexicon", "learned", "both")), default=None,
              help="Who decides event triggers and types; default: the events stage's own.")
def evaluate(layer: str, gold: str, attribution: str | None, triggers: str | None) -> None:
    """Score the pipeline against a gold file; the metrics are the JSON object on the last line."""
    from importlib import import_module

    from .errors import GoldFormatError
    from .pipeline import build_pipeline, load_pipeline

    scorer = import_module(f"kroniek.evaluate.{layer}")
    config = {stage: {option: value} for stage, option, value in (
        ("kroniek_quotes", "attribution", attribution), ("kroniek_events", "triggers", triggers)) if value is not None}
    nlp = build_pipeline(config=config) if config else load_pipeline()
    try:
        metrics = scorer.evaluate(Path(gold), nlp)
    except GoldFormatError as error:
        click.echo(f"error: malformed gold: {error}", err=True)
        sys.exit(1)
    click.echo(json.dumps(metrics, ensure_ascii=False))


def _add_layer_commands() -> None:
    from importlib import import_module

    from .discovery import import_submodules

    for name in import_submodules("kroniek.commands"):
        command = getattr(import_module(f"kroniek.commands.{name}"), "command", None)
        if command is not None:
            cli.add_command(command)


_add_layer_commands()


def main() -> None:
    """Entry point of the `kroniek` script."""
    cli(prog_name="kroniek")
