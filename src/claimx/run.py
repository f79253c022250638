"""``extract(inputs, output, options) -> Summary``: a whole extraction run as a plain function.

What ``claimx extract`` does, minus option parsing and exit codes (the CLI maps the exceptions
below to them): read the inputs, build the pipeline (the rules when a trained model is missing,
with a note), run it on the local engine or Ray, write the records (to a journal, then the final
file through a writer of :mod:`claimx.writers`; or straight to stdout), and score them against
gold when asked.

Exceptions: :class:`UsageError` (the run cannot start as asked: options, config, an output in use,
a resume that does not match), :class:`OutputError` (reading or writing failed: disk full, closed
stdin, a vanished input; or the Ray engine failed), :class:`Interrupted` (Ctrl-C or SIGTERM; the journal is kept),
:class:`BrokenPipeError` (the reader of stdout went away).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .schema import Document, RecordError, read_jsonl

ENGINES = ("local", "ray")


class UsageError(Exception):
    """The run cannot start or go on as asked."""


class OutputError(Exception):
    """Reading the inputs or writing the output failed."""


class Interrupted(Exception):
    """Ctrl-C or SIGTERM; the message says where the records done so far are kept."""


@dataclass
class ExtractOptions:
    """The settings of a run; the defaults are the CLI's."""

    fmt: str = "jsonl"  # a writer name (claimx.writers)
    pipeline: str | None = None  # rules, model, hybrid; None: ``config``, else the default (presets.default_pipeline)
    config: Any = None  # a config path or name, or a confection Config
    device: str = "cpu"
    engine: str = "local"
    n_process: int = 1
    batch_size: int = 32
    ray_address: str | None = None
    doc_timeout: float | None = 120.0  # seconds per document; None or 0: no limit
    id_column: str = "id"
    text_column: str = "text"
    shared: str | None = None  # where stand-off records find their texts
    resume: bool = True
    gold: str | Path | None = None  # score the output against this gold file
    slots: list[str] | None = None
    progress: bool = False  # a progress bar on stderr


@dataclass
class Summary:
    total: int = 0  # documents processed by this run
    failed: int = 0  # of which error records
    done_before: int = 0  # documents an interrupted earlier run had done
    note: str | None = None  # e.g. the fallback to the rules pipeline
    score: dict[str, Any] | None = None  # with ``gold``: claimx.evaluation's result
    failed_ids: list[str] = field(default_factory=list)


def _io_message(exc: OSError) -> str:
    return f"{exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}"


def doc_error(doc: Document) -> str:
    err = doc.error or ""
    return err if err.startswith(doc.id) else f"{doc.id}: {err}"


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def extract(inputs: list[str], output: str, options: ExtractOptions | None = None,
            notify: Callable[[str], None] = _stderr, stdout: BinaryIO | None = None) -> Summary:
    """Run claimx over ``inputs`` (paths, ``-`` for stdin) into ``output`` (a path, or ``-`` for
    stdout); ``notify`` gets the messages for the user (notes, one line per failed document,
    resuming); ``stdout`` is the binary stream ``-`` writes to (default ``sys.stdout.buffer``)."""
    from .writers import WriteContext, writer_for

    o = options or ExtractOptions()
    writer_cls = writer_for(o.fmt)
    if o.engine not in ENGINES:
        raise UsageError(f"engine must be one of {', '.join(ENGINES)}, not {o.engine!r}")
    if writer_cls.needs_file and output == "-":
        raise UsageError(f"--format {o.fmt} needs an output file (-o FILE.{o.fmt})")
    if output != "-" and Path(output).is_dir():
        raise UsageError(f"-o {output} is a directory; give a file name")
    if "-" in inputs and sys.stdin is None:
        raise OutputError("stdin is closed; give input files, or pipe the input in")
    if o.device != "cpu" and (o.engine == "ray" or o.n_process > 1):
        raise UsageError("--device cuda/auto needs one process on the local engine (batched on the GPU);"
                         " worker processes and Ray actors run on the CPU")

    from tqdm import tqdm

    from .batch import EngineError, Journal, JournalError, ResumeError, local_records, producer, ray_records, skip_done
    from .io import InputOptions, InputUnavailable, flag_duplicates, read_inputs
    from .nlp import load_pipeline

    summary = Summary()
    if output != "-":
        try:  # an output another run is writing, or a link at its journal: refused before the pipeline loads
            Journal.check(output)
        except JournalError as exc:
            raise UsageError(str(exc)) from None
    local = o.engine == "local" and o.n_process == 1
    try:
        loaded = load_pipeline(o.pipeline, None if o.pipeline else o.config, o.device, cache=local)
    except (FileNotFoundError, RuntimeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    except Exception as exc:  # a component refusing its settings
        raise UsageError(f"the pipeline config {o.config} is not valid: {' '.join(str(exc).split())}") from None
    summary.note = loaded.note
    if loaded.note:
        notify(f"note: {loaded.note}")

    items = flag_duplicates(read_inputs(inputs, InputOptions(id_column=o.id_column, text_column=o.text_column,
                                                             shared=o.shared)))
    journal = None
    stream = None
    if output != "-":
        try:
            journal = Journal(output, resume=o.resume, producer=producer(loaded.config))
        except (JournalError, ResumeError) as exc:
            raise UsageError(str(exc)) from None
        except OSError as exc:
            raise OutputError(f"cannot write {output}: {_io_message(exc)}") from None
        if journal.done_ids:
            summary.done_before = len(journal.done_ids)
            notify(f"resuming: {len(journal.done_ids)} document(s) already done in {journal.path}")
            items = skip_done(items, journal.done_ids, journal.done_hashes)
    else:
        out = stdout if stdout is not None else sys.stdout.buffer
        stream = writer_cls(out, WriteContext(None, title="claimx"))
    timeout = o.doc_timeout or None
    if o.engine == "ray":
        records = ray_records(items, config=loaded.config, batch_size=o.batch_size, concurrency=o.n_process,
                              address=o.ray_address, doc_timeout=timeout)
    else:
        records = local_records(items, config=loaded.config, batch_size=o.batch_size, n_process=o.n_process,
                                nlp=loaded.nlp if local else None, doc_timeout=timeout)

    docs: list[Document] = []
    words = 0
    finished = False
    bar = tqdm(desc="documents", unit="doc", disable=(not o.progress) or None, file=sys.stderr,
               initial=summary.done_before)

    def kept() -> str:
        return (f" ({summary.total} document(s) of this run kept in {journal.path}; rerun the same command to"
                " resume)" if journal is not None else "")

    try:
        for doc in records:
            bar.update(1)
            summary.total += 1
            words += len(doc.text.split())
            elapsed = bar.format_dict.get("elapsed") or 0
            if elapsed:
                bar.set_postfix(words_per_s=f"{words / elapsed:,.0f}", refresh=False)
            if doc.status == "error":
                summary.failed += 1
                summary.failed_ids.append(doc.id)
                notify(f"error: {doc_error(doc)}")
            if journal is not None:
                journal.write(doc)
                if summary.total % o.batch_size == 0:
                    journal.sync()
            else:
                stream.add(doc)
                stream.out.flush()
            if o.gold is not None:
                docs.append(doc)
        if journal is not None:
            journal.sync()
        elif stream is not None:
            stream.close()
            stream.out.flush()
        finished = True
    except ResumeError as exc:
        raise UsageError(str(exc)) from None
    except InputUnavailable as exc:
        raise OutputError(str(exc)) from None
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk, a vanished folder
        raise OutputError(f"cannot write the output: {_io_message(exc)}{kept()}") from None
    except EngineError as exc:  # the Ray engine failed (an actor or node lost); the journal is kept
        raise OutputError(f"{exc}{kept()}") from None
    except RuntimeError as exc:  # e.g. --engine ray without Ray installed; the journal is kept
        raise UsageError(f"{exc}{kept()}") from None
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted{kept()}") from None
    finally:
        bar.close()
        if journal is not None and not finished:
            try:
                journal.close()
            except OSError:
                pass
    if journal is not None:
        gold_docs = None
        if o.fmt == "html" and o.gold is not None:
            try:
                gold_docs = list(read_jsonl(o.gold, o.shared))
            except RecordError as exc:
                raise UsageError(str(exc)) from None
        try:
            if o.gold is not None and journal.done_ids:
                docs = list(journal.records())  # score the whole output, the earlier run's part included
            journal.finish(o.fmt, gold=gold_docs)
        except OSError as exc:
            journal.close()
            raise OutputError(f"cannot write {output}: {_io_message(exc)} (the records are kept in {journal.path};"
                              " free some space and rerun the same command to finish)") from None
    if o.gold is not None:
        from .evaluation import evaluate

        try:
            summary.score = evaluate(o.gold, docs, o.slots, o.shared)
        except (RecordError, ValueError) as exc:
            raise UsageError(str(exc)) from None
    return summary
