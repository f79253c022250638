"""claimx: political claims (actor, stance, issue, condition) from news text, scored against gold.

The Python API (each import is made when called, so ``import claimx`` stays light)::

    import claimx

    nlp = claimx.load("rules")                  # or "model", "hybrid"; device="cpu" | "cuda" | "auto"
    doc = nlp("Beijing has rejected the new tariffs on electric vehicles.")
    doc._.claims                                # claim dicts (SPEC's record form)
    for record in claimx.extract(["A text.", {"id": "a1", "text": "Another."}], pipeline="rules"):
        ...                                     # claimx.schema.Document, one per input, in order
    claimx.evaluate("gold.jsonl", records)      # SPEC's scores
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from .schema import Document

__version__ = "0.1.0"

__all__ = ["__version__", "load", "extract", "evaluate"]


def load(pipeline: str | None = None, *, config: Any = None, device: str = "cpu",
         overrides: dict[str, Any] | None = None) -> Language:
    """The spaCy ``Language`` of a claimx pipeline: ``rules``, ``model`` or ``hybrid`` (default: the
    best on real news, ``hybrid``, or ``$CLAIMX_PIPELINE``; or ``config=`` a config file or
    :class:`confection.Config`), on ``device`` (``cpu``, ``cuda`` or ``auto``);
    ``overrides`` are dotted config settings (``{"components.claimx_claims.nested": "keep"}``).
    Without a trained model, ``model`` and ``hybrid`` run the rules and log a warning.  The result
    is a plain spaCy pipeline: ``nlp.to_disk(path)`` then ``spacy.load(path)`` gives it back."""
    from .nlp import load as _load

    return _load(pipeline, config=config, device=device, overrides=overrides)


def extract(texts_or_records: Iterable[Any], *, pipeline: str | None = None, device: str = "cpu",
            nlp: Language | None = None, batch_size: int = 32) -> Iterator[Document]:
    """One record (:class:`claimx.schema.Document`) per input, in input order.  An input is a text
    (its id is its position, ``"0"``, ``"1"`` ...), a mapping with ``text`` and optionally ``id``
    and ``meta``, or a record (its id, text and meta; its claims are ignored).  ``nlp`` is a
    pipeline already loaded; else ``pipeline`` and ``device`` choose one (see :func:`load`)."""
    from .records import extract_documents
    from .io import InputDoc
    from .schema import Document

    def items() -> Iterator[InputDoc]:
        for i, x in enumerate(texts_or_records):
            if isinstance(x, str):
                yield InputDoc(str(i), x)
            elif isinstance(x, Document):
                yield InputDoc(x.id, x.text, dict(x.meta))
            elif isinstance(x, dict) and isinstance(x.get("text"), str):
                yield InputDoc(str(x.get("id", i)), x["text"], dict(x.get("meta") or {}))
            else:
                raise TypeError(f"input {i}: expected a text, a mapping with 'text' or a record, not {type(x).__name__}")

    yield from extract_documents(nlp if nlp is not None else load(pipeline, device=device), items(), batch_size)


def evaluate(gold: str | Path | list[Document], predictions: str | Path | list[Document],
             slots: list[str] | None = None, shared: str | Path | None = None) -> dict[str, Any]:
    """Score predictions against gold (JSONL paths or lists of records) with SPEC's scorer; see
    :func:`claimx.evaluation.evaluate`."""
    from .evaluation import evaluate as _evaluate

    return _evaluate(gold, predictions, slots, shared)
