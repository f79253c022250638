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
from typing import Any
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc

from .batch import DEFAULT_DOC_TIMEOUT
from .io import InputDoc, InputError, Item
from .nlp import doc_claims, to_record
from .schema import Document

log = logging.getLogger("claimx")
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


#: A whitespace-free run longer than this is not given to spaCy's tokenizer whole (its prefix and
#: suffix search is quadratic in a run's length: ",,,,", "(((("); it becomes tokens of ``RUN_PIECE``
#: characters.  News has no run near it (PolNeAR's longest is 87 characters: URLs).
MAX_RUN = 200
RUN_PIECE = 20
#: The most tokens the parser and the claim rules see without a sentence end: a longer stretch
#: with no ".", "!", "?" or line break gets a sentence start forced before the parser, so that the
#: work per sentence is bounded and a run-on text costs what its length does.  The longest such
#: stretch in PolNeAR's 924 articles is 222 tokens.
MAX_STRETCH = 300
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_ENDS = frozenset((".", "!", "?"))


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenized doc for ``text``, with the two bounds above; ``doc.text == text`` always, and
    on text within the bounds (all news) it is exactly ``nlp.make_doc(text)``."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        doc = nlp.make_doc(text)
    else:
        parts, pos = [], 0
        for m in runs:
            if m.start() > pos:
                parts.append(nlp.make_doc(text[pos : m.start()]))
            run = m.group()
            words = [run[i : i + RUN_PIECE] for i in range(0, len(run), RUN_PIECE)]
            spaces = [False] * len(words)
            pos = m.end()
            if text[pos : pos + 1] == " ":
                spaces[-1] = True
                pos += 1
            parts.append(Doc(nlp.vocab, words=words, spaces=spaces))
        if pos < len(text):
            parts.append(nlp.make_doc(text[pos:]))
        doc = Doc.from_docs(parts, ensure_whitespace=False)
    ends = _sentence_ends(doc)
    if _longest_stretch(ends) < MAX_STRETCH:
        return doc   # the usual text: nothing to force
    n = 0
    for i, end in enumerate(ends.tolist()):
        if end:
            n = 0
            continue
        n += 1
        if n >= MAX_STRETCH and i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
            n = 0
    return doc


def _sentence_ends(doc: Doc) -> Any:
    """Per token, whether it ends a stretch: ".", "!", "?" or a space token with a line break
    (read from the token arrays; only the space tokens are looked at one by one)."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH

    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    arr = doc.to_array([ORTH, IS_SPACE])
    ends = numpy.isin(arr[:, 0], [doc.vocab.strings[e] for e in _ENDS])
    for i in numpy.flatnonzero(arr[:, 1]):
        if "\n" in doc[int(i)].text:
            ends[i] = True
    return ends


def _longest_stretch(ends: Any) -> int:
    """The most tokens in a row that are no sentence end (``ends``: :func:`_sentence_ends`)."""
    import numpy

    at = numpy.concatenate(([-1], numpy.flatnonzero(ends), [len(ends)]))
    return int((numpy.diff(at) - 1).max())


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
    """Raise :class:`DocTimeout` in the block after ``seconds``.  In a process's main thread (the
    CLI, pool workers) a real-time timer signal does it; in any other thread (Ray actors run their
    calls in one) a watchdog thread raises it in this thread.  Either way it arrives between two
    Python steps, so native code in the middle of one finishes first."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():

        def on_alarm(signum: int, frame: object) -> None:
            raise DocTimeout()

        old = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        return
    import ctypes

    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(DocTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:  # raised already, or still pending: clear it so it cannot escape later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)


def error_record(item: InputError | InputDoc, reason: str) -> Document:
    return Document(id=item.id, text=item.text, meta=item.meta, claims=[], status="error", error=reason)


def _process_one(nlp: Language, item: InputDoc, limit: int) -> Document:
    claims = []
    for offset, piece in chunk_text(item.text, limit):
        claims.extend(doc_claims(nlp(make_doc(nlp, piece)), offset))
    return to_record(item.id, item.text, claims, item.meta)


#: ``--doc-timeout`` is the budget of a document of up to this many characters; a longer one gets
#: it once per this many characters (its work is linear in its length).
BUDGET_CHARS = 100_000


def budget(doc_timeout: float | None, chars: int) -> float | None:
    """The seconds a text of ``chars`` characters may take: ``doc_timeout`` per
    :data:`BUDGET_CHARS` characters, at least ``doc_timeout``."""
    if not doc_timeout:
        return None
    return doc_timeout * max(1.0, chars / BUDGET_CHARS)


def extract_documents(
    nlp: Language, items: Iterable[Item], batch_size: int = 32, doc_timeout: float | None = DEFAULT_DOC_TIMEOUT
) -> Iterator[Document]:
    """One output document per input item, in input order.  A document that takes longer than
    ``doc_timeout`` seconds (per 100,000 characters of a longer one, :func:`budget`) becomes an
    error record and the others go on (``None`` or 0: no limit)."""
    limit = int(nlp.meta.get("claimx", {}).get("chunk_chars", 100_000))
    batch: list[Item] = []

    def flush() -> Iterator[Document]:
        short = [it for it in batch if isinstance(it, InputDoc) and len(it.text) <= limit]
        parsed = {}
        try:
            # the whole batch gets one document's budget; past it, the documents not done yet are
            # redone one by one, each with its own budget
            with time_budget(budget(doc_timeout, sum(len(it.text) for it in short))):
                docs = nlp.pipe((make_doc(nlp, it.text) for it in short), batch_size=batch_size)
                for it, doc in zip(short, docs):
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
                with time_budget(budget(doc_timeout, len(it.text))):
                    record = _process_one(nlp, it, limit)
            except DocTimeout:
                record = error_record(it, f"processing took longer than {budget(doc_timeout, len(it.text)):g} s"
                                          " (--doc-timeout); the document was not processed")
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
