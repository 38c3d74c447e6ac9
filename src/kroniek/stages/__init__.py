"""Kroniek's pipeline stages: one module per stage, each a registered spaCy component.

A stage registers itself (with `Language.component` or `Language.factory`, a name starting with
`kroniek_`, and its `requires` and `assigns`) by being a module here; importing this package
registers them all. Helpers of the stages live in their own packages (`attribution/`, `events/`,
`syntax/`, …); here are components only. The order they run in is the explicit list in
`pipeline.py`, checked against what each requires and assigns.
"""

from ..discovery import import_submodules

STAGE_MODULES = import_submodules(__name__)
