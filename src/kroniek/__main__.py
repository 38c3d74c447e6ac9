"""`python -m kroniek`: the same as the `kroniek` command."""

from .cli import main

main()
