from __future__ import annotations

from pathlib import Path

import typer

from .errors import mapped_errors
from .evaluate import parse_slots


def report_cli(
    claims: Path = typer.Argument(..., exists=True, dir_okay=False, help="Records to show: claimx output (JSONL or Parquet) or a gold file."),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (one self-contained file)."),
    gold: Path = typer.Option(None, "--gold", exists=True, dir_okay=False, help="Gold JSONL: mark claims matched, partial, missed or spurious."),
    slots: str = typer.Option(None, "--slots", help="With --gold: the slots that decide a match (default: those the gold declares)."),
    title: str = typer.Option(None, "--title", help="The page title (default: from the output name)."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off records (e.g. ../shared for corpora/news)."),
) -> None:
    """Write an HTML report: every document's text with its claims highlighted, beside the claims table."""
    from ..batch import read_records
    from ..report import write_report
    from ..schema import read_jsonl

    if output.suffix.lower() not in (".html", ".htm"):
        raise typer.BadParameter(f"the report is HTML: name it *.html, not {output.name!r}", param_hint="--output")
    with mapped_errors(output):
        docs = list(read_records(claims) if claims.suffix == ".parquet" else read_jsonl(claims, shared))
        gold_docs = list(read_jsonl(gold, shared)) if gold is not None else None
        output.parent.mkdir(parents=True, exist_ok=True)
        n = write_report(docs, output, gold=gold_docs, title=title, slots=parse_slots(slots))
    typer.echo(f"{n} document(s) -> {output}", err=True)
