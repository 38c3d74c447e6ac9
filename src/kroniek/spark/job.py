"""The driver of `kroniek spark`: read files with Spark, analyse new documents in executors, write Parquet.

Files are read as bytes (Spark's binaryFile source: local paths or any Hadoop-compatible URI) and
handed to Kroniek's readers in the executors (worker.py). Documents are deduplicated by content
hash, within the run and against the hashes already in OUTPUT/articles, so a run over the same
input adds nothing. Every dataset is partitioned by `run`, a name made from the hashes and skips
the run adds: a run stopped half-way and started again on the same input gets the same name and
overwrites its own partial partitions (dynamic partition overwrite) instead of adding rows twice.
The articles dataset is written last and also partitioned by publication month.
"""

from __future__ import annotations

import sys
from collections import Counter
from operator import itemgetter

from pyspark import StorageLevel
from pyspark.errors import AnalysisException
from pyspark.rdd import RDD
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from ..batch import Summary
from ..errors import KroniekError
from ..ingest import neardup
from ..records import LAYERS
from . import worker
from .tables import COLUMNS, ddl

PARTITIONS_PER_CORE = 4
"""Analysis partitions per core of the cluster, so that a slow partition does not hold up a whole core."""


def session(master: str | None = None) -> SparkSession:
    """The Spark session to run in: `master` (local[2], yarn, k8s://…) or whatever spark-submit set.
    In local mode the Python workers run this very interpreter."""
    builder = SparkSession.builder.appName("kroniek")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local"):
        builder = builder.config("spark.pyspark.python", sys.executable)
    spark = builder.config("spark.ui.showConsoleProgress", str(sys.stderr.isatty()).lower()).getOrCreate()
    _fit_shuffles(spark)
    return spark


def _fit_shuffles(spark: SparkSession) -> None:
    """Unless the user chose it, shuffle into PARTITIONS_PER_CORE partitions per core rather than
    Spark's 200, which for a small collection are mostly empty tasks."""
    context = spark.sparkContext
    if not context.getConf().contains("spark.sql.shuffle.partitions"):
        spark.conf.set("spark.sql.shuffle.partitions", str(context.defaultParallelism * PARTITIONS_PER_CORE))


def _dataset(output: str, table: str) -> str:
    """Where `table` is written under `output`, a folder or a URI."""
    return f"{output.rstrip('/')}/{table}"


def read_items(spark: SparkSession, inputs: list[str]) -> DataFrame:
    """One row per document or skip in the files under `inputs` (folders are walked)."""
    try:
        files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(inputs)
    except AnalysisException as error:
        raise KroniekError(f"cannot read the inputs: {error.getMessage()}") from error
    rows = files.select("path", "content").rdd.flatMap(worker.file_items)
    return spark.createDataFrame(rows, worker.ITEM_SCHEMA)


def _exists(spark: SparkSession, path: str) -> bool:
    """True when `path` (any Hadoop-compatible URI) exists, asked of Hadoop's FileSystem."""
    context = spark.sparkContext
    hadoop_path = context._jvm.org.apache.hadoop.fs.Path(path)  # type: ignore[union-attr]
    return bool(hadoop_path.getFileSystem(context._jsc.hadoopConfiguration()).exists(hadoop_path))  # type: ignore[union-attr]


def _written(spark: SparkSession, output: str, table: str) -> DataFrame | None:
    """What an earlier run wrote to `table` under `output`, or None when there is nothing yet."""
    path = _dataset(output, table)
    return spark.read.schema(ddl(table)).parquet(path) if _exists(spark, path) else None


def _without(frame: DataFrame, written: DataFrame | None, keys: list[str]) -> DataFrame:
    """The rows of `frame` whose `keys` are not among the rows already `written`."""
    return frame if written is None else frame.join(written.select(*keys).distinct(), keys, "left_anti")


def new_documents(spark: SparkSession, items: DataFrame, output: str) -> DataFrame:
    """One document per content hash (the first in the order of the inputs), leaving out hashes already written."""
    documents = items.where(F.col("reason").isNull())
    unique = documents.groupBy("content_hash").agg(*(F.min_by(column, "origin").alias(column)
                                                     for column in ("payload", "source", "origin")))
    return _without(unique, _written(spark, output, "articles"), ["content_hash"])


def new_skips(spark: SparkSession, items: DataFrame, output: str) -> DataFrame:
    """The skipped inputs not already recorded in the output."""
    skips = items.where(F.col("reason").isNotNull()).select(*COLUMNS["skipped"]).distinct()
    return _without(skips, _written(spark, output, "skipped"), list(COLUMNS["skipped"]))


def near_duplicates(spark: SparkSession, documents: DataFrame, output: str) -> tuple[list[tuple], list[tuple]]:
    """The new documents' signatures (made in executors), in the order of the inputs, sorted into those
    kept and the near-duplicates of a document kept in this run or an earlier one: (hash, signature) rows and (hash, source,
    duplicate_of, similarity) rows. The signatures meet in one index on the driver: about 1 kB each."""
    index = neardup.NearDuplicateIndex()
    earlier = _written(spark, output, "signatures")
    for row in earlier.toLocalIterator() if earlier is not None else ():
        index.add(row["content_hash"], neardup.decode(row["signature"]))
    kept, links = [], []
    signed = documents.orderBy("origin").select("content_hash", "source", "payload").rdd.map(worker.signed).collect()
    for content, source, text in signed:
        values = neardup.decode(text)
        found = index.match(values)
        if found is None:
            index.add(content, values)
            kept.append((content, text))
        else:
            links.append((content, source, found[0], found[1]))
    return kept, links


def run_name(documents: DataFrame, skips: DataFrame) -> str | None:
    """A name for what this run adds, the same whenever it adds the same: how many hashes and skips,
    and the XOR of their 64-bit hashes; None when it adds nothing."""
    keys = documents.select(F.col("content_hash").alias("key")).union(
        skips.select(F.concat_ws("\t", *COLUMNS["skipped"]).alias("key")))
    row = keys.agg(F.count("*").alias("n"), F.bit_xor(F.xxhash64("key")).alias("x")).first()
    if row is None or row["n"] == 0:
        return None
    return f"{row['n']}-{row['x'] & 0xFFFF_FFFF_FFFF_FFFF:016x}"


def analysed_rows(documents: DataFrame, n_documents: int) -> RDD:
    """The rows of every dataset for the new documents, analysed in executors and kept for the writes."""
    parallelism = documents.sparkSession.sparkContext.defaultParallelism
    partitions = max(1, min(n_documents, parallelism * PARTITIONS_PER_CORE))
    payloads = documents.select("payload").rdd.map(itemgetter(0)).repartition(partitions)
    return payloads.mapPartitions(worker.analyse_partition).persist(StorageLevel.MEMORY_AND_DISK)


def write(frame: DataFrame, output: str, table: str, run: str, by: tuple[str, ...] = ()) -> None:
    """Write `frame` as the `run` partition of `table` under `output`, replacing that partition only."""
    (frame.withColumn("run", F.lit(run)).write.mode("overwrite").option("partitionOverwriteMode", "dynamic")
     .partitionBy(*by, "run").parquet(_dataset(output, table)))


def _table(spark: SparkSession, rows: RDD, table: str) -> DataFrame:
    """The analysed rows of one dataset, typed by its columns."""
    return spark.createDataFrame(rows.filter(lambda row: row[0] == table).map(itemgetter(1)), ddl(table))


def write_all(spark: SparkSession, rows: RDD, skips: DataFrame, output: str, run: str) -> None:
    """Every layer and the skips, then the articles: an article listed there has all its rows."""
    for layer in LAYERS:
        write(_table(spark, rows, layer), output, layer, run)
    write(skips, output, "skipped", run)
    write(_table(spark, rows, "articles"), output, "articles", run, by=("month",))
    rows.unpersist()


def _summary(items: DataFrame, n_new: int, n_near: int) -> Summary:
    """What the run did with every input: read, stored, already present (or repeated), near-duplicates,
    skipped by reason."""
    counts = {row["reason"]: row["count"] for row in items.groupBy("reason").count().collect()}
    n_documents = counts.pop(None, 0)
    return Summary(read=n_documents + sum(counts.values()), stored=n_new, present=n_documents - n_new - n_near,
                   near_duplicates=n_near, skipped=Counter(counts))


def run(spark: SparkSession, inputs: list[str], output: str) -> Summary:
    """Read, deduplicate, analyse and write everything new under `inputs` to `output`."""
    items = read_items(spark, inputs).persist(StorageLevel.MEMORY_AND_DISK)
    unique = new_documents(spark, items, output).persist(StorageLevel.MEMORY_AND_DISK)
    kept, links = near_duplicates(spark, unique, output)
    documents = _without(unique, _frame(spark, [row[:1] for row in links], "content_hash STRING"), ["content_hash"])
    skips = new_skips(spark, items, output)
    name, n_new = run_name(documents, skips), len(kept)
    if name is not None:
        write(_frame(spark, kept, ddl("signatures")), output, "signatures", name)
        write(_frame(spark, links, ddl("duplicates")), output, "duplicates", name)
        write_all(spark, analysed_rows(documents, n_new), skips, output, name)
    summary = _summary(items, n_new, len(links))
    unique.unpersist()
    items.unpersist()
    return summary


def _frame(spark: SparkSession, rows: list[tuple], schema: str) -> DataFrame:
    return spark.createDataFrame(rows, schema)
