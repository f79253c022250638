from __future__ import annotations

import csv
import logging
import sys
from pathlib import Path

import typer

from ..batch import CSV_FIELDS, DEFAULT_DOC_TIMEOUT, OUTPUT_FORMATS, claim_rows
from ..evaluation import evaluate, format_report
from ..schema import Document, RecordError, read_jsonl
from .evaluate import parse_slots

FORMATS = ("jsonl", "table", "csv", "parquet", "html")
ENGINES = ("local", "ray")


def format_table(docs: list[Document]) -> str:
    """The claims table for reading (:func:`claimx.table.format_claims`), fitted to the terminal."""
    from ..table import format_claims

    return format_claims(docs)


#: Exit codes: some documents became error records; the command cannot run as given (options,
#: config, a locked or foreign journal, a resume that does not match); reading or writing failed.
EXIT_DOCUMENTS, EXIT_USAGE, EXIT_IO = 1, 2, 3
#: ``--pipeline`` names, checked before anything heavy is imported (claimx.pipeline.PIPELINES maps them).
PIPELINE_NAMES = ("rules", "model", "hybrid")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".html": "html",
                  ".htm": "html"}


def output_format(output: str, fmt: str | None, isatty: bool = False) -> str:
    """The output format: ``--format``, else the output file's suffix; an unknown suffix is
    refused rather than given JSONL in silence.  To stdout: table on a terminal, else JSONL."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        return fmt
    if output == "-":
        return "table" if isatty else "jsonl"
    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise typer.BadParameter(
            f"cannot tell the output format from {Path(output).name!r}: name it .jsonl, .csv, .parquet or"
            " .html, or pass --format (jsonl, csv, parquet, html, table)")
    return SUFFIX_FORMATS[suffix]


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _doc_error(doc: Document) -> str:
    err = doc.error or ""
    return err if err.startswith(doc.id) else f"{doc.id}: {err}"


def _io_message(exc: OSError) -> str:
    return f"{exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}"


def _stop_on_sigterm() -> None:
    """SIGTERM ends the run like Ctrl-C: the journal is flushed, workers stop, no tracebacks."""
    import signal

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (tests calling the CLI in a thread)
        pass


def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Inputs: .txt/.json/.html files, JSONL, CSV/TSV, Parquet, RSS/Atom feeds (.xml/.rss/.atom), HF datasets saved to disk, folders of these, or - for stdin."),
    output: str = typer.Option("-", "--output", "-o", help="Output file (default: stdout); its suffix (.jsonl, .csv, .parquet, .html) gives the format."),
    fmt: str = typer.Option(None, "--format", "-f", help="jsonl, csv, parquet, html (the report; with --gold, claims marked against it) or table (default: from the output suffix; to stdout jsonl, or table on a terminal)."),
    gold: Path = typer.Option(None, "--gold", exists=True, dir_okay=False, help="Gold JSONL: score the output against it."),
    slots: str = typer.Option(None, "--slots", help="With --gold: the slots to score (default: those the gold declares)."),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda or auto."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per nlp.pipe batch."),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="CPU processes (local engine), or Ray actors (ray engine)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or ray (Ray Data, local or a cluster)."),
    ray_address: str = typer.Option(None, "--ray-address", help="With --engine ray: the cluster to join (e.g. ray://head:10001, or auto); default RAY_ADDRESS or a local instance."),
    id_column: str = typer.Option("id", "--id-column", help="Field or column holding the document id (JSONL, JSON, CSV, Parquet, HF)."),
    text_column: str = typer.Option("text", "--text-column", help="Field or column holding the text."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off records (e.g. ../shared for corpora/news)."),
    resume: bool = typer.Option(True, "--resume/--no-resume", help="Continue an interrupted run from OUTPUT.part (default), or start over."),
    pipeline: str = typer.Option(None, "--pipeline", "-p", help="rules, model or hybrid (configs/default.cfg, model.cfg, hybrid.cfg); without a trained model the rules run, and say so."),
    config: str = typer.Option(None, "--config", "-c", help="A pipeline config: a name in claimx's configs/, or a path (./my.cfg); default configs/default.cfg; --pipeline picks one for you."),
    doc_timeout: float = typer.Option(DEFAULT_DOC_TIMEOUT, "--doc-timeout", min=0, help="Seconds one document may take; past it, it becomes an error record and the run goes on (0: no limit)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract claims from news texts: one output record per input document.

    Exit codes: 0 all documents done, 1 some became error records, 2 the command cannot run as
    given (options, config, output in use), 3 reading or writing failed (disk full, closed stdin)."""
    fmt = output_format(output, fmt, output == "-" and sys.stdout.isatty())
    if engine not in ENGINES:
        raise typer.BadParameter(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if pipeline is not None and pipeline not in PIPELINE_NAMES:
        raise typer.BadParameter(f"--pipeline must be one of {', '.join(PIPELINE_NAMES)}, not {pipeline!r}")
    if fmt in ("parquet", "html") and output == "-":
        raise typer.BadParameter(f"--format {fmt} needs an output file (-o FILE.{fmt})")
    if output != "-" and Path(output).is_dir():
        raise typer.BadParameter(f"-o {output} is a directory; give a file name")
    if "-" in inputs and sys.stdin is None:
        raise _fail("stdin is closed; give input files, or pipe the input in", EXIT_IO)
    slot_list = parse_slots(slots)
    _stop_on_sigterm()

    from tqdm import tqdm

    from ..batch import Journal, JournalError, ResumeError, local_records, producer, ray_records, skip_done
    from ..io import InputOptions, InputUnavailable, flag_duplicates, read_inputs
    from ..nlp import load_pipeline

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if device != "cpu" and (engine == "ray" or n_process > 1):
        raise typer.BadParameter("--device cuda/auto needs one process on the local engine (batched on the GPU);"
                                 " worker processes and Ray actors run on the CPU")
    local = engine == "local" and n_process == 1
    try:
        loaded = load_pipeline(pipeline, None if pipeline else config, device, cache=local)
    except (FileNotFoundError, RuntimeError, ValueError) as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except Exception as exc:  # a component refusing its settings
        raise _fail(f"the pipeline config {config} is not valid: {' '.join(str(exc).split())}", EXIT_USAGE) from None
    if loaded.note:
        typer.echo(f"note: {loaded.note}", err=True)
    config = loaded.config  # what worker processes and Ray actors build (after any fallback)
    nlp = loaded.nlp if local else None

    items = flag_duplicates(read_inputs(inputs, InputOptions(id_column=id_column, text_column=text_column, shared=str(shared) if shared else None)))
    journal = None
    out = None
    writer = None
    if output != "-" and fmt in OUTPUT_FORMATS:
        try:
            journal = Journal(output, resume=resume, producer=producer(config))
        except (JournalError, ResumeError) as exc:
            raise _fail(str(exc), EXIT_USAGE) from None
        except OSError as exc:
            raise _fail(f"cannot write {output}: {_io_message(exc)}", EXIT_IO) from None
        if journal.done_ids:
            typer.echo(f"resuming: {len(journal.done_ids)} document(s) already done in {journal.path}", err=True)
            items = skip_done(items, journal.done_ids, journal.done_hashes)
    elif fmt in ("jsonl", "csv"):
        out = sys.stdout
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
            writer.writeheader()
    timeout = doc_timeout or None
    if engine == "ray":
        records = ray_records(items, config=config, batch_size=batch_size, concurrency=n_process, address=ray_address,
                              doc_timeout=timeout)
    else:
        records = local_records(items, config=config, batch_size=batch_size, n_process=n_process, nlp=nlp,
                                doc_timeout=timeout)

    docs: list[Document] = []
    failed = total = words = 0
    finished = False
    bar = tqdm(desc="documents", unit="doc", disable=quiet or None, file=sys.stderr,
               initial=len(journal.done_ids) if journal else 0)
    kept = (lambda: f" ({total} document(s) of this run kept in {journal.path}; rerun the same command to resume)"
            if journal is not None else "")
    try:
        for doc in records:
            bar.update(1)
            total += 1
            words += len(doc.text.split())
            elapsed = bar.format_dict.get("elapsed") or 0
            if elapsed:
                bar.set_postfix(words_per_s=f"{words / elapsed:,.0f}", refresh=False)
            if doc.status == "error":
                failed += 1
                typer.echo(f"error: {_doc_error(doc)}", err=True)
            if journal is not None:
                journal.write(doc)
                if total % batch_size == 0:
                    journal.sync()
            elif fmt == "jsonl":
                out.write(doc.to_json() + "\n")
                out.flush()
            elif writer:
                writer.writerows(claim_rows(doc))
            if fmt == "table" or gold is not None:
                docs.append(doc)
        if journal is not None:
            journal.sync()
        finished = True
    except ResumeError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except InputUnavailable as exc:
        raise _fail(str(exc), EXIT_IO) from None
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        sys.stderr.close()
        raise typer.Exit(EXIT_IO) from None
    except OSError as exc:  # a full disk, a vanished folder
        raise _fail(f"cannot write the output: {_io_message(exc)}" + kept(), EXIT_IO) from None
    except RuntimeError as exc:  # e.g. --engine ray without Ray installed; the journal is kept
        raise _fail(f"{exc}{kept()}", EXIT_USAGE) from None
    except KeyboardInterrupt:
        typer.echo(f"interrupted{kept()}", err=True)
        raise typer.Exit(130) from None
    finally:
        bar.close()
        if journal is not None and not finished:
            try:
                journal.close()
            except OSError:
                pass
    if journal is not None:
        gold_docs = None
        if fmt == "html" and gold is not None:
            try:
                gold_docs = list(read_jsonl(gold, shared))
            except RecordError as exc:
                raise _fail(str(exc), EXIT_USAGE) from None
        try:
            if gold is not None and journal.done_ids:
                docs = list(journal.records())  # score the whole output, the earlier run's part included
            journal.finish(fmt, gold=gold_docs)
        except OSError as exc:
            journal.close()
            raise _fail(f"cannot write {output}: {_io_message(exc)} (the records are kept in {journal.path};"
                        " free some space and rerun the same command to finish)", EXIT_IO) from None
    if fmt == "table":
        text = format_table(docs)
        if output == "-":
            typer.echo(text)
        else:
            try:
                Path(output).write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise _fail(f"cannot write {output}: {_io_message(exc)}", EXIT_IO) from None
    done_before = len(journal.done_ids) if journal else 0
    typer.echo(f"{total} document(s), {total - failed} ok, {failed} failed"
               + (f" (and {done_before} done by an earlier run)" if done_before else ""), err=True)
    if gold is not None:
        try:
            result = evaluate(gold, docs, slot_list, shared)
        except (RecordError, ValueError) as exc:
            raise _fail(str(exc), EXIT_USAGE) from None
        typer.echo("")
        typer.echo(f"Score against {gold}:")
        typer.echo(format_report(result, examples=5))
    if failed:
        raise typer.Exit(EXIT_DOCUMENTS)
