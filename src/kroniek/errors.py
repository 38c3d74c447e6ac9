"""Every error Kroniek reports to a user: each names the cause and, where there is one, the fix."""

from __future__ import annotations


class KroniekError(Exception):
    """Base of the errors a user may see; the CLI prints them as one line, never a traceback."""


class PipelineError(KroniekError):
    """The pipeline cannot be built or would not satisfy a stage's requirements."""


class GoldFormatError(KroniekError):
    """A gold file for `kroniek eval` is malformed; the message names the line and the problem."""


class StoreError(KroniekError):
    """The store cannot be opened or written."""


def missing_requirements_message(stage: str, missing: list[str], pipe_names: list[str]) -> str:
    """Say which requirements of `stage` nothing before it assigns, and what the pipeline holds."""
    return (
        f"stage '{stage}' requires {', '.join(missing)}, which no earlier stage assigns. "
        f"Pipeline: {' > '.join(pipe_names)}. Add a stage that assigns them before '{stage}', "
        "or remove it."
    )


def stage_order_message(stage: str, waiting: list[str], order: list[str]) -> str:
    """Say which requirements of `stage` only itself or a later stage assigns, in which order."""
    return (
        f"stage '{stage}' requires {', '.join(waiting)}, which only it or a later stage assigns "
        f"(a cycle or a misordering). Order: {' > '.join(order)}. Move the stage that assigns them "
        "before it in pipeline.py, or drop the requirement."
    )


def unknown_option_message(option: str, value: str, valid: tuple[str, ...]) -> str:
    """Say that `value` is no valid setting of `option`, and which are."""
    return f"'{value}' is not a valid {option} setting; valid: {', '.join(valid)}."


def missing_model_message(what: str, folder: str, rebuild: str) -> str:
    """Say which trained model is missing where, and the command that rebuilds it."""
    return f"no {what} in {folder}: rebuild it with `{rebuild}`, or run with the rules only."
