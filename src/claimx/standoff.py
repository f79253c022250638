"""Stand-off records: gold annotations stored without their text, joined with it at load time.

Some corpora may be annotated but not redistributed (PolNeAR's articles are research-use only).
Their gold lives in the repository as *stand-off* records: the document id, ``meta.text_source``
naming where the text comes from, ``meta.text_sha1`` of the text, and claims with offsets and
span texts, but no ``text``.  Readers (:func:`claimx.schema.read_jsonl`, :mod:`claimx.io`) call
:func:`join_text` to fill the text in from a local copy of the source data, the ``shared`` folder
(``--shared PATH``, else the ``CLAIMX_SHARED`` environment variable); the record is then
validated like any other, so every span text is checked against the joined text.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

#: text source -> (file under the shared folder, id field, text field)
TEXT_SOURCES: dict[str, tuple[str, str, str]] = {
    "polnear": ("data/polnear/docs.jsonl", "doc_id", "text"),
}
ENV = "CLAIMX_SHARED"


class StandoffError(ValueError):
    """A stand-off record whose text cannot be joined."""


def shared_root(shared: str | Path | None = None) -> Path | None:
    """The folder stand-off texts are read from: ``shared``, else ``$CLAIMX_SHARED``, else None."""
    value = shared if shared is not None else os.environ.get(ENV)
    return Path(value) if value else None


def is_standoff(rec: Any) -> bool:
    return isinstance(rec, dict) and "text" not in rec and isinstance(rec.get("meta"), dict) and "text_source" in rec["meta"]


@lru_cache(maxsize=8)
def _texts(root: str, source: str) -> dict[str, str]:
    rel, id_field, text_field = TEXT_SOURCES[source]
    path = Path(root) / rel
    if not path.is_file():
        raise StandoffError(f"stand-off texts of {source!r} are read from {path}, which does not exist"
                            f" (pass --shared PATH or set {ENV} to the folder holding {rel})")
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[str(row[id_field])] = row[text_field]
    return out


def join_text(rec: dict[str, Any], shared: str | Path | None = None) -> dict[str, Any]:
    """Return ``rec`` with its ``text`` joined from the shared folder; raises :class:`StandoffError`
    when the source is unknown or unavailable, the id is missing there, or the text changed."""
    source = rec["meta"]["text_source"]
    if source not in TEXT_SOURCES:
        raise StandoffError(f"unknown text_source {source!r}; known: {', '.join(TEXT_SOURCES)}")
    root = shared_root(shared)
    if root is None:
        raise StandoffError(f"stand-off record {rec.get('id')!r}: its text comes from {source!r};"
                            f" pass --shared PATH (or set {ENV}) to the folder holding {TEXT_SOURCES[source][0]}")
    texts = _texts(str(root.resolve()), source)
    doc_id = str(rec.get("id"))
    if doc_id not in texts:
        raise StandoffError(f"stand-off record {doc_id!r}: no such document in {root / TEXT_SOURCES[source][0]}")
    text = texts[doc_id]
    want = rec["meta"].get("text_sha1")
    if want and hashlib.sha1(text.encode("utf-8")).hexdigest() != want:
        raise StandoffError(f"stand-off record {doc_id!r}: the text in {root} differs from the one annotated (sha1)")
    return {**rec, "text": text}


def to_standoff(record: dict[str, Any], source: str) -> dict[str, Any]:
    """A full record -> its stand-off form (text dropped, source and text hash kept in meta)."""
    text = record["text"]
    meta = {**record.get("meta", {}), "text_source": source,
            "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest()}
    return {k: v for k, v in record.items() if k != "text"} | {"meta": meta}
