from __future__ import annotations

import csv
import sys
from pathlib import Path

import typer

from .errors import mapped_errors

NETWORK_FORMATS = {".graphml": "graphml", ".csv": "csv", ".dna": "dna"}


def _load(claims: Path, shared: Path | None = None):
    from ..batch import read_records
    from ..schema import read_jsonl

    return list(read_records(claims) if claims.suffix == ".parquet" else read_jsonl(claims, shared))


def _check(threshold: float, concepts: str) -> None:
    if not 0.0 < threshold <= 1.0:
        raise typer.BadParameter(f"a cosine similarity in (0, 1], not {threshold}", param_hint="--threshold")
    if concepts not in ("auto", "minilm", "exact"):
        raise typer.BadParameter(f"auto, minilm or exact, not {concepts!r}", param_hint="--concepts")


THRESHOLD_HELP = ("Issues whose MiniLM embeddings are at least this cosine-similar on average (average linkage)"
                  " form one concept; higher: more, narrower concepts.")
CONCEPTS_HELP = "How issues become concepts: minilm (cluster embeddings), exact (same normalised text), auto (minilm when installed)."


def network_cli(
    claims: Path = typer.Argument(..., exists=True, dir_okay=False, help="claimx output (JSONL or Parquet) or a gold file."),
    output: Path = typer.Option(..., "--output", "-o", help="net.graphml (networkx, Gephi), net.csv (edge list) or net.dna (a DNA 3 database)."),
    network: str = typer.Option("affiliation", "--network", "-n", help="For GraphML and CSV: affiliation (actor -> concept), congruence or conflict (actor - actor)."),
    threshold: float = typer.Option(0.75, "--threshold", "-t", help=THRESHOLD_HELP),
    concepts: str = typer.Option("auto", "--concepts", help=CONCEPTS_HELP),
    include_optional: bool = typer.Option(False, "--include-optional", help="Gold files: count optional claims too."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off records (e.g. ../shared for corpora/news)."),
    dna_password: str = typer.Option("claimx", "--dna-password", help="For .dna: the password of the database's Admin coder."),
) -> None:
    """Write the discourse network of the claims: actors (canonical names) and concepts (grouped issues)."""
    from ..network import NETWORKS, build_network, write_csv, write_dna, write_graphml

    fmt = NETWORK_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise typer.BadParameter(f"name the output *.graphml, *.csv or *.dna, not {output.name!r}", param_hint="--output")
    if network not in NETWORKS:
        raise typer.BadParameter(f"one of {', '.join(NETWORKS)}, not {network!r}", param_hint="--network")
    _check(threshold, concepts)
    with mapped_errors(output):
        docs = _load(claims, shared)
        net = build_network(docs, threshold=threshold, method=concepts, include_optional=include_optional)
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nodes, edges = write_graphml(net, output, network)
            what = f"{network} network: {nodes} nodes, {edges} edges"
        elif fmt == "csv":
            what = f"{network} network: {write_csv(net, output, network)} edges"
        else:
            what = f"{write_dna(net, docs, output, dna_password)} statements (support/oppose) in {len(docs)} documents"
    how = f"MiniLM, threshold {threshold}" if net.method == "minilm" else "exact text"
    typer.echo(f"{len(net.statements)} statements, {len({s.actor for s in net.statements})} actors,"
               f" {len(net.concepts)} concepts ({how}) -> {output}: {what}", err=True)


def summary_cli(
    claims: Path = typer.Argument(..., exists=True, dir_okay=False, help="claimx output (JSONL or Parquet) or a gold file."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or csv."),
    by: str = typer.Option("both", "--by", help="actor, concept or both."),
    threshold: float = typer.Option(0.75, "--threshold", "-t", help=THRESHOLD_HELP),
    concepts: str = typer.Option("auto", "--concepts", help=CONCEPTS_HELP),
    include_optional: bool = typer.Option(False, "--include-optional", help="Gold files: count optional claims too."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off records (e.g. ../shared for corpora/news)."),
) -> None:
    """Support / oppose counts per actor and per concept."""
    from ..network import build_network, summary_rows
    from ..table import grid

    if fmt not in ("table", "csv"):
        raise typer.BadParameter(f"table or csv, not {fmt!r}", param_hint="--format")
    if by not in ("actor", "concept", "both"):
        raise typer.BadParameter(f"actor, concept or both, not {by!r}", param_hint="--by")
    _check(threshold, concepts)
    with mapped_errors():
        net = build_network(_load(claims, shared), threshold=threshold, method=concepts, include_optional=include_optional)
    parts = ["actor", "concept"] if by == "both" else [by]
    if fmt == "csv":
        cols = ["by", "name", "kind", "statements", "support", "oppose", "neutral", "unannotated", "actors",
                "concepts", "documents"]
        w = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for part in parts:
            for r in summary_rows(net, part):
                w.writerow({**r, "by": part, "name": r[part]})
        return
    blocks = []
    for part in parts:
        rows = summary_rows(net, part)
        other = "concepts" if part == "actor" else "actors"
        head = [part] + (["kind"] if part == "actor" else []) + ["statements", "support", "oppose", "neutral", other,
                                                                   "documents"]
        blocks.append(grid(head, [[r[h] for h in head] for r in rows], flex={part: 1.0},
                           right=("statements", "support", "oppose", "neutral", other, "documents")))
    how = f"MiniLM, threshold {threshold}" if net.method == "minilm" else "exact text"
    typer.echo("\n\n".join(blocks))
    typer.echo(f"\n{len(net.statements)} statements, {len({s.actor for s in net.statements})} actors,"
               f" {len(net.concepts)} concepts ({how})")
