"""Batch runs over feeds: engines that turn input items into records, and resumable output.

Engines (all yield exactly one :class:`~claimx.schema.Document` per input item, in input order):

- :func:`local_records` runs the pipeline in this process (``n_process=1``, ``nlp.pipe``
  batching) or in a pool of worker processes that each load the pipeline once and take batches,
  with a bounded number of batches in flight so memory stays flat on any input size; a worker
  that dies is replaced and its batch sent again;
- :func:`ray_records` runs the same pipeline on Ray Data: the inputs become a dataset in bounded
  blocks, ``map_batches`` sends them to a pool of actors that each load the pipeline once, and the
  records come back in order to be written by the same writers.

Resumability (:class:`Journal`): a header naming what produces the records, then the records are
appended to ``OUTPUT.part`` as JSON lines, flushed and synced after every batch.  The journal is
locked for the run and never opened through a link.  The final file is written from the journal
by a writer of :data:`WRITERS` into a new temporary file and moved into place atomically when the
run ends, so ``OUTPUT`` is never torn.  A run interrupted (Ctrl-C, SIGTERM, kill -9) and restarted
with the same command finds the journal, drops a torn last line, checks that the same pipeline
wrote it and that its ids and texts are those of the first inputs, skips that many inputs and goes
on: no document is lost or written twice.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import stat
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .io import InputDoc, InputError, Item
from .schema import Document

#: Seconds one document may take before it becomes an error record (``--doc-timeout``).
DEFAULT_DOC_TIMEOUT = 120.0
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


def config_text(config: Any) -> str:
    """A pipeline config (a :class:`confection.Config`, or a path or name in ``configs/``) as text:
    what worker processes and Ray actors build their pipeline from, wherever they run."""
    from confection import Config

    from .nlp import pipeline_config

    cfg = config if isinstance(config, Config) else pipeline_config(config=config)
    return cfg.to_str()


def _load_text(text: str) -> Any:
    from confection import Config

    from .nlp import load

    return load(config=Config().from_str(text, interpolate=False))


def _worker_init(config: str) -> None:
    global _WORKER_NLP
    import signal

    # Ctrl-C and SIGTERM are the parent's to handle: it stops the pool; a worker that also took
    # them would die printing tracebacks about broken pipes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER_NLP = _load_text(config)


def _worker_run(batch: list[Item], batch_size: int, doc_timeout: float | None = None) -> list[str]:
    from .records import extract_documents

    return [d.to_json() for d in extract_documents(_WORKER_NLP, batch, batch_size=batch_size, doc_timeout=doc_timeout)]


def _lost(item: Item, why: str) -> Document:
    from .records import error_record

    return error_record(item, why)


class _Pool:
    """Worker processes that each load the pipeline once.  A worker that dies (the OOM killer, a
    crash in native code) breaks the pool; the pool is then started again and the batches in flight
    are sent again: a batch whose worker died twice is run one document at a time, and a document
    whose worker died alone becomes an error record, so that the run goes on."""

    def __init__(self, n_process: int, config: str, batch_size: int, doc_timeout: float | None):
        self.n, self.config, self.batch_size, self.doc_timeout = n_process, config, batch_size, doc_timeout
        self.executor = self._start()
        self.restarts = 0

    def _start(self) -> Any:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.n, mp_context=mp.get_context("spawn"), initializer=_worker_init,
                                   initargs=(self.config,))

    def submit(self, batch: list[Item]) -> Any:
        try:
            return self.executor.submit(_worker_run, batch, self.batch_size, self.doc_timeout)
        except RuntimeError:  # the pool broke since the last call: start a new one
            self.restart()
            return self.executor.submit(_worker_run, batch, self.batch_size, self.doc_timeout)

    def restart(self) -> None:
        import logging

        logging.getLogger("claimx").warning("a worker process died; starting the pool again")
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        self.restarts += 1

    def close(self, cancel: bool = False) -> None:
        self.executor.shutdown(wait=not cancel, cancel_futures=cancel)


def _pool_records(items: Iterable[Item], config: str, batch_size: int, n_process: int,
                  doc_timeout: float | None) -> Iterator[Document]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _Pool(n_process, config, batch_size, doc_timeout)
    pending: deque = deque()  # [batch, future, tries]

    def resend(restart: bool = True) -> None:
        if restart:
            pool.restart()
        for entry in pending:
            entry[1] = pool.submit(entry[0])

    def take() -> Iterator[Document]:
        while True:
            entry = pending[0]
            batch, fut, tries = entry
            try:
                records = fut.result()
                pending.popleft()
                yield from (Document.model_validate_json(s) for s in records)
                return
            except BrokenProcessPool:
                if tries == 0:
                    entry[2] = 1
                    resend()
                    continue
            pending.popleft()
            yield from alone(batch)
            resend(restart=False)
            return

    def alone(batch: list[Item]) -> Iterator[Document]:
        """One document at a time, nothing else in flight: a death is that document's."""
        for entry in pending:
            entry[1].cancel()
        for item in batch:
            try:
                records = pool.submit([item]).result()
            except BrokenProcessPool:
                pool.restart()
                yield _lost(item, "the worker process died while processing this document (killed, e.g. for"
                                  " lack of memory, or crashed); the document was not processed")
                continue
            yield from (Document.model_validate_json(s) for s in records)

    clean = False
    try:
        for batch in batched(items, batch_size):
            pending.append([batch, pool.submit(batch), 0])
            while len(pending) > 2 * n_process:
                yield from take()
        while pending:
            yield from take()
        clean = True
    finally:
        pool.close(cancel=not clean)


def local_records(
    items: Iterable[Item], config: str = "default.cfg", batch_size: int = 32, n_process: int = 1, nlp: Any = None,
    doc_timeout: float | None = None,
) -> Iterator[Document]:
    """Records for ``items`` in input order, on this machine.  ``doc_timeout`` (seconds, None: no
    limit) turns a document that runs longer into an error record."""
    from .records import extract_documents

    if n_process <= 1:
        if nlp is None:
            nlp = _load_text(config_text(config))
        yield from extract_documents(nlp, items, batch_size=batch_size, doc_timeout=doc_timeout)
        return
    yield from _pool_records(items, config_text(config), batch_size, n_process, doc_timeout)


def _item_row(it: Item) -> dict[str, Any]:
    if isinstance(it, InputError):
        return {"kind": "error", "id": it.id, "text": it.text, "meta": json.dumps(it.meta), "reason": it.reason}
    return {"kind": "doc", "id": it.id, "text": it.text, "meta": json.dumps(it.meta), "reason": ""}


def _row_item(kind: str, doc_id: str, text: str, meta: str, reason: str) -> Item:
    if kind == "error":
        return InputError(str(doc_id), str(reason), text=str(text), meta=json.loads(meta))
    return InputDoc(str(doc_id), str(text), json.loads(meta))


class EngineError(RuntimeError):
    """The engine itself failed (a Ray actor or node lost): not a document's fault."""


class ClaimxPredictor:
    """A Ray Data actor: loads the pipeline once, then turns batches of input rows into records.
    Its settings are class attributes (see :func:`predictor_class`), not constructor arguments:
    Ray keeps those in the object store and warns that a restarted actor may lose them."""

    config: str = "default.cfg"
    batch_size: int = 32
    doc_timeout: float | None = None

    def __init__(self) -> None:
        self.nlp = _load_text(self.config)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from .records import extract_documents

        items = [_row_item(*row) for row in zip(batch["kind"], batch["id"], batch["text"], batch["meta"], batch["reason"])]
        records = [d.to_json() for d in extract_documents(self.nlp, items, batch_size=self.batch_size,
                                                          doc_timeout=self.doc_timeout)]
        return {"record": np.array(records, dtype=object)}


def predictor_class(config: str, batch_size: int, doc_timeout: float | None) -> type:
    """:class:`ClaimxPredictor` with these settings."""
    return type("ClaimxPredictor", (ClaimxPredictor,),
                {"config": config, "batch_size": batch_size, "doc_timeout": doc_timeout})


def ray_records(
    items: Iterable[Item], config: str = "default.cfg", batch_size: int = 32, concurrency: int = 2,
    address: str | None = None, block_docs: int = 10_000, doc_timeout: float | None = None,
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
    import logging
    import warnings

    config = config_text(config)  # the actors build the pipeline from the text, wherever they run
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # its progress lines are not the user's business
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
        if address:
            kwargs["address"] = address
        ray.init(**kwargs)
        started = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        predictor = predictor_class(config, batch_size, doc_timeout)
        for block in batched(items, block_docs):
            ds = ray.data.from_items([_item_row(it) for it in block])
            with warnings.catch_warnings():
                # max_restarts goes through map_batches' **ray_remote_args, which this Ray marks as
                # deprecated while its own code still names it as the way to turn restarts off
                warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
                out = ds.map_batches(
                    predictor,
                    batch_size=batch_size,
                    compute=ray.data.ActorPoolStrategy(size=concurrency),
                    batch_format="numpy",
                    # an actor that dies fails the run (the journal keeps what is done: rerun to
                    # resume) rather than being restarted, which Ray warns may fail (an error line)
                    max_restarts=0,
                )
            rows = iter(out.iter_rows())
            while True:
                try:
                    row = next(rows)
                except StopIteration:
                    break
                except Exception as exc:  # an actor or node lost, a cluster gone
                    msg = " ".join(str(exc).split())[:300]
                    raise EngineError(f"the Ray engine failed: {type(exc).__name__}: {msg}") from exc
                yield Document.model_validate_json(row["record"])
    finally:
        if started:
            ray.shutdown()


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def producer(config: Any) -> dict[str, Any]:
    """What produces the records of a run: claimx's version, a digest of the pipeline config (a
    :class:`confection.Config`, or a path or name; the device left out) and of every file it reads
    (lexicons, gazetteers and the tagger's weights, the factories' defaults included).  The journal
    keeps it, so that a resume with another pipeline, config or model is refused."""
    import inspect

    from confection import Config
    from spacy.language import Language
    from spacy.util import registry

    from . import __version__
    from .model import component  # noqa: F401  (registers the tagger's factory)
    from .nlp import pipeline_config
    from .resources import resolve, resolve_model

    cfg = Config(config if isinstance(config, Config) else pipeline_config(config=config))
    cfg["claimx"] = {k: v for k, v in cfg.get("claimx", {}).items() if k != "device"}
    out: dict[str, Any] = {"claimx": __version__,
                           "config_digest": hashlib.sha256(cfg.to_str().encode("utf-8")).hexdigest()[:16]}
    files: dict[str, str] = {}

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, str) and key == "path":
            p = resolve(node)
            files[node] = _file_digest(p) if p.is_file() else "missing"
        elif isinstance(node, str) and key == "model":
            folder = resolve_model(node)
            for f in sorted(folder.glob("*")) if folder.is_dir() else []:
                if f.is_file() and f.suffix in (".json", ".safetensors", ".bin", ".pt"):
                    files[f"{node}/{f.name}"] = _file_digest(f)

    for comp in (cfg.get("components") or {}).values():
        factory = comp.get("factory")
        defaults = Language.get_factory_meta(factory).default_config if factory and Language.has_factory(factory) else {}
        walk({**(defaults or {}), **comp})
    walk(dict(cfg.get("initialize") or {}))
    for name, func in registry.misc.get_all().items():  # the lexicon loaders' default files
        if name.startswith("claimx.") and "path" in inspect.signature(func).parameters:
            walk({"path": inspect.signature(func).parameters["path"].default})
    out["files"] = files
    return out


# -- writers and the journal -----------------------------------------------------------------------
def claim_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """CSV rows: one per claim; a document without claims (or one that failed) still gets a row,
    so that no input disappears from the CSV."""
    if not doc.claims:
        yield {"doc_id": doc.id, "status": doc.status, "error": doc.error or ""}
    for c in doc.claims:
        yield {
            "doc_id": doc.id, "status": doc.status, "error": "",
            "actor": (c.actor.text or "") if c.actor else "",
            "canonical": (c.actor.canonical or "") if c.actor else "",
            "stance": c.stance or "", "issue": c.issue.text,
            "condition": c.condition.text if c.condition else "",
            "cue": c.cue.text if c.cue else "",
            "addressee": c.addressee.text if c.addressee else "",
            "actor_start": c.actor.start if c.actor and c.actor.start is not None else "",
            "actor_end": c.actor.end if c.actor and c.actor.end is not None else "",
            "issue_start": c.issue.start, "issue_end": c.issue.end,
            "condition_start": c.condition.start if c.condition else "",
            "condition_end": c.condition.end if c.condition else "",
            "source": c.source or "", "confidence": c.confidence if c.confidence is not None else "",
        }


def parquet_schema() -> Any:
    """One row per document: id, status, error, text, meta (a JSON string: its keys differ from
    document to document) and the claims as a list of structs, each field as in the JSONL record
    (stance as its label, confidence as a float), so that JSONL -> Parquet -> records is exact."""
    import pyarrow as pa

    span = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    entity = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("canonical", pa.string())])
    claim = pa.struct([
        ("actor", entity), ("stance", pa.string()), ("issue", span), ("condition", span), ("cue", span),
        ("addressee", entity), ("optional", pa.bool_()), ("source", pa.string()), ("confidence", pa.float64()),
    ])
    return pa.schema([("id", pa.string()), ("status", pa.string()), ("error", pa.string()), ("text", pa.string()),
                      ("meta", pa.string()), ("claims", pa.list_(claim))])


_SPAN_FIELDS = ("text", "start", "end")


def parquet_row(doc: Document) -> dict[str, Any]:
    def span(s: Any, entity: bool = False) -> dict[str, Any] | None:
        if s is None:
            return None
        out = {k: getattr(s, k) for k in _SPAN_FIELDS}
        if entity:
            out["canonical"] = s.canonical
        return out

    claims = [{"actor": span(c.actor, True), "stance": c.stance, "issue": span(c.issue), "condition": span(c.condition),
               "cue": span(c.cue), "addressee": span(c.addressee, True), "optional": c.optional, "source": c.source,
               "confidence": c.confidence} for c in doc.claims]
    return {"id": doc.id, "status": doc.status, "error": doc.error, "text": doc.text,
            "meta": json.dumps(doc.meta, ensure_ascii=False), "claims": claims}


def parquet_document(row: dict[str, Any]) -> Document:
    """A row of :func:`parquet_schema` back to the record it was written from."""
    return Document.model_validate({**row, "meta": json.loads(row["meta"]) if row.get("meta") else {}})


class ResumeError(RuntimeError):
    """The journal of an earlier run does not match the inputs or the pipeline of this one."""



class JournalError(RuntimeError):
    """The journal cannot be used: another run holds it, it is a link, or it is not a claimx journal."""


JOURNAL_VERSION = 1


def text_hash(text: str) -> bytes:
    """A short digest of an input text, to tell on resume that a done document's text changed."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def record_line(doc: Document) -> bytes:
    """A record as one UTF-8 JSON line.  A record that cannot be encoded (a lone surrogate that
    slipped through) becomes that document's error record instead of stopping the run."""
    try:
        return (doc.to_json() + "\n").encode("utf-8")
    except UnicodeEncodeError as exc:
        from .io import repair_text

        bad = Document(id=repair_text(doc.id), text=repair_text(doc.text), status="error",
                       error=f"the record holds invalid Unicode (a lone surrogate: {exc.reason})")
        return (bad.to_json() + "\n").encode("utf-8")


def _temp_beside(path: Path) -> tuple[int, Path]:
    """A new file next to ``path`` created exclusively (never an existing file or a link)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0o022)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # the mode an ordinary new file gets, not mkstemp's private 0600
    return fd, Path(name)



def _link_error(path: Path) -> JournalError:
    return JournalError(f"{path} is a symbolic link; claimx does not write through links:"
                        " remove it or choose another output")


def _lock(fd: int, path: Path, output: str | Path) -> None:
    """Refuse a journal that is not a regular file, and take its lock (held while ``fd`` is open);
    a lock held by another run is refused with a clear message."""
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        raise JournalError(f"{path} exists and is not a regular file; remove it or choose another output")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise JournalError(f"another claimx run is writing {output} (its journal {path} is locked);"
                           " wait for it to finish or choose another output") from None


class Journal:
    """``OUTPUT.part``: a header line naming what produced it, then the records written so far,
    one JSON line each.

    The journal is opened without following links, created if absent, and locked for the run
    (``flock``): a second run on the same output is refused while the first holds it.  An existing
    file that is not a claimx journal is never truncated.  On resume the header must name the
    same producer (pipeline, config, lexicons, model) and :func:`skip_done` checks each done
    document's id and text hash against the inputs."""

    def __init__(self, output: str | Path, resume: bool = True, producer: dict[str, Any] | None = None):
        self.output = Path(output)
        self.path = self.output.with_name(self.output.name + ".part")
        self.producer = producer or {}
        self.done_ids: list[str] = []
        self.done_hashes: list[bytes] = []
        if self.output.is_dir():
            raise JournalError(f"{self.output} is a directory; -o needs a file name")
        self.output.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _link_error(self.path) from None
            raise
        try:
            _lock(fd, self.path, self.output)
        except BaseException:
            os.close(fd)
            raise
        self.fh = os.fdopen(fd, "r+b")
        try:
            if os.fstat(fd).st_size:
                header = self._header()
                if resume:
                    self._check_producer(header)
                    self._recover()
                else:
                    self.fh.truncate(0)
            if self.fh.seek(0, os.SEEK_END) == 0:
                head = {"claimx_journal": JOURNAL_VERSION, "output": self.output.name, "producer": self.producer}
                self.fh.write((json.dumps(head, ensure_ascii=False) + "\n").encode("utf-8"))
                self.sync()
        except BaseException:
            self.fh.close()
            raise

    @staticmethod
    def check(output: str | Path) -> None:
        """Raise :class:`JournalError` now if a run on ``output`` would be refused for its journal
        (a link, not a regular file, or locked by a run in progress); creates nothing."""
        path = Path(output).with_name(Path(output).name + ".part")
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _link_error(path) from None
            return  # anything else is reported when the journal is opened
        try:
            _lock(fd, path, output)
        finally:
            os.close(fd)

    def _header(self) -> dict[str, Any]:
        self.fh.seek(0)
        first = self.fh.readline()
        try:
            head = json.loads(first)
        except ValueError:
            head = None
        if not isinstance(head, dict) or head.get("claimx_journal") != JOURNAL_VERSION:
            raise JournalError(f"{self.path} exists and is not a claimx journal; claimx will not overwrite it:"
                               " move it away or choose another output")
        return head

    def _check_producer(self, head: dict[str, Any]) -> None:
        old = head.get("producer") or {}
        if old != self.producer:
            keys = sorted(k for k in set(old) | set(self.producer) if old.get(k) != self.producer.get(k))
            raise ResumeError(f"{self.path} was written by another pipeline or configuration (differs in:"
                              f" {', '.join(keys)}); rerun with the same --pipeline/--config, or pass"
                              " --no-resume to start over")

    def _recover(self) -> None:
        """Keep the complete records; cut a torn last line (a kill -9 in the middle of a write).
        A bad line anywhere else means the file was edited: refuse rather than cut it."""
        self.fh.seek(0)
        good = len(self.fh.readline())
        lineno = 1
        torn = False
        for raw in self.fh:
            lineno += 1
            if torn:
                raise JournalError(f"{self.path}:{lineno - 1}: not a record, and not the last line; the journal"
                                   " was edited: remove it or pass --no-resume")
            try:
                rec = json.loads(raw) if raw.endswith(b"\n") else None
                doc_id, text = str(rec["id"]), rec["text"]
            except (ValueError, KeyError, TypeError):
                torn = True
                continue
            self.done_ids.append(doc_id)
            self.done_hashes.append(text_hash(str(text)))
            good += len(raw)
        self.fh.truncate(good)
        self.fh.seek(good)

    def write(self, doc: Document) -> None:
        self.fh.write(record_line(doc))

    def sync(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        """Flush the records written so far and release the journal (it stays for a resume)."""
        if not self.fh.closed:
            try:
                self.sync()
            finally:
                self.fh.close()

    def records(self) -> Iterator[Document]:
        with open(self.path, encoding="utf-8") as fh:
            fh.readline()
            for line in fh:
                yield Document.model_validate_json(line)

    def finish(self, fmt: str, gold: list[Document] | None = None) -> None:
        """Write the final output from the journal into a new file beside it and move that into
        place atomically; the journal goes last, and the lock is held until then.  On failure (a
        full disk) the journal is kept and the partial file removed; :meth:`close` releases it.
        ``fmt`` names a writer of :mod:`claimx.writers`; ``gold``: for ``html``, mark the claims
        against these gold records."""
        from .writers import WriteContext, writer_for

        self.sync()
        writer = writer_for(fmt)
        fd, tmp = _temp_beside(self.output)
        try:
            with os.fdopen(fd, "wb") as fh:
                context = WriteContext(self.output, gold, title=f"claimx report: {self.output.stem}")
                writer(fh, context).write_all(self.records())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.output)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self.path.unlink()
        self.fh.close()


def skip_done(items: Iterable[Item], done_ids: list[str], done_hashes: list[bytes] | None = None) -> Iterator[Item]:
    """Drop the first ``len(done_ids)`` items after checking they carry those ids in that order
    (and, given ``done_hashes``, the same texts); a mismatch means the inputs changed since the
    interrupted run."""
    it = iter(items)
    for k, expected in enumerate(done_ids):
        item = next(it, None)
        if item is None:
            raise ResumeError(f"the journal holds {len(done_ids)} records but the inputs have only {k};"
                              " the inputs changed: remove the .part file or pass --no-resume")
        if item.id != expected:
            raise ResumeError(f"input #{k + 1} has id {item.id!r} but the journal has {expected!r};"
                              " the inputs changed: remove the .part file or pass --no-resume")
        if done_hashes is not None and text_hash(item.text) != done_hashes[k]:
            raise ResumeError(f"input #{k + 1} ({item.id!r}) has another text than when the journal was written;"
                              " the inputs changed: remove the .part file or pass --no-resume")
    yield from it


def read_records(path: str | Path, fmt: str | None = None) -> Iterator[Document]:
    """Read an output file back (JSONL or Parquet) as documents."""
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
            for row in batch.to_pylist():
                yield parquet_document(row)
    else:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield Document.model_validate_json(line)
