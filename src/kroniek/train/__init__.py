"""Training of the shipped models: gold data to spaCy DocBins, configs to trained pipelines.

`kroniek train nl` (kroniek.train.cli) rebuilds models/nl from ../shared/data with the configs under
models/configs; see models/README.md.
"""
