"""Reading input documents: ``.txt`` files, JSONL with ``id`` and ``text``, or stdin.

Every input yields exactly one item: an :class:`InputDoc` to process or an :class:`InputError`
saying why it cannot be, so that no document is ever lost silently.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Item]:
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
        if not isinstance(rec, dict):
            yield InputError(where, f"{where}: expected a JSON object with 'id' and 'text'")
            continue
        doc_id = rec.get("id")
        if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
            yield InputError(where, f"{where}: the record has no 'id'", meta={"line": lineno})
            continue
        doc_id = str(doc_id)
        if "text" not in rec:
            yield InputError(doc_id, f"{where}: the record has no 'text'")
            continue
        meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
        yield _check_text(doc_id, rec["text"], where, meta)


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Items from each path in turn: ``-`` is stdin (JSONL if its first non-blank character is
    ``{``, else one plain-text document with id ``stdin``); ``*.jsonl`` files hold records;
    any other file is one plain-text document; a directory contributes its ``.txt`` and
    ``.jsonl`` files in name order."""
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip()[:1] == b"{":
                yield from read_jsonl_lines(data.splitlines(), "<stdin>")
            else:
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield InputError("stdin", f"<stdin>: not UTF-8 text (invalid byte at position {exc.start})")
                    continue
                yield _check_text("stdin", text, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in (".txt", ".jsonl"))
            yield from read_inputs(str(p) for p in files)
        elif not path.exists():
            yield InputError(path.stem or name, f"{name}: no such file")
        elif path.suffix in (".jsonl", ".ndjson"):
            with open(path, "rb") as fh:
                yield from read_jsonl_lines(fh, str(path))
        else:
            yield read_txt(path)
