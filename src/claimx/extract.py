"""Run the pipeline over input items and yield one :class:`~claimx.schema.Document` per input.

Long texts are cut into pieces of at most ``chunk_chars`` characters at paragraph or sentence
boundaries, parsed separately and merged back with document offsets.  A document that fails gets a
record with ``status: "error"`` and the reason; the others go on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from spacy.language import Language

from .io import InputDoc, InputError, Item
from .nlp import doc_claims, to_record
from .schema import Document

log = logging.getLogger("claimx")
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def chunk_text(text: str, limit: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``; each piece at most ``limit`` characters, cut
    at the last paragraph break, line break, sentence end or space before the limit."""
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = None
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def error_record(item: InputError | InputDoc, reason: str) -> Document:
    return Document(id=item.id, text=item.text, meta=item.meta, claims=[], status="error", error=reason)


def _process_one(nlp: Language, item: InputDoc, limit: int) -> Document:
    claims = []
    for offset, piece in chunk_text(item.text, limit):
        claims.extend(doc_claims(nlp(piece), offset))
    return to_record(item.id, item.text, claims, item.meta)


def extract_documents(nlp: Language, items: Iterable[Item], batch_size: int = 32) -> Iterator[Document]:
    """One output document per input item, in input order."""
    limit = int(nlp.meta.get("claimx", {}).get("chunk_chars", 100_000))
    batch: list[Item] = []

    def flush() -> Iterator[Document]:
        short = [it for it in batch if isinstance(it, InputDoc) and len(it.text) <= limit]
        parsed = {}
        try:
            for it, doc in zip(short, nlp.pipe((it.text for it in short), batch_size=batch_size)):
                parsed[id(it)] = to_record(it.id, it.text, doc_claims(doc), it.meta)
        except Exception as exc:  # one bad text must not sink its batch: redo one by one
            log.warning("batch failed (%s); processing its documents one by one", exc)
            parsed = {}
        for it in batch:
            if isinstance(it, InputError):
                yield error_record(it, it.reason)
                continue
            if id(it) in parsed:
                yield parsed[id(it)]
                continue
            try:
                yield _process_one(nlp, it, limit)
            except Exception as exc:
                yield error_record(it, f"processing failed: {type(exc).__name__}: {exc}")

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
