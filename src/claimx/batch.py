"""Batch runs over feeds: engines that turn input items into records, and resumable output.

Engines (all yield exactly one :class:`~claimx.schema.Document` per input item, in input order):

- :func:`local_records` runs the pipeline in this process (``n_process=1``, ``nlp.pipe``
  batching) or in a pool of worker processes that each load the pipeline once and take batches,
  with a bounded number of batches in flight so memory stays flat on any input size;
- :func:`ray_records` runs the same pipeline on Ray Data: the inputs become a dataset in bounded
  blocks, ``map_batches`` sends them to a pool of actors that each load the pipeline once, and the
  records come back in order to be written by the same writers.

Resumability (:class:`Journal`): records are appended to ``OUTPUT.part`` as JSON lines, flushed
and synced after every batch.  The final file is written from the journal and moved into place
atomically when the run ends, so ``OUTPUT`` is never torn.  A run interrupted (Ctrl-C, kill -9)
and restarted with the same command finds the journal, drops a torn last line, checks that its ids
are those of the first inputs, skips that many inputs and goes on: no document is lost or written
twice.
"""

from __future__ import annotations

import csv
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .io import InputDoc, InputError, Item
from .schema import Document

OUTPUT_FORMATS = ("jsonl", "csv", "parquet", "html")
CSV_FIELDS = ["doc_id", "status", "error", "actor", "canonical", "stance", "issue", "condition", "cue", "addressee",
              "actor_start", "actor_end", "issue_start", "issue_end", "condition_start",
              "condition_end", "source", "confidence"]


# -- engines ---------------------------------------------------------------------------------------
def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER_NLP = None


def _worker_init(config: str) -> None:
    global _WORKER_NLP
    from .nlp import load

    _WORKER_NLP = load(config)


def _worker_run(batch: list[Item], batch_size: int) -> list[str]:
    from .extract import extract_documents

    return [d.to_json() for d in extract_documents(_WORKER_NLP, batch, batch_size=batch_size)]


def local_records(
    items: Iterable[Item], config: str = "default.cfg", batch_size: int = 32, n_process: int = 1, nlp: Any = None
) -> Iterator[Document]:
    """Records for ``items`` in input order, on this machine."""
    from .extract import extract_documents

    if n_process <= 1:
        if nlp is None:
            from .nlp import load

            nlp = load(config)
        yield from extract_documents(nlp, items, batch_size=batch_size)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(n_process, initializer=_worker_init, initargs=(config,)) as pool:
        pending: deque = deque()
        for batch in batched(items, batch_size):
            pending.append(pool.apply_async(_worker_run, (batch, batch_size)))
            while len(pending) > 2 * n_process:
                yield from (Document.model_validate_json(s) for s in pending.popleft().get())
        while pending:
            yield from (Document.model_validate_json(s) for s in pending.popleft().get())


def _item_row(it: Item) -> dict[str, Any]:
    if isinstance(it, InputError):
        return {"kind": "error", "id": it.id, "text": it.text, "meta": json.dumps(it.meta), "reason": it.reason}
    return {"kind": "doc", "id": it.id, "text": it.text, "meta": json.dumps(it.meta), "reason": ""}


def _row_item(kind: str, doc_id: str, text: str, meta: str, reason: str) -> Item:
    if kind == "error":
        return InputError(str(doc_id), str(reason), text=str(text), meta=json.loads(meta))
    return InputDoc(str(doc_id), str(text), json.loads(meta))


class ClaimxPredictor:
    """A Ray Data actor: loads the pipeline once, then turns batches of input rows into records."""

    def __init__(self, config: str = "default.cfg", batch_size: int = 32):
        from .nlp import load

        self.nlp = load(config)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from .extract import extract_documents

        items = [_row_item(*row) for row in zip(batch["kind"], batch["id"], batch["text"], batch["meta"], batch["reason"])]
        records = [d.to_json() for d in extract_documents(self.nlp, items, batch_size=self.batch_size)]
        return {"record": np.array(records, dtype=object)}


def ray_records(
    items: Iterable[Item], config: str = "default.cfg", batch_size: int = 32, concurrency: int = 2,
    address: str | None = None, block_docs: int = 10_000,
) -> Iterator[Document]:
    """Records for ``items`` in input order, computed on Ray Data.  ``address`` joins a running
    cluster (``ray://host:10001`` or ``auto``; the ``RAY_ADDRESS`` variable works too); without it
    a local Ray instance is started.  The inputs are cut into blocks of ``block_docs`` documents so
    the driver's memory stays bounded."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RuntimeError("--engine ray needs Ray Data: pip install 'claimx[ray]'") from exc
    config = str(_config_path(config))
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": "WARNING"}
        if address:
            kwargs["address"] = address
        ray.init(**kwargs)
        started = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        for block in batched(items, block_docs):
            ds = ray.data.from_items([_item_row(it) for it in block])
            out = ds.map_batches(
                ClaimxPredictor,
                fn_constructor_kwargs={"config": config, "batch_size": batch_size},
                batch_size=batch_size,
                concurrency=concurrency,
                batch_format="numpy",
            )
            for row in out.iter_rows():
                yield Document.model_validate_json(row["record"])
    finally:
        if started:
            ray.shutdown()


def _config_path(config: str) -> Path:
    """An absolute config path, so that Ray workers in other directories find it."""
    from .resources import resolve

    return Path(resolve(config)).resolve()


# -- writers and the journal -----------------------------------------------------------------------
def claim_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """CSV rows: one per claim; a document without claims (or one that failed) still gets a row,
    so that no input disappears from the CSV."""
    if not doc.claims:
        yield {"doc_id": doc.id, "status": doc.status, "error": doc.error or ""}
    for c in doc.claims:
        yield {
            "doc_id": doc.id, "status": doc.status, "error": "",
            "actor": c.actor.text if c.actor else "",
            "canonical": (c.actor.canonical or "") if c.actor else "",
            "stance": c.stance or "", "issue": c.issue.text,
            "condition": c.condition.text if c.condition else "",
            "cue": c.cue.text if c.cue else "",
            "addressee": c.addressee.text if c.addressee else "",
            "actor_start": c.actor.start if c.actor else "", "actor_end": c.actor.end if c.actor else "",
            "issue_start": c.issue.start, "issue_end": c.issue.end,
            "condition_start": c.condition.start if c.condition else "",
            "condition_end": c.condition.end if c.condition else "",
            "source": c.source or "", "confidence": c.confidence if c.confidence is not None else "",
        }


def parquet_schema() -> Any:
    """One row per document: id, status, error, text, meta (JSON) and the claims as a list of
    structs (the same types as :func:`claimx.corpus.features`)."""
    import pyarrow as pa

    from .corpus import features

    claims = features().arrow_schema.field("claims").type
    return pa.schema([("id", pa.string()), ("status", pa.string()), ("error", pa.string()), ("text", pa.string()),
                      ("meta", pa.string()), ("claims", claims)])


def _parquet_row(doc: Document) -> dict[str, Any]:
    from .corpus import _row

    row = _row(doc)
    return {"id": doc.id, "status": doc.status, "error": doc.error, "text": doc.text, "meta": row["meta"],
            "claims": row["claims"]}


class ResumeError(RuntimeError):
    """The journal of an earlier run does not match the inputs of this one."""


class Journal:
    """``OUTPUT.part``: the records written so far, one JSON line each."""

    def __init__(self, output: str | Path, resume: bool = True):
        self.output = Path(output)
        self.path = self.output.with_name(self.output.name + ".part")
        self.done_ids: list[str] = []
        if resume and self.path.exists():
            self._recover()
            self.fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115
        else:
            self.output.parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(self.path, "w", encoding="utf-8")  # noqa: SIM115

    def _recover(self) -> None:
        """Keep the complete lines; cut a torn last line (a kill -9 in the middle of a write)."""
        good = 0
        with open(self.path, "rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break
                try:
                    self.done_ids.append(str(json.loads(raw)["id"]))
                except (ValueError, KeyError, TypeError):
                    break
                good += len(raw)
        with open(self.path, "r+b") as fh:
            fh.truncate(good)

    def write(self, doc: Document) -> None:
        self.fh.write(doc.to_json() + "\n")

    def sync(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        if not self.fh.closed:
            self.sync()
            self.fh.close()

    def records(self) -> Iterator[Document]:
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                yield Document.model_validate_json(line)

    def finish(self, fmt: str, gold: list[Document] | None = None) -> None:
        """Write the final output from the journal and move it into place atomically.  ``gold``:
        for ``html``, mark the claims against these gold records."""
        self.close()
        if fmt == "jsonl":
            os.replace(self.path, self.output)
            return
        tmp = self.output.with_name(self.output.name + ".tmp")
        if fmt == "csv":
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
                writer.writeheader()
                for doc in self.records():
                    writer.writerows(claim_rows(doc))
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = parquet_schema()
            with pq.ParquetWriter(tmp, schema) as writer:
                for chunk in batched(self.records(), 1000):
                    writer.write_table(pa.Table.from_pylist([_parquet_row(d) for d in chunk], schema=schema))
        elif fmt == "html":
            from .report import write_report

            write_report(self.records(), tmp, gold=gold, title=f"claimx report: {self.output.stem}")
        else:
            raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
        os.replace(tmp, self.output)
        self.path.unlink()


def skip_done(items: Iterable[Item], done_ids: list[str]) -> Iterator[Item]:
    """Drop the first ``len(done_ids)`` items after checking they carry those ids in that order;
    a mismatch means the inputs changed since the interrupted run."""
    it = iter(items)
    for k, expected in enumerate(done_ids):
        item = next(it, None)
        if item is None:
            raise ResumeError(f"the journal holds {len(done_ids)} records but the inputs have only {k};"
                              " the inputs changed: remove the .part file or pass --no-resume")
        if item.id != expected:
            raise ResumeError(f"input #{k + 1} has id {item.id!r} but the journal has {expected!r};"
                              " the inputs changed: remove the .part file or pass --no-resume")
    yield from it


def read_records(path: str | Path, fmt: str | None = None) -> Iterator[Document]:
    """Read an output file back (JSONL or Parquet) as documents."""
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        from .corpus import to_document

        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
            for row in batch.to_pylist():
                doc = to_document(row)
                yield doc.model_copy(update={"status": row["status"], "error": row["error"]})
    else:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield Document.model_validate_json(line)
