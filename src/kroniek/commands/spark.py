"""`kroniek spark`: analyse a collection on a Spark cluster (or locally) and write every layer as Parquet."""

from __future__ import annotations

import sys

import click


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", required=True, help="Folder or Hadoop-compatible URI to write the Parquet datasets under.")
@click.option("--master", help="Spark master (local[2], yarn, k8s://…); by default what spark-submit set, else local[*].")
def command(inputs: tuple[str, ...], output: str, master: str | None) -> None:
    """Analyse .txt, .html, .jsonl files and archives of them (local paths or URIs: hdfs://, s3a://) in Spark
    executors; write articles, each layer and the skipped inputs as Parquet under OUTPUT. Re-running
    adds only what is new; exact duplicates are analysed once. Exit 1 when an input was skipped."""
    try:
        from ..spark.job import run, session
    except ImportError as error:
        raise click.ClickException(f"{error}; install the spark extra: pip install 'kroniek[spark]'") from error
    summary = run(session(master), list(inputs), output)
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.n_skipped else 0)
