"""`kroniek train LANG`: registered here; the command lives with the training code."""

from ..train.cli import train_command as command

__all__ = ["command"]
