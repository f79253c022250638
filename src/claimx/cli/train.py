from __future__ import annotations

import json
import logging
from pathlib import Path

import typer


def train_cli(
    config: str = typer.Option("tagger.cfg", "--config", "-c", help="Training config (a path, or a name in configs/)."),
    output: Path = typer.Option(Path("models/claim-tagger"), "--output", "-o", help="Folder for the trained model."),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda or auto."),
    root: Path = typer.Option(Path("."), "--root", help="Folder the config's data paths are relative to."),
    overrides: list[str] = typer.Option([], "--set", help="Config override, e.g. --set optim.max_steps=50 (repeatable)."),
    shared: Path = typer.Option(None, "--shared", envvar="CLAIMX_SHARED", help="Folder holding the texts of stand-off training data (corpora/news)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Train the claim tagger (needs the ml extra) and write model, metrics and model card."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        import torch  # noqa: F401  (the ml extra is installed)

        from ..model.card import write_card
        from ..model.train import train
    except ImportError as exc:
        typer.echo(f"error: training needs the ml extra (pip install 'claimx[ml]'): {exc}", err=True)
        raise typer.Exit(2) from None
    from ..device import resolve_device

    try:
        device = resolve_device(device)
    except (ValueError, RuntimeError) as exc:
        typer.echo(f"error: --device: {exc}", err=True)
        raise typer.Exit(2) from None
    parsed = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--set wants key=value, not {item!r}")
        try:
            parsed[key] = json.loads(value)
        except json.JSONDecodeError:
            parsed[key] = value
    try:
        metrics = train(config, output, device=device, overrides=parsed, root=root, progress=not quiet, shared=shared)
    except (FileNotFoundError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    write_card(output, metrics)
    typer.echo(f"trained {metrics['steps']} steps in {metrics['minutes']} min; loss {metrics['first_loss']} ->"
               f" {metrics['final_loss']}; dev span F1 {metrics['dev_span_f1']}; saved to {output}")
