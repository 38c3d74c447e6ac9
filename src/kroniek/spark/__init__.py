"""Kroniek on Spark: the same pure analysis of one document, run inside executors over many files.

`tables` names the columns of every Parquet dataset, `worker` is what an executor runs (plain
Python, no pyspark), and `job` is the driver that reads, deduplicates, analyses and writes. Only
`job` imports pyspark, so the rest of Kroniek never needs it.
"""
