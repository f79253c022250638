"""``claimx extract``: option parsing and exit codes over :func:`claimx.run.extract`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from ..batch import DEFAULT_DOC_TIMEOUT
from .errors import EXIT_DOCUMENTS, EXIT_IO, EXIT_USAGE  # exit codes: see cli/errors.py
from .errors import fail as _fail
from .evaluate import parse_slots


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
    pipeline: str = typer.Option(None, "--pipeline", "-p", help="rules, model or hybrid (configs/default.cfg, model.cfg, hybrid.cfg; model-fast and hybrid-fast are older names of model and hybrid); default: hybrid, the best on real news (or $CLAIMX_PIPELINE); rules is the fastest. Without a trained model the rules run, and say so."),
    config: str = typer.Option(None, "--config", "-c", help="A pipeline config: a name in claimx's configs/, or a path (./my.cfg); --pipeline picks one for you."),
    doc_timeout: float = typer.Option(DEFAULT_DOC_TIMEOUT, "--doc-timeout", min=0, help="Seconds one document may take (per 100,000 characters of a longer one); past it, it becomes an error record and the run goes on (0: no limit)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract claims from news texts: one output record per input document.

    Exit codes: 0 all documents done, 1 some became error records, 2 the command cannot run as
    given (options, config, output in use), 3 reading or writing failed (disk full, closed stdin)
    or the Ray engine failed."""
    from ..evaluation import format_report
    from ..presets import PIPELINES
    from ..run import ExtractOptions, Interrupted, OutputError, UsageError
    from ..run import extract as run_extract
    from ..writers import output_format

    try:
        fmt = output_format(output, fmt, output == "-" and sys.stdout.isatty())
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if pipeline is not None and pipeline not in PIPELINES:
        raise typer.BadParameter(f"--pipeline must be one of {', '.join(PIPELINES)}, not {pipeline!r}")
    options = ExtractOptions(
        fmt=fmt, pipeline=pipeline, config=config, device=device, engine=engine, n_process=n_process,
        batch_size=batch_size, ray_address=ray_address, doc_timeout=doc_timeout or None, id_column=id_column,
        text_column=text_column, shared=str(shared) if shared else None, resume=resume, gold=gold,
        slots=parse_slots(slots), progress=not quiet)
    _stop_on_sigterm()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        summary = run_extract(inputs, output, options, notify=lambda m: typer.echo(m, err=True))
    except UsageError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except OutputError as exc:
        raise _fail(str(exc), EXIT_IO) from None
    except Interrupted as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        sys.stderr.close()
        raise typer.Exit(EXIT_IO) from None
    done_before = summary.done_before
    typer.echo(f"{summary.total} document(s), {summary.total - summary.failed} ok, {summary.failed} failed"
               + (f" (and {done_before} done by an earlier run)" if done_before else ""), err=True)
    if summary.score is not None:
        typer.echo("")
        typer.echo(f"Score against {gold}:")
        typer.echo(format_report(summary.score, examples=5))
    if summary.failed:
        raise typer.Exit(EXIT_DOCUMENTS)
