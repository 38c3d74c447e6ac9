"""Readers: turn files, folders and stdin into raw documents with provenance, or typed skips.

One module per input format; `read_inputs` walks paths and dispatches by extension.
"""

from .walk import count_inputs, read_inputs

__all__ = ["count_inputs", "read_inputs"]
