"""Reading input documents, streamed: ``.txt`` and ``.json`` files, JSONL, CSV/TSV, RSS and Atom
feeds, Parquet, HF datasets saved to disk, folders of these, and stdin.

Every input yields exactly one item: an :class:`InputDoc` to process or an :class:`InputError`
saying why it cannot be, so that no document is ever lost silently.  A repeated id becomes an
:class:`InputError` too (see :func:`flag_duplicates`): it is reported, never merged.
"""

from __future__ import annotations

import codecs
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .standoff import StandoffError, is_standoff, join_text
_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_text(text: str) -> str:
    """``text`` with every lone surrogate (not Unicode, cannot be written as UTF-8) replaced by
    U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _repair(value: Any) -> Any:
    if isinstance(value, str):
        return repair_text(value)
    if isinstance(value, dict):
        return {_repair(k): _repair(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repair(v) for v in value]
    return value


def _bad_unicode(value: Any) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_bad_unicode(k) or _bad_unicode(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_bad_unicode(v) for v in value)
    return False


@dataclass
class InputDoc:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class InputError:
    """An input that becomes an error record; its fields are repaired so that the record can
    always be written (a lone surrogate becomes U+FFFD)."""

    id: str
    reason: str
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if _bad_unicode([self.id, self.reason, self.text, self.meta]):
            self.id, self.reason, self.text, self.meta = _repair([self.id, self.reason, self.text, self.meta])


Item = InputDoc | InputError


def _check_text(doc_id: str, text: Any, where: str, meta: dict[str, Any] | None = None) -> Item:
    if not isinstance(text, str):
        return InputError(doc_id, f"{where}: 'text' must be a string, got {type(text).__name__}", meta=meta or {})
    if not text.strip():
        return InputError(doc_id, f"{where}: the text is empty", text=text, meta=meta or {})
    if _bad_unicode([doc_id, text, meta]):
        m = _SURROGATE.search(text)
        what = f"the text holds invalid Unicode (a lone surrogate at character {m.start()})" if m else \
            "the id or meta holds invalid Unicode (a lone surrogate)"
        return InputError(doc_id, f"{where}: {what}; the document was not processed (in the record it is"
                          " replaced by U+FFFD)", text=text, meta=meta or {})
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
        if lineno == 1:
            line = line.removeprefix("\ufeff")  # a byte order mark
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"{where}: not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _record(rec, where, opts, lineno)


def read_json_file(path: Path, opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """A ``.json`` file: one record object, or a list of them."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield InputError(path.stem, f"{path}: not UTF-8 (invalid byte at position {exc.start})")
        return
    except json.JSONDecodeError as exc:
        yield InputError(path.stem, f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    except OSError as exc:
        yield InputError(path.stem, f"{path}: cannot be read ({exc.strerror})")
        return
    yield from _json_items(data, str(path), path.stem, opts)


def _json_items(data: Any, name: str, stem: str, opts: InputOptions) -> Iterator[Item]:
    if isinstance(data, list):
        for i, rec in enumerate(data):
            yield _record(rec, f"{name}[{i}]", opts)
    elif isinstance(data, dict) and opts.id_column not in data and opts.text_column in data:
        yield _record({**data, opts.id_column: stem}, name, opts)
    else:
        yield _record(data, name, opts)


def read_csv_file(path: Path, opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """CSV (or TSV by suffix) with a header row; the id and text columns are configurable.
    A row that cannot be read (wrong number of fields, missing id or text, bytes that are not
    UTF-8) is an error item; the rows around it are read as usual.  A byte order mark is skipped."""
    import csv

    csv.field_size_limit(1 << 30)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        # invalid bytes are kept as lone surrogates and turn only their own row into an error
        fh = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")  # noqa: SIM115
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
            if _bad_unicode(row):
                yield InputError(str(row.get(opts.id_column) or where),
                                 f"{where}: the row is not UTF-8 text (it holds an invalid byte); it was not processed")
                continue
            if row.get("__extra__") or any(v is None for k, v in row.items() if k != "__extra__"):
                yield InputError(str(row.get(opts.id_column) or where),
                                 f"{where}: the row does not have the header's {len(header)} fields")
                continue
            yield _record(row, where, opts)


_BLOCK_TAGS = frozenset(
    "address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form"
    " h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul".split())
_SKIP_TAGS = frozenset("script style noscript template svg".split())


class _HTMLText(HTMLParser):
    """Text of an HTML fragment or page: block elements become paragraph breaks, ``<br>`` a line
    break; scripts and styles are dropped; the ``<title>`` is kept apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        (self.title if self.in_title else self.parts).append(data)


def html_text(html: str) -> tuple[str, str]:
    """``(title, text)`` of HTML: paragraphs (from block elements) separated by a blank line,
    white space inside them collapsed, line breaks from ``<br>`` kept."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    paras = []
    for para in re.split(r"\n[^\S\n]*\n", "".join(parser.parts)):
        lines = [" ".join(line.split()) for line in para.split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            paras.append(para)
    return " ".join("".join(parser.title).split()), "\n\n".join(paras)


def _html_to_text(html: str) -> str:
    return html_text(html)[1]


def read_html(path: Path) -> Item:
    """An ``.html``/``.htm`` page: its text (see :func:`html_text`); the ``<title>`` goes to meta."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(path.stem, f"{path}: not UTF-8 (invalid byte at position {exc.start})")
    except OSError as exc:
        return InputError(path.stem, f"{path}: cannot be read ({exc.strerror})")
    title, text = html_text(raw)
    meta = {"source": str(path), **({"title": title} if title else {})}
    return _check_text(path.stem, text, str(path), meta)


#: How a teaser ends: "...", "[…]", "Read more", "Continue reading".
_CUT_OFF = re.compile(r"(?:\.\.\.|\u2026|\[\s*(?:\.\.\.|\u2026)\s*\]|\b(?:read more|continue reading)\W*)\s*$", re.I)


def _entries_closed(path: Path) -> int | None:
    """How many entries the feed file closes (``</item>`` / ``</entry>``)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return len(re.findall(rb"</(?:\w+:)?(?:item|entry)\s*>", raw))


def read_feed(path: Path) -> Iterator[Item]:
    """An RSS or Atom feed file, parsed with ``feedparser``: one document per entry, id = the
    entry's id (else its link), text = the content (else the summary) without HTML, block
    elements as paragraph breaks.  The title is not part of the text (it is not a sentence of
    the article): it goes to ``meta.title``.  An entry with a title but no content, or one that the
    end of a cut-off file runs into, is an error record; a summary that ends in "..." or "Read
    more" is processed and flagged ``meta.truncated``."""
    import feedparser

    feed = feedparser.parse(str(path))
    if feed.bozo and not feed.entries:
        yield InputError(path.stem, f"{path}: not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        return
    closed = _entries_closed(path) if feed.bozo else None
    for i, e in enumerate(feed.entries):
        doc_id = str(e.get("id") or e.get("link") or f"{path.stem}#{i}")
        where = f"{path} entry {i + 1}"
        body = ""
        if e.get("content"):
            body = "\n\n".join(t for t in (_html_to_text(c.get("value", "")) for c in e.content) if t)
        elif e.get("summary"):
            body = _html_to_text(e.summary)
        title = " ".join((e.get("title") or "").split())
        meta = {"source": str(path), "link": e.get("link"), "published": e.get("published"), "title": title}
        meta = {k: v for k, v in meta.items() if v}
        if closed is not None and i >= closed:
            yield InputError(doc_id, f"{where}: the feed file ends inside this entry (cut off); it was not processed",
                             text=body, meta=meta)
            continue
        if not body.strip() and title:
            yield InputError(doc_id, f"{where}: the entry has a title but no content; it was not processed",
                             meta=meta)
            continue
        if _CUT_OFF.search(body):
            meta["truncated"] = True
        yield _check_text(doc_id, body, where, meta)


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


def read_stdin(opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Standard input, streamed: JSONL if its first non-blank character is ``{`` (read line by
    line), a JSON document if it is ``[`` and the whole input parses, else one plain-text document
    with id ``stdin``.  A byte order mark is skipped."""
    if sys.stdin is None:
        raise InputUnavailable("stdin is closed; give input files, or pipe the input in")
    try:
        stream = sys.stdin.buffer
        head: list[bytes] = []
        for raw in stream:
            if not head:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            head.append(raw)
            if raw.strip():
                break
    except (OSError, ValueError) as exc:
        raise InputUnavailable(f"stdin cannot be read ({exc})") from None
    first = head[-1].lstrip()[:1] if head else b""
    if first == b"{":
        yield from read_jsonl_lines(itertools.chain(head, stream), "<stdin>", opts)
        return
    data = b"".join(head) + stream.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield InputError("stdin", f"<stdin>: not UTF-8 text (invalid byte at position {exc.start})")
        return
    if first == b"[":
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            yield from _json_items(parsed, "<stdin>", "stdin", opts)
            return
    yield _check_text("stdin", text, "<stdin>")


class InputUnavailable(OSError):
    """An input that cannot be opened at all (closed stdin): the run cannot start."""


def _folder(path: Path, opts: InputOptions) -> Iterator[Item]:
    """A folder's supported files in name order; a link among them that leads nowhere (broken, or
    a loop) is an error item, not skipped in silence."""
    supported = (".txt", ".html", ".htm", *RECORD_SUFFIXES)
    files = []
    for p in sorted(path.iterdir()):
        if p.suffix.lower() not in supported:
            continue
        if p.is_file():
            files.append(str(p))
        elif p.is_symlink() and not p.exists():
            yield from read_inputs(files, opts)
            files = []
            yield InputError(p.stem, f"{p}: a symbolic link that leads nowhere (broken, or a loop); not read")
    yield from read_inputs(files, opts)


def read_inputs(paths: Iterable[str], opts: InputOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Items from each path in turn: ``-`` is stdin (see :func:`read_stdin`); ``.jsonl``/``.ndjson``
    hold one record per line, ``.json`` one record or a list, ``.csv``/``.tsv`` a header and one row
    per document, ``.parquet`` one row per document, ``.xml``/``.rss``/``.atom`` a feed,
    ``.html``/``.htm`` a web page; a folder saved by HF ``datasets`` is read as a dataset; any other
    folder contributes its supported files in name order; any other file is one plain-text
    document."""
    for name in paths:
        if name == "-":
            yield from read_stdin(opts)
            continue
        path = Path(name)
        suffix = path.suffix.lower()
        if path.is_dir() and is_hf_dataset_dir(path):
            yield from read_hf_dataset(path, opts)
        elif path.is_dir():
            yield from _folder(path, opts)
        elif not path.exists():
            what = "a symbolic link that leads nowhere (broken, or a loop)" if path.is_symlink() else "no such file"
            yield InputError(path.stem or name, f"{name}: {what}")
        elif suffix in (".jsonl", ".ndjson"):
            try:
                fh = open(path, "rb")  # noqa: SIM115
            except OSError as exc:
                yield InputError(path.stem, f"{path}: cannot be read ({exc.strerror})")
                continue
            with fh:
                yield from read_jsonl_lines(fh, str(path), opts)
        elif suffix == ".json":
            yield from read_json_file(path, opts)
        elif suffix in (".csv", ".tsv"):
            yield from read_csv_file(path, opts)
        elif suffix == ".parquet":
            yield from read_parquet(path, opts)
        elif suffix in (".xml", ".rss", ".atom"):
            yield from read_feed(path)
        elif suffix in (".html", ".htm"):
            yield read_html(path)
        else:
            yield read_txt(path)
