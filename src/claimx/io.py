"""Reading input documents, streamed: ``.txt`` and ``.json`` files, JSONL, CSV/TSV, RSS and Atom
feeds, Parquet, HF datasets saved to disk, folders of these, and stdin.

Every input yields exactly one item: an :class:`InputDoc` to process or an :class:`InputError`
saying why it cannot be, so that no document is ever lost silently.  A repeated id becomes an
:class:`InputError` too (see :func:`flag_duplicates`): it is reported, never merged.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .standoff import StandoffError, is_standoff, join_text


@dataclass
class InputDoc:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class InputError:
    id: str
    reason: str
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


Item = InputDoc | InputError


def _check_text(doc_id: str, text: Any, where: str, meta: dict[str, Any] | None = None) -> Item:
    if not isinstance(text, str):
        return InputError(doc_id, f"{where}: 'text' must be a string, got {type(text).__name__}", meta=meta or {})
    if not text.strip():
        return InputError(doc_id, f"{where}: the text is empty", text=text, meta=meta or {})
    return InputDoc(doc_id, text, meta or {})


def read_txt(path: Path) -> Item:
    doc_id = path.stem
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(doc_id, f"{path}: not UTF-8 text (invalid byte at position {exc.start})")
    except OSError as exc:
        return InputError(doc_id, f"{path}: cannot be read ({exc.strerror})")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _check_text(doc_id, text, str(path), {"source": str(path)})


@dataclass
class InputOptions:
    """Which fields hold the id and the text in record formats (JSONL, JSON, CSV, Parquet, HF)."""

    id_column: str = "id"
    text_column: str = "text"
    #: where stand-off records (no text, ``meta.text_source``) find their texts; see claimx.standoff
    shared: str | None = None


DEFAULT_OPTIONS = InputOptions()
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet", ".xml", ".rss", ".atom")


def _record(rec: Any, where: str, opts: InputOptions, lineno: int | None = None) -> Item:
    """A parsed record (dict) -> item, with the configured id and text fields."""
    if not isinstance(rec, dict):
        return InputError(where, f"{where}: expected an object with {opts.id_column!r} and {opts.text_column!r}")
    if opts.text_column == "text" and is_standoff(rec):
        try:
            rec = join_text(rec, opts.shared)
        except StandoffError as exc:
            return InputError(str(rec.get(opts.id_column) or where), f"{where}: {exc}")
    doc_id = rec.get(opts.id_column)
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        return InputError(where, f"{where}: the record has no {opts.id_column!r}", meta={"line": lineno} if lineno else {})
    doc_id = str(doc_id)
    if opts.text_column not in rec or rec[opts.text_column] is None:
        return InputError(doc_id, f"{where}: the record has no {opts.text_column!r}")
    meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
    return _check_text(doc_id, rec[opts.text_column], where, meta)


def read_jsonl_lines(lines: Iterable[bytes], name: str, opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    for lineno, raw in enumerate(lines, start=1):
        where = f"{name}:{lineno}"
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield InputError(where, f"{where}: not UTF-8 (invalid byte at position {exc.start})")
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _record(rec, where, opts, lineno)


def read_json_file(path: Path, opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """A ``.json`` file: one record object, or a list of them."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        yield InputError(path.stem, f"{path}: not UTF-8 (invalid byte at position {exc.start})")
        return
    except json.JSONDecodeError as exc:
        yield InputError(path.stem, f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    if isinstance(data, list):
        for i, rec in enumerate(data):
            yield _record(rec, f"{path}[{i}]", opts)
    elif isinstance(data, dict) and opts.id_column not in data and opts.text_column in data:
        yield _record({**data, opts.id_column: path.stem}, str(path), opts)
    else:
        yield _record(data, str(path), opts)


def read_csv_file(path: Path, opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """CSV (or TSV by suffix) with a header row; the id and text columns are configurable.
    A row that cannot be read (wrong number of fields, missing id or text) is an error item."""
    import csv

    csv.field_size_limit(1 << 30)
    delimiter = "\t" if path.suffix == ".tsv" else ","
    try:
        fh = open(path, encoding="utf-8", newline="")  # noqa: SIM115
        reader = csv.DictReader(fh, delimiter=delimiter, restkey="__extra__", restval=None)
        header = reader.fieldnames or []
    except (UnicodeDecodeError, OSError) as exc:
        yield InputError(path.stem, f"{path}: cannot be read as CSV ({exc})")
        return
    with fh:
        missing = [c for c in (opts.id_column, opts.text_column) if c not in header]
        if missing:
            yield InputError(path.stem, f"{path}: no column {' or '.join(map(repr, missing))} in the header {header}"
                             " (choose them with --id-column / --text-column)")
            return
        rows = iter(reader)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                where = f"{path}:{reader.line_num}"
                yield InputError(where, f"{where}: malformed CSV row ({exc})")
                continue
            where = f"{path}:{reader.line_num}"
            if row.get("__extra__") or any(v is None for k, v in row.items() if k != "__extra__"):
                yield InputError(str(row.get(opts.id_column) or where),
                                 f"{where}: the row does not have the header's {len(header)} fields")
                continue
            yield _record(row, where, opts)


def _html_to_text(html: str) -> str:
    import html as htmllib
    import re

    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = htmllib.unescape(text)
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def read_feed(path: Path) -> Iterator[Item]:
    """An RSS or Atom feed file, parsed with ``feedparser``: one document per entry, id = the
    entry's id (else its link), text = title, then the content (else the summary) without HTML."""
    import feedparser

    feed = feedparser.parse(str(path))
    if feed.bozo and not feed.entries:
        yield InputError(path.stem, f"{path}: not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        return
    for i, e in enumerate(feed.entries):
        doc_id = e.get("id") or e.get("link") or f"{path.stem}#{i}"
        body = ""
        if e.get("content"):
            body = "\n\n".join(_html_to_text(c.get("value", "")) for c in e.content)
        elif e.get("summary"):
            body = _html_to_text(e.summary)
        title = " ".join((e.get("title") or "").split())
        text = f"{title}\n\n{body}" if title and body else (title or body)
        meta = {"source": str(path), "link": e.get("link"), "published": e.get("published"), "title": title}
        yield _check_text(str(doc_id), text, f"{path} entry {i}", {k: v for k, v in meta.items() if v})


def read_parquet(path: Path, opts: InputOptions = DEFAULT_OPTIONS, batch_rows: int = 1024) -> Iterator[Item]:
    """A Parquet file, streamed in record batches (constant memory)."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several kinds
        yield InputError(path.stem, f"{path}: not a readable Parquet file ({exc})")
        return
    names = pf.schema_arrow.names
    missing = [c for c in (opts.id_column, opts.text_column) if c not in names]
    if missing:
        yield InputError(path.stem, f"{path}: no column {' or '.join(map(repr, missing))} in {names}")
        return
    n = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        for rec in batch.to_pylist():
            n += 1
            yield _record(rec, f"{path} row {n}", opts)


def is_hf_dataset_dir(path: Path) -> bool:
    return (path / "dataset_info.json").is_file() or (path / "dataset_dict.json").is_file()


def read_hf_dataset(path: Path, opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """A HF dataset saved with ``save_to_disk`` (a ``DatasetDict``: every split in turn).  Rows
    are read from the memory-mapped Arrow files one at a time."""
    from datasets import DatasetDict, load_from_disk

    try:
        ds = load_from_disk(str(path))
    except Exception as exc:
        yield InputError(path.name, f"{path}: not a readable HF dataset ({exc})")
        return
    parts = list(ds.items()) if isinstance(ds, DatasetDict) else [("", ds)]
    for split, part in parts:
        missing = [c for c in (opts.id_column, opts.text_column) if c not in part.column_names]
        if missing:
            yield InputError(path.name, f"{path}{'/' + split if split else ''}: no column {' or '.join(map(repr, missing))}"
                             f" in {part.column_names}")
            continue
        for i, rec in enumerate(part):
            yield _record(rec, f"{path}{'/' + split if split else ''} row {i + 1}", opts)


def flag_duplicates(items: Iterable[Item]) -> Iterator[Item]:
    """Pass items through; an id seen before becomes an error item naming where it first came, so
    that a repeated id is reported and never silently merged with the first."""
    first: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        if isinstance(item, InputDoc):
            if item.id in first:
                yield InputError(item.id, f"duplicate id {item.id!r}: already used by input #{first[item.id]};"
                                 " this document is not processed", text=item.text, meta=item.meta)
                continue
            first[item.id] = n
        yield item


def read_inputs(paths: Iterable[str], opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Items from each path in turn: ``-`` is stdin (JSONL if its first non-blank character is
    ``{``, else one plain-text document with id ``stdin``); ``.jsonl``/``.ndjson`` hold one record
    per line, ``.json`` one record or a list, ``.csv``/``.tsv`` a header and one row per document,
    ``.parquet`` one row per document, ``.xml``/``.rss``/``.atom`` a feed; a folder saved by HF
    ``datasets`` is read as a dataset; any other folder contributes its supported files in name
    order; any other file is one plain-text document."""
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip()[:1] == b"{":
                yield from read_jsonl_lines(data.splitlines(), "<stdin>", opts)
            else:
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield InputError("stdin", f"<stdin>: not UTF-8 text (invalid byte at position {exc.start})")
                    continue
                yield _check_text("stdin", text, "<stdin>")
            continue
        path = Path(name)
        suffix = path.suffix.lower()
        if path.is_dir() and is_hf_dataset_dir(path):
            yield from read_hf_dataset(path, opts)
        elif path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", *RECORD_SUFFIXES))
            yield from read_inputs((str(p) for p in files), opts)
        elif not path.exists():
            yield InputError(path.stem or name, f"{name}: no such file")
        elif suffix in (".jsonl", ".ndjson"):
            with open(path, "rb") as fh:
                yield from read_jsonl_lines(fh, str(path), opts)
        elif suffix == ".json":
            yield from read_json_file(path, opts)
        elif suffix in (".csv", ".tsv"):
            yield from read_csv_file(path, opts)
        elif suffix == ".parquet":
            yield from read_parquet(path, opts)
        elif suffix in (".xml", ".rss", ".atom"):
            yield from read_feed(path)
        else:
            yield read_txt(path)
