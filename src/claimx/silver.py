"""PolNeAR attributions rewritten in SPEC's conventions: silver claim records for training.

PolNeAR annotates attribution relations (source / cue / content) with conventions of its own:
contents keep the complementizer and the quote marks, may be discontinuous, and hold coordinated
assertions and conditions in one span; there is no stance.  :func:`convert_polnear_spec` turns
each attribution into SPEC claim records:

* **actor**: the source span; a title before a name is dropped (the named entity inside the
  source is the actor, "Senate Majority Leader Mitch McConnell" -> "Mitch McConnell"); the
  canonical name comes from the ``claimx_actors`` component (pronouns resolved, surname -> full
  name, metonyms -> states).  Attributions without a source, and generic "you"/"one", are dropped.
* **issue**: the longest contiguous piece of the content, without leading quote marks, the
  complementizer "that", the infinitive marker "to", and trailing punctuation / quote marks.
* **condition**: a condition marker (``configs/lexicons/conditions.yaml``, with its non-condition
  filters) inside the content; at the content's start or end it is cut out of the issue (to the
  next comma, or to the end), in the middle it stays in the issue (SPEC).
* **coordination**: "X and that Y" / "X, but that Y" contents become one record per clause.
* **stance**: from the cue's lemma in the cue lexicon (report verbs and unknown cues: support;
  oppose verbs: oppose), flipped when the cue is negated in the parse.

The result is *silver*: its agreement with the real-news gold on the same articles is reported
in ``corpora/news/README.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .resources import condition_markers, cue_lexicon
from .schema import Claim, Document, Entity, Span

_OPEN = "“\"‘'«"
_TRAIL = " \t\n.,;:!?”\"’'»—–-)"
_LEAD = " \t\n“\"‘'«—–-(:"
_GENERIC = {"you", "one", "it"}
_SPLIT = re.compile(r",?\s+(?:and|but)\s+that\s+", re.I)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    low = text[start:end].lower()
    for lead in ("and ", "but ", "so "):
        if low.startswith(lead) and end - start > len(lead) + 3:
            start += len(lead)
            low = text[start:end].lower()
            break
    for lead in ("that ", "to "):
        if low.startswith(lead) and end - start > len(lead) + 3:
            start += len(lead)
            while start < end and text[start] in _LEAD:
                start += 1
            break
    return start, end


def _pieces(text: str, spans: list[list[int]]) -> list[tuple[int, int]]:
    """Content pieces, adjacent ones merged (a gap of spaces or quote marks only)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and not text[out[-1][1]:s].strip(" \t\n" + _OPEN + "”’,"):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


class _Markers:
    def __init__(self, data: dict[str, Any]):
        self.markers = sorted(data["markers"], key=len, reverse=True)
        self.not_after = set(data.get("not_after", []))
        self.not_before = {k: set(v) for k, v in (data.get("not_before") or {}).items()}
        alts = "|".join(re.escape(m) for m in self.markers)
        self.rx = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)

    def find(self, text: str, start: int, end: int) -> tuple[int, str] | None:
        for m in self.rx.finditer(text, start, end):
            marker = m.group(0).lower()
            before = text[start:m.start()].split()
            after = text[m.end():end].split()
            if before and before[-1].lower().strip(",") in self.not_after:
                continue
            if after and after[0].lower().strip(",.") in self.not_before.get(marker, set()):
                continue
            return m.start(), marker
        return None


def _condition(text: str, start: int, end: int, markers: _Markers) -> tuple[tuple[int, int], Span | None]:
    """(issue range, condition) for the content range [start, end)."""
    hit = markers.find(text, start, end)
    if hit is None:
        return (start, end), None
    pos, _ = hit
    comma = text.find(",", pos, end)
    if pos - start <= 1:  # at the start: "if X, Y"
        if comma < 0:
            return (start, end), None
        c_end = comma
        i_start, i_end = _strip(text, comma + 1, end)
        cond = Span(text=text[pos:c_end].rstrip(), start=pos, end=pos + len(text[pos:c_end].rstrip()))
        return (i_start, i_end), cond
    if comma < 0 or comma >= end:  # runs to the end: "Y if X"
        i_start, i_end = start, pos
        while i_end > i_start and text[i_end - 1] in " ,;—–-":
            i_end -= 1
        c_end = end
        while c_end > pos and text[c_end - 1] in _TRAIL:
            c_end -= 1
        if i_end - i_start < 3:
            return (start, end), None
        return (i_start, i_end), Span(text=text[pos:c_end], start=pos, end=c_end)
    c_end = comma  # in the middle: stays in the issue
    return (start, end), Span(text=text[pos:c_end], start=pos, end=c_end)


def _stance(doc: Any, cue_spans: list[list[int]], lex: dict[str, Any]) -> str:
    oppose = set(lex.get("oppose", {}).get("verbs", [])) | set(lex.get("stance_verbs", {}).get("oppose", []))
    phrasal = lex.get("phrasal", {})
    cue_text = " ".join(doc.text[s:e] for s, e in cue_spans).lower()
    polarity = "support"
    for phrase, pol in phrasal.items():
        if phrase.split()[-1] in cue_text.split() and pol == "oppose":
            polarity = "oppose"
    toks = [t for s, e in cue_spans for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    if any(t.lemma_.lower() in oppose for t in toks):
        polarity = "oppose"
    negated = any(c.dep_ == "neg" for t in toks for c in t.children) or any(
        t.lower_ in {"not", "n't", "never"} for t in toks)
    if negated:
        polarity = "oppose" if polarity == "support" else "support"
    return polarity


def _actor(doc: Any, span: tuple[int, int]) -> Entity | None:
    s, e = span
    text = doc.text
    while s < e and text[s] in _LEAD:
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    if s >= e or text[s:e].lower() in _GENERIC:
        return None
    mentions = doc._.actors or []
    inside = [m for m in mentions if m["start"] >= s and m["end"] <= e]
    if inside:
        # the named holder inside a longer source ("Senate Majority Leader Mitch McConnell")
        m = max(inside, key=lambda m: (m.get("label") == "PERSON", m["end"] - m["start"]))
        if (m["end"] - m["start"]) >= 0.4 * (e - s) or m.get("label") == "PERSON":
            return Entity(text=m["text"], start=m["start"], end=m["end"], canonical=m["canonical"])
    overlapping = [m for m in mentions if m["start"] < e and s < m["end"]]
    low = text[s:e].lower()
    for det in ("the ", "a ", "an "):
        if low.startswith(det) and e - s > len(det):
            s += len(det)
            break
    canonical = overlapping[0]["canonical"] if overlapping else text[s:e]
    return Entity(text=text[s:e], start=s, end=e, canonical=canonical)


def attribution_claims(doc: Any, attr: dict[str, Any], lex: dict[str, Any], markers: _Markers) -> list[Claim]:
    text = doc.text
    content = (attr.get("content") or {}).get("spans") or []
    source = (attr.get("source") or {}).get("spans") or []
    cue_spans = (attr.get("cue") or {}).get("spans") or []
    if not content or not source:
        return []
    src_start, src_end = min(s for s, _ in source), max(e for _, e in source)
    actors = _actors(doc, src_start, src_end)
    if not actors:
        return []
    piece = max(_pieces(text, content), key=lambda p: p[1] - p[0])
    if text[piece[0]:piece[1]].rstrip(_TRAIL.replace("?", "")).endswith("?"):
        return []  # a question takes no position (SPEC)
    start, end = _strip(text, *piece)
    if end - start < 2:
        return []
    stance = _stance(doc, cue_spans, lex) if cue_spans else "support"
    cue = None
    if cue_spans:
        cs, ce = min(s for s, _ in cue_spans), max(e for _, e in cue_spans)
        if len(cue_spans) == 1 or ce - cs < 40:
            cue = Span(text=text[cs:ce], start=cs, end=ce)
    # coordinated "X and that Y": one record per clause
    bounds = [start]
    for m in _SPLIT.finditer(text, start, end):
        bounds += [m.start(), m.end()]
    bounds.append(end)
    claims = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        a, b = _strip(text, a, b)
        if b - a < 2:
            continue
        (i_s, i_e), cond = _condition(text, a, b, markers)
        i_s, i_e = _strip(text, i_s, i_e)
        if i_e - i_s < 2:
            continue
        for actor in actors:
            claims.append(Claim(actor=actor, stance=stance, issue=Span(text=text[i_s:i_e], start=i_s, end=i_e),
                                condition=cond, cue=cue, source="polnear-silver"))
    return claims


def _actors(doc: Any, start: int, end: int) -> list[Entity]:
    """One actor per coordinated holder ("France and Italy" -> two), else the one source actor."""
    text = doc.text
    parts = re.split(r",\s+and\s+|\s+and\s+|,\s+", text[start:end])
    if len(parts) > 1:
        mentions = [m for m in (doc._.actors or []) if m["start"] >= start and m["end"] <= end
                    and m.get("label") in ("PERSON", "ORG", "GPE", "NORP")]
        if len(mentions) == len(parts):
            return [Entity(text=m["text"], start=m["start"], end=m["end"], canonical=m["canonical"]) for m in mentions]
    actor = _actor(doc, (start, end))
    return [actor] if actor else []


def convert_polnear_spec(src: str | Path, split: str | None = None, nlp: Any = None,
                         ids: set[str] | None = None) -> Iterator[Document]:
    """PolNeAR (``src`` = the folder with docs.jsonl and attributions.jsonl) -> silver SPEC records.
    ``nlp`` is a claimx pipeline with ``claimx_actors`` (the rules pipeline by default); ``ids``
    keeps only those documents."""
    src = Path(src)
    if nlp is None:
        from .nlp import load

        nlp = load()
    lex = cue_lexicon()
    markers = _Markers(condition_markers())
    attrs: dict[str, list[dict[str, Any]]] = {}
    with open(src / "attributions.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if (split and a.get("split") != split) or not a.get("is_primary", True):
                continue
            attrs.setdefault(a["doc_id"], []).append(a)
    rows = []
    with open(src / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if (split and d.get("split") != split) or (ids is not None and d["doc_id"] not in ids):
                continue
            rows.append(d)
    # the parse and the actors only: leave out every component that writes claims
    disable = [n for n in nlp.pipe_names if "doc._.claims" in nlp.get_pipe_meta(n).assigns]
    for d, doc in zip(rows, nlp.pipe((r["text"] for r in rows), disable=disable, batch_size=16)):
        claims = []
        for a in attrs.get(d["doc_id"], []):
            claims.extend(attribution_claims(doc, a, lex, markers))
        claims.sort(key=lambda c: (c.issue.start, c.actor.start or 0))
        meta = {"split": d.get("split"), "publisher": d.get("publisher"), "corpus": "polnear-silver"}
        yield Document(id=d["doc_id"], text=d["text"], meta=meta, claims=claims)
