"""Output writers, registered by name: ``jsonl``, ``csv``, ``parquet``, ``html``, ``table``.

The interface, all a new format needs::

    from claimx.writers import Writer, register

    @register
    class MyWriter(Writer):
        name = "mine"                 # --format mine
        suffixes = (".mine",)         # -o out.mine picks it
        needs_file = False            # True: never to stdout (a binary or whole-file format)

        def add(self, doc):           # each record, in input order
            self.out.write(...)       # self.out: a binary stream; self.context: WriteContext
        def close(self):              # once, after the last record (do not close self.out)
            ...

A writer is made with the binary stream to write to and a :class:`WriteContext` (the output path,
or None for stdout; gold records for formats that mark claims against them; a title).  A run to a
file writes its records to a journal first (:class:`claimx.batch.Journal`) and, when it ends,
feeds them to the writer into a new file moved into place atomically; a run to stdout feeds the
writer as the records come.  :func:`writer_for` finds a writer by name and :func:`output_format`
picks the format from ``--format`` or the output's suffix.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from .schema import Document


@dataclass
class WriteContext:
    """What a writer may need besides the records."""

    output: Path | None = None  # None: stdout
    gold: list[Document] | None = None
    title: str = "claimx"


class Writer:
    """One output in one format: :meth:`add` each record in order, then :meth:`close` once."""

    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()
    needs_file: ClassVar[bool] = False

    def __init__(self, out: BinaryIO, context: WriteContext | None = None):
        self.out = out
        self.context = context or WriteContext()

    def add(self, doc: Document) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """After the last record; flushes what the writer holds (the stream stays open)."""

    def write_all(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            self.add(doc)
        self.close()


WRITERS: dict[str, type[Writer]] = {}


def register(cls: type[Writer]) -> type[Writer]:
    """Class decorator: make a writer available by its ``name`` (and its ``suffixes``)."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} needs a name")
    WRITERS[cls.name] = cls
    return cls


def writer_for(fmt: str) -> type[Writer]:
    try:
        return WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(WRITERS)}") from None


def output_format(output: str, fmt: str | None, isatty: bool = False) -> str:
    """The output format: ``fmt`` when given, else the output file's suffix (an unknown suffix is
    refused rather than given JSONL in silence).  To stdout (``-``): table on a terminal, else
    JSONL.  Raises ValueError with the reason."""
    if fmt is not None:
        writer_for(fmt)
        return fmt
    if output == "-":
        return "table" if isatty else "jsonl"
    suffix = Path(output).suffix.lower()
    for name, cls in WRITERS.items():
        if suffix in cls.suffixes:
            return name
    known = sorted(s for cls in WRITERS.values() for s in cls.suffixes)
    raise ValueError(f"cannot tell the output format from {Path(output).name!r}: name it {', '.join(known)},"
                     f" or pass --format ({', '.join(WRITERS)})")


@register
class JsonlWriter(Writer):
    """One record per line (the record form of docs/record.md)."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def add(self, doc: Document) -> None:
        from .batch import record_line

        self.out.write(record_line(doc))


@register
class CsvWriter(Writer):
    """One row per claim; a document without claims (or one that failed) still gets a row."""

    name = "csv"
    suffixes = (".csv",)

    def __init__(self, out: BinaryIO, context: WriteContext | None = None):
        from .batch import CSV_FIELDS

        super().__init__(out, context)
        self.text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        self.rows = csv.DictWriter(self.text, fieldnames=CSV_FIELDS)
        self.rows.writeheader()

    def add(self, doc: Document) -> None:
        from .batch import claim_rows

        self.rows.writerows(claim_rows(doc))

    def close(self) -> None:
        self.text.flush()
        self.text.detach()  # the stream is the caller's


@register
class ParquetWriter(Writer):
    """One row per document (docs/record.md), written with pyarrow in row groups of 1,000."""

    name = "parquet"
    suffixes = (".parquet",)
    needs_file = True

    def __init__(self, out: BinaryIO, context: WriteContext | None = None):
        import pyarrow.parquet as pq

        from .batch import parquet_schema

        super().__init__(out, context)
        self.schema = parquet_schema()
        self.writer = pq.ParquetWriter(out, self.schema)
        self.rows: list[dict[str, Any]] = []

    def add(self, doc: Document) -> None:
        from .batch import parquet_row

        self.rows.append(parquet_row(doc))
        if len(self.rows) >= 1000:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


class _Collecting(Writer):
    def __init__(self, out: BinaryIO, context: WriteContext | None = None):
        super().__init__(out, context)
        self.docs: list[Document] = []

    def add(self, doc: Document) -> None:
        self.docs.append(doc)


@register
class HtmlWriter(_Collecting):
    """The report (claimx.report): one self-contained page; claims marked against gold if given."""

    name = "html"
    suffixes = (".html", ".htm")
    needs_file = True

    def close(self) -> None:
        from .report import render_report

        self.out.write(render_report(self.docs, self.context.gold, title=self.context.title).encode("utf-8"))


@register
class TableWriter(_Collecting):
    """The claims table for reading (claimx.table), fitted to the terminal."""

    name = "table"
    suffixes = ()

    def close(self) -> None:
        from .table import format_claims

        self.out.write((format_claims(self.docs) + "\n").encode("utf-8"))
