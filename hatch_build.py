"""Build hook: puts the shipped models (models/<lang>) into the wheel as kroniek/_models/<lang>."""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShipModels(BuildHookInterface):
    """Force-include every trained model folder under models/ that has a meta.json."""

    def initialize(self, version, build_data):
        if self.target_name != "wheel" or version == "editable":
            return
        for meta in Path(self.root, "models").glob("*/meta.json"):
            build_data["force_include"][str(meta.parent)] = f"kroniek/_models/{meta.parent.name}"
