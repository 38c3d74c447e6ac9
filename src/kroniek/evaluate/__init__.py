"""Scorers for every layer, as ../shared/docs/gold-formats.md defines them.

Each layer has a module here with `evaluate(gold_path, nlp) -> dict`; `kroniek eval LAYER GOLD`
prints that dict as JSON on its last line. Nothing outside this package imports it: the
scorers depend on everything, and nothing depends on them.
"""
