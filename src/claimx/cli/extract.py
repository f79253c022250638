from __future__ import annotations

import csv
import logging
import sys
from pathlib import Path

import typer

from ..evaluate import evaluate, format_report
from ..schema import Document, RecordError, read_jsonl
from .evaluate import parse_slots

FORMATS = ("jsonl", "table", "csv")
CSV_FIELDS = ["doc_id", "status", "error", "actor", "canonical", "stance", "issue", "condition", "cue", "addressee",
              "actor_start", "actor_end", "issue_start", "issue_end", "condition_start",
              "condition_end", "source", "confidence"]


def select_device(device: str) -> str:
    """``cpu`` | ``cuda`` | ``auto``: the device the pipeline runs on.  ``cuda`` fails loudly when
    no GPU is usable; ``auto`` takes one when spaCy can."""
    import spacy

    if device not in ("cpu", "cuda", "auto"):
        raise typer.BadParameter(f"--device must be cpu, cuda or auto, not {device!r}")
    if device == "cpu":
        return "cpu"
    ok = False
    try:
        ok = spacy.prefer_gpu()
    except Exception:  # cupy present but no driver
        ok = False
    if device == "cuda" and not ok:
        raise typer.BadParameter(
            "--device cuda: no GPU is usable here (spaCy needs cupy and a CUDA device);"
            " use --device cpu or auto"
        )
    return "cuda" if ok else "cpu"


def claim_rows(doc: Document):
    """One row per claim; a document without claims (or one that failed) still gets a row, so
    that no input disappears from the CSV."""
    if not doc.claims:
        yield {"doc_id": doc.id, "status": doc.status, "error": doc.error or ""}
    for c in doc.claims:
        yield {
            "doc_id": doc.id,
            "status": doc.status,
            "error": "",
            "actor": c.actor.text if c.actor else "",
            "canonical": (c.actor.canonical or "") if c.actor else "",
            "stance": c.stance or "",
            "issue": c.issue.text,
            "condition": c.condition.text if c.condition else "",
            "cue": c.cue.text if c.cue else "",
            "addressee": c.addressee.text if c.addressee else "",
            "actor_start": c.actor.start if c.actor else "",
            "actor_end": c.actor.end if c.actor else "",
            "issue_start": c.issue.start,
            "issue_end": c.issue.end,
            "condition_start": c.condition.start if c.condition else "",
            "condition_end": c.condition.end if c.condition else "",
            "source": c.source or "",
            "confidence": c.confidence if c.confidence is not None else "",
        }


def _cut(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def format_table(docs: list[Document]) -> str:
    lines = [f"{'#':>3} {'actor (canonical)':<34} {'stance':<8} {'issue':<58} {'condition':<34}"]
    for doc in docs:
        lines.append(f"== {doc.id}: {len(doc.claims)} claims" + (f"  ERROR: {doc.error}" if doc.status == "error" else ""))
        for i, c in enumerate(doc.claims, 1):
            actor = c.actor.text if c.actor else "-"
            if c.actor and c.actor.canonical and c.actor.canonical != c.actor.text:
                actor += f" ({c.actor.canonical})"
            cond = c.condition.text if c.condition else "-"
            lines.append(f"{i:>3} {_cut(actor, 34):<34} {c.stance or '-':<8} {_cut(c.issue.text, 58):<58} {_cut(cond, 34):<34}")
    return "\n".join(lines)


def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Input .txt files, JSONL files with id and text, directories, or - for stdin."),
    output: str = typer.Option("-", "--output", "-o", help="Output file (default: stdout)."),
    fmt: str = typer.Option(None, "--format", "-f", help="jsonl, table or csv (default: from the output suffix, else jsonl; table on a terminal)."),
    gold: Path = typer.Option(None, "--gold", exists=True, dir_okay=False, help="Gold JSONL: score the output against it."),
    slots: str = typer.Option(None, "--slots", help="With --gold: the slots the gold annotates."),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda or auto."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per nlp.pipe batch."),
    config: str = typer.Option("default.cfg", "--config", "-c", help="Pipeline config (a path, or a name in configs/)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract claims from news texts."""
    from tqdm import tqdm

    from ..extract import extract_documents
    from ..io import read_inputs
    from ..pipeline import load

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if fmt is None:
        suffix = Path(output).suffix.lstrip(".") if output != "-" else ""
        fmt = suffix if suffix in FORMATS else ("table" if output == "-" and sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    slot_list = parse_slots(slots)
    select_device(device)
    try:
        nlp = load(config)
    except (FileNotFoundError, RuntimeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None

    docs: list[Document] = []
    failed = total = words = 0
    try:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        typer.echo(f"error: cannot write {output}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    bar = tqdm(desc="documents", unit="doc", disable=quiet or None, file=sys.stderr)
    try:
        for doc in extract_documents(nlp, read_inputs(inputs), batch_size=batch_size):
            bar.update(1)
            total += 1
            words += len(doc.text.split())
            elapsed = bar.format_dict.get("elapsed") or 0
            if elapsed:
                bar.set_postfix(words_per_s=f"{words / elapsed:,.0f}", refresh=False)
            if doc.status == "error":
                failed += 1
                typer.echo(f"error: {doc.id}: {doc.error}", err=True)
            if fmt == "jsonl":
                out.write(doc.to_json() + "\n")
                out.flush()
            elif writer:
                writer.writerows(claim_rows(doc))
            if fmt == "table" or gold is not None:
                docs.append(doc)
    finally:
        bar.close()
        if out is not sys.stdout:
            out.close()
    if fmt == "table":
        text = format_table(docs)
        if output == "-":
            typer.echo(text)
        else:
            Path(output).write_text(text + "\n", encoding="utf-8")
    typer.echo(f"{total} document(s), {total - failed} ok, {failed} failed", err=True)
    if gold is not None:
        try:
            result = evaluate(gold, docs, slot_list)
        except (RecordError, ValueError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        typer.echo("")
        typer.echo(f"Score against {gold}:")
        typer.echo(format_report(result, examples=5))
    if failed:
        raise typer.Exit(1)
