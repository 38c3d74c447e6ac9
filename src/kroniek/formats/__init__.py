"""Readers of the annotated file formats that both training and evaluation read (CoNLL-2002, CoNLL-U)."""
