from __future__ import annotations

import json

import typer


def schema_cli(
    indent: int = typer.Option(2, "--indent", min=0, help="Indentation of the printed JSON (0: one line)."),
) -> None:
    """Print the JSON Schema of one output record (a JSONL line), generated from claimx's models."""
    from ..schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=indent or None, ensure_ascii=False))
