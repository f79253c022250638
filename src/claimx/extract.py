"""Run the pipeline over input items and yield one :class:`~claimx.schema.Document` per input.

Long texts are cut into pieces of at most ``chunk_chars`` characters at paragraph or sentence
boundaries, parsed separately and merged back with document offsets.  A document that fails gets a
record with ``status: "error"`` and the reason; the others go on.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language

from .batch import DEFAULT_DOC_TIMEOUT
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


class DocTimeout(BaseException):
    """A document ran past its time budget.  A ``BaseException``, so that no ``except Exception``
    in a component can swallow it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocTimeout` in the block after ``seconds`` (a real-time timer).  Works in the
    main thread of a process (the CLI, pool workers, Ray actors); elsewhere, or with no budget, the
    block runs unbounded."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise DocTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def error_record(item: InputError | InputDoc, reason: str) -> Document:
    return Document(id=item.id, text=item.text, meta=item.meta, claims=[], status="error", error=reason)


def _process_one(nlp: Language, item: InputDoc, limit: int) -> Document:
    claims = []
    for offset, piece in chunk_text(item.text, limit):
        claims.extend(doc_claims(nlp(piece), offset))
    return to_record(item.id, item.text, claims, item.meta)


def extract_documents(
    nlp: Language, items: Iterable[Item], batch_size: int = 32, doc_timeout: float | None = DEFAULT_DOC_TIMEOUT
) -> Iterator[Document]:
    """One output document per input item, in input order.  A document that takes longer than
    ``doc_timeout`` seconds becomes an error record and the others go on (``None`` or 0: no
    limit)."""
    limit = int(nlp.meta.get("claimx", {}).get("chunk_chars", 100_000))
    batch: list[Item] = []

    def flush() -> Iterator[Document]:
        short = [it for it in batch if isinstance(it, InputDoc) and len(it.text) <= limit]
        parsed = {}
        try:
            # the whole batch gets one document's budget; past it, the documents not done yet are
            # redone one by one, each with its own budget
            with time_budget(doc_timeout):
                for it, doc in zip(short, nlp.pipe((it.text for it in short), batch_size=batch_size)):
                    parsed[id(it)] = to_record(it.id, it.text, doc_claims(doc), it.meta)
        except DocTimeout:
            pass
        except Exception as exc:  # one bad text must not sink its batch: redo the rest one by one
            log.warning("batch failed (%s); processing its documents one by one", exc)
        for it in batch:
            if isinstance(it, InputError):
                yield error_record(it, it.reason)
                continue
            if id(it) in parsed:
                yield parsed[id(it)]
                continue
            try:
                with time_budget(doc_timeout):
                    record = _process_one(nlp, it, limit)
            except DocTimeout:
                record = error_record(it, f"processing took longer than {doc_timeout:g} s (--doc-timeout);"
                                          " the document was not processed")
            except Exception as exc:
                record = error_record(it, f"processing failed: {type(exc).__name__}: {exc}")
            yield record

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
