"""Corpus tooling: validation, statistics and converters from external annotations.

Converters read the external data from where it lies (never copied into the repository) and
return :class:`~claimx.schema.Document` records that the scorer can use, restricted to the slots
the source annotates (``--slots``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .schema import Claim, Document, Entity, RecordError, Span, parse_record, read_jsonl


def validate_file(path: str | Path) -> tuple[int, int, list[str]]:
    """(documents, claims, problems): every record parsed and checked against the schema.
    Problems are reported per line; duplicate ids are problems too."""
    problems: list[str] = []
    n_docs = n_claims = 0
    seen: set[str] = set()
    name = str(path)
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = parse_record(line, name, lineno)
            except RecordError as exc:
                problems.append(str(exc))
                continue
            if doc.id in seen:
                problems.append(f"{name}:{lineno}: duplicate document id {doc.id!r}")
            seen.add(doc.id)
            n_docs += 1
            n_claims += len(doc.claims)
            for i, c in enumerate(doc.claims):
                if c.stance is None and not doc.meta.get("stance_unannotated"):
                    problems.append(f"{name}:{lineno}: claim {i} has no stance")
    return n_docs, n_claims, problems


def stats(docs: list[Document]) -> dict[str, Any]:
    """Documents, claims, per stance, per condition marker, per split."""
    by_split: Counter = Counter()
    claims_by_split: Counter = Counter()
    stance: Counter = Counter()
    markers: Counter = Counter()
    optional = with_cond = 0
    for d in docs:
        split = str(d.meta.get("split", "-"))
        by_split[split] += 1
        claims_by_split[split] += len(d.claims)
        for c in d.claims:
            stance[c.stance or "unset"] += 1
            optional += c.optional
            if c.condition is not None:
                with_cond += 1
                markers[_marker(c.condition.text)] += 1
    return {
        "documents": len(docs),
        "claims": sum(claims_by_split.values()),
        "optional": optional,
        "with_condition": with_cond,
        "stance": dict(stance),
        "condition_markers": dict(markers.most_common()),
        "documents_per_split": dict(by_split),
        "claims_per_split": dict(claims_by_split),
    }


_MARKERS = ["not at the cost of", "on the condition that", "on condition that", "in exchange for",
            "in return for", "provided that", "as long as", "so long as", "only if", "only when",
            "subject to", "provided", "providing", "unless", "without", "once", "if"]


def _marker(text: str) -> str:
    low = " ".join(text.lower().split())
    for m in _MARKERS:
        if low.startswith(m):
            return m
    return "other"


# -- PolNeAR ---------------------------------------------------------------------------------
def _contiguous(text: str, spans: list[list[int]]) -> Span | None:
    if not spans:
        return None
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Span(text=text[start:end], start=start, end=end)


def convert_polnear(src: str | Path, split: str | None = None) -> Iterator[Document]:
    """PolNeAR attributions -> claim records: actor = source, cue = cue, issue = content
    (discontinuous spans joined from first to last character).  Stance is not annotated and is
    left unset (``meta.stance_unannotated``); attributions without a source or content are kept
    as optional claims only when they have a content, so that predictions matching them are not
    counted as errors."""
    src = Path(src)
    docs_path, attr_path = src / "docs.jsonl", src / "attributions.jsonl"
    for p in (docs_path, attr_path):
        if not p.is_file():
            raise FileNotFoundError(f"{p} not found: expected the PolNeAR folder with docs.jsonl and attributions.jsonl")
    attrs: dict[str, list[dict[str, Any]]] = {}
    with open(attr_path, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if split and a.get("split") != split:
                continue
            if not a.get("is_primary", True):
                continue
            attrs.setdefault(a["doc_id"], []).append(a)
    with open(docs_path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if split and d.get("split") != split:
                continue
            text = d["text"]
            claims = []
            for a in attrs.get(d["doc_id"], []):
                content = _contiguous(text, (a.get("content") or {}).get("spans") or [])
                if content is None:
                    continue
                source = _contiguous(text, (a.get("source") or {}).get("spans") or [])
                cue = _contiguous(text, (a.get("cue") or {}).get("spans") or [])
                actor = Entity(**source.model_dump(), canonical=source.text) if source else None
                claims.append(Claim(actor=actor, stance=None, issue=content, cue=cue, optional=actor is None,
                                    source="polnear"))
            meta = {"split": d.get("split"), "publisher": d.get("publisher"), "title": d.get("title"),
                    "corpus": "polnear", "stance_unannotated": True}
            yield Document(id=d["doc_id"], text=text, meta=meta, claims=claims)


CONVERTERS = {"polnear": convert_polnear}


def load_documents(path: str | Path) -> list[Document]:
    return list(read_jsonl(path))
