"""Plain-text tables for the terminal: every cell shown whole, wrapped inside its column, the
columns fitted to the terminal's width.

:func:`grid` lays out any rows; :func:`format_claims` is the claims table of ``claimx extract
--format table`` (actor with its canonical name, stance, cue, issue, condition, addressee,
confidence, per document with "1 claim" / "N claims").
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from .schema import Document


def terminal_width(default: int = 120) -> int:
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _fit(natural: list[int], minimum: list[int], flex: list[float], room: int) -> list[int]:
    """Column widths: natural ones when they fit; otherwise the flexible columns (weight > 0) give
    up width one character at a time, the one widest for its weight first, down to their minimum."""
    widths = list(natural)
    while sum(widths) > room:
        cands = [i for i, f in enumerate(flex) if f and widths[i] > minimum[i]]
        if not cands:
            break
        i = max(cands, key=lambda k: widths[k] / flex[k])
        widths[i] -= 1
    return widths


def grid(headers: Sequence[str], rows: Iterable[Sequence[Any]], width: int | None = None,
         flex: Sequence[str] | dict[str, float] = (), right: Sequence[str] = (), min_width: int = 10) -> str:
    """Rows under ``headers``, two spaces between columns, within ``width`` characters (the
    terminal's by default).  Columns named in ``flex`` wrap to fit (a dict gives each a weight:
    a column of weight 2 keeps about twice the width); the others keep their natural width.
    Cells are never cut: a long cell takes more lines."""
    weights = flex if isinstance(flex, dict) else {h: 1.0 for h in flex}
    width = width or terminal_width()
    rows = [["" if v is None else str(v) for v in r] for r in rows]
    n = len(headers)
    natural = [max([len(headers[i])] + [max((len(x) for x in r[i].splitlines()), default=0) for r in rows])
               for i in range(n)]
    is_flex = [float(weights.get(h, 0.0)) for h in headers]
    minimum = [min(natural[i], max(min_width, len(headers[i]))) if is_flex[i] else natural[i] for i in range(n)]
    widths = _fit(natural, minimum, is_flex, width - 2 * (n - 1))
    out = []

    def emit(cells: Sequence[str]) -> None:
        wrapped = []
        for i, cell in enumerate(cells):
            lines = []
            for para in cell.splitlines() or [""]:
                lines += textwrap.wrap(para, widths[i], break_long_words=True, break_on_hyphens=False) or [""]
            wrapped.append(lines)
        for k in range(max(len(w) for w in wrapped)):
            parts = []
            for i, lines in enumerate(wrapped):
                text = lines[k] if k < len(lines) else ""
                parts.append(text.rjust(widths[i]) if headers[i] in right else text.ljust(widths[i]))
            out.append("  ".join(parts).rstrip())

    emit(list(headers))
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        emit(r)
    return "\n".join(out)


CLAIM_HEADERS = ("#", "actor", "stance", "cue", "issue", "condition", "addressee", "conf")
CLAIM_FLEX = {"actor": 1.0, "cue": 0.6, "issue": 2.5, "condition": 1.3, "addressee": 0.8}


def format_claims(docs: Iterable[Document], width: int | None = None) -> str:
    """The claims of each document as a table: a heading line per document ("id: 3 claims", or
    its error), then one row per claim with every span in full."""
    width = width or terminal_width()
    blocks = []
    for doc in docs:
        head = f"== {doc.id}: {plural(len(doc.claims), 'claim')}"
        if doc.status == "error":
            head += f"  ERROR: {doc.error}"
        rows = []
        for i, c in enumerate(doc.claims, 1):
            actor = "-"
            if c.actor is not None:
                actor = c.actor.text or f"({c.actor.canonical})"
                if c.actor.canonical and c.actor.canonical != c.actor.text and c.actor.text:
                    actor += f" ({c.actor.canonical})"
            addressee = ""
            if c.addressee is not None:
                addressee = c.addressee.text or ""
                if c.addressee.canonical and c.addressee.canonical != c.addressee.text:
                    addressee += f" ({c.addressee.canonical})"
            rows.append([i, actor, c.stance or "-", c.cue.text if c.cue else "", c.issue.text,
                         c.condition.text if c.condition else "", addressee,
                         f"{c.confidence:.2f}" if c.confidence is not None else ""])
        if rows:
            blocks.append(head + "\n" + grid(CLAIM_HEADERS, rows, width, flex=CLAIM_FLEX,
                                             right=("#", "conf")))
        else:
            blocks.append(head)
    return "\n\n".join(blocks)
