"""Commands that each layer adds to `kroniek`: one module per command, each exposing `command`.

A module here that defines a click command named `command` is registered under that command's
name; the core commands (analyze, ingest, export, schema, eval) live in `kroniek.cli`.
"""
