from __future__ import annotations

import json
from pathlib import Path

import typer

from ..evaluation import evaluate, format_report
from ..schema import RecordError
from ..scoring import ALL_SLOTS


def parse_slots(slots: str | None) -> list[str] | None:
    """``"actor,issue"`` -> ``["actor", "issue"]``; nothing -> ``None`` (the gold's own slots)."""
    if not slots:
        return None
    out = [s.strip() for s in slots.split(",") if s.strip()]
    bad = [s for s in out if s not in ALL_SLOTS]
    if bad:
        raise typer.BadParameter(f"unknown slot(s) {', '.join(bad)}; choose from {', '.join(ALL_SLOTS)}")
    return out


def evaluate_cli(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL."),
    pred: Path = typer.Argument(..., exists=True, dir_okay=False, help="Predicted JSONL."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    slots: str = typer.Option(None, "--slots", help="Slots to score, e.g. actor,issue (default: those the gold declares in meta.annotated_slots, else all)."),
    examples: int = typer.Option(10, "--examples", help="How many missed/spurious/partial claims to list."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off gold (e.g. ../shared for corpora/news)."),
) -> None:
    """Score predicted claims against gold claims (SPEC's protocol)."""
    try:
        result = evaluate(gold, pred, parse_slots(slots), shared)
    except (RecordError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(result, examples))
