"""The ``claimx`` command line: a thin typer layer over plain functions, one file per command."""

from __future__ import annotations

import typer

from .. import __version__
from .corpus import corpus_app
from .evaluate import evaluate_cli
from .extract import extract_cli
from .network import network_cli, summary_cli
from .report import report_cli
from .schema import schema_cli
from .train import train_cli

app = typer.Typer(
    name="claimx",
    help="Extract political claims (actor, stance, issue, condition) from news and score them.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """claimx command line."""


app.command("extract")(extract_cli)
app.command("evaluate")(evaluate_cli)
app.command("train")(train_cli)
app.command("report")(report_cli)
app.command("network")(network_cli)
app.command("summary")(summary_cli)
app.command("schema")(schema_cli)
app.add_typer(corpus_app, name="corpus")


def main() -> None:
    app()
