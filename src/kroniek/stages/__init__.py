"""Kroniek's pipeline stages: one module per stage, each a registered spaCy component.

A stage registers itself (with `Language.component` or `Language.factory`, a name starting with
`kroniek_`, and its `requires` and `assigns`) by being a module here; importing this package
registers them all. The pipeline orders the stages by what they require and assign.
"""

from ..discovery import import_submodules

STAGE_MODULES = import_submodules(__name__)
