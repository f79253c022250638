from __future__ import annotations

import json
import warnings
from pathlib import Path

import typer

from ..corpus import CONVERTERS, stats, validate_file
from ..schema import RecordError, read_jsonl, write_jsonl

corpus_app = typer.Typer(help="Validate, convert and describe annotated corpora.", no_args_is_help=True)


@corpus_app.command("validate")
def validate_cli(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="JSONL files."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off records."),
) -> None:
    """Check that every record fits the schema and every span matches the text."""
    bad = 0
    for f in files:
        n_docs, n_claims, problems = validate_file(f, shared)
        for p in problems:
            typer.echo(p, err=True)
        bad += len(problems)
        typer.echo(f"{f}: {n_docs} documents, {n_claims} claims, {len(problems)} problem(s)")
    if bad:
        raise typer.Exit(1)


@corpus_app.command("stats")
def stats_cli(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off records."),
) -> None:
    """Documents, claims, stances, condition markers and splits."""
    docs = []
    try:
        for f in files:
            docs.extend(read_jsonl(f, shared))
    except RecordError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(stats(docs), indent=2))


@corpus_app.command("convert")
def convert_cli(
    src: Path = typer.Argument(..., exists=True, help="The external data (file or folder)."),
    source_format: str = typer.Option(..., "--from", help=f"One of: {', '.join(CONVERTERS)}."),
    output: Path = typer.Option(..., "--output", "-o", help="Output JSONL."),
    split: str = typer.Option(None, "--split", help="Keep only this split (e.g. train, dev)."),
) -> None:
    """Convert external annotations into claimx records."""
    conv = CONVERTERS.get(source_format)
    if conv is None:
        raise typer.BadParameter(f"--from must be one of {', '.join(CONVERTERS)}, not {source_format!r}")
    def show(message: Warning | str, category: type, filename: str, lineno: int, file: object = None,
             line: str | None = None) -> None:
        typer.echo(f"warning: {message}", err=True)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = show  # one line per warning, not Python's source excerpt
            n = write_jsonl(conv(src, split=split), output)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {n} documents to {output}")
