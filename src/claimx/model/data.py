"""Training examples for the claim tagger: sentence windows of subword tokens with BIO labels.

A document is cut into windows of whole sentences that fit ``max_length`` subword tokens (a
sentence longer than that is cut at whitespace into pieces that fit), so that every character of
the text lies in exactly one window: nothing is dropped at inference.  Each window carries, for
each of the four slots (ACTOR, CUE, ISSUE, CONDITION), a BIO tag per token; slots that a corpus
does not annotate (``meta.annotated_slots``) get the ignore label -100, so PolNeAR teaches actors,
cues and issues, SemEval only conditions, and the project corpus everything.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..schema import STANCES, Document, annotated_slots

SLOTS = ("ACTOR", "CUE", "ISSUE", "CONDITION")
SLOT_FIELDS = {"ACTOR": "actor", "CUE": "cue", "ISSUE": "issue", "CONDITION": "condition"}
O, B, I = 0, 1, 2  # noqa: E741
IGNORE = -100
# Which slots a corpus's declared annotated slots let us supervise.
_SUPERVISED = {"actor": ("ACTOR",), "issue": ("ISSUE", "CUE"), "condition": ("CONDITION",)}
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries for training text (inference uses the parser's sentences)."""
    spans, start = [], 0
    for m in _SENT.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass
class Window:
    doc_id: str
    start: int                      # character offsets of the window in the document
    end: int
    input_ids: list[int]
    offsets: list[tuple[int, int]]  # per token, document character offsets; (0, 0) for specials
    labels: list[list[int]] = field(default_factory=list)  # per token, one tag per slot
    stance: list[dict[str, Any]] = field(default_factory=list)  # claims with cue/issue token ranges


def _pieces(start: int, end: int, ids: list[int], offsets: list[tuple[int, int]], limit: int
            ) -> Iterator[tuple[int, int, list[int], list[tuple[int, int]]]]:
    """(start, end, token ids, document offsets) pieces of the sentence ``start:end``, each at most
    ``limit`` subword tokens; ``ids`` and ``offsets`` are its tokens (no special tokens)."""
    offs = [(a + start, b + start) for a, b in offsets]
    if len(offs) <= limit:
        yield start, end, ids, offs
        return
    i = 0
    while i < len(offs):
        j = min(i + limit, len(offs))
        if j < len(offs):  # cut before a token that starts a word
            k = j
            while k > i + 1 and offs[k][0] == offs[k - 1][1]:
                k -= 1
            j = k
        yield offs[i][0], (offs[j][0] if j < len(offs) else end), ids[i:j], offs[i:j]
        i = j


def _splits_at_whitespace(tokenizer: Any) -> bool:
    """Whether no token of ``tokenizer`` spans whitespace and a word's tokens do not depend on the
    text before it (WordPiece after BERT's pre-tokenizer), so that the tokens of sentences joined by
    whitespace are the sentences' tokens one after the other."""
    pre = getattr(getattr(tokenizer, "backend_tokenizer", None), "pre_tokenizer", None)
    return type(pre).__name__ in ("BertPreTokenizer", "Whitespace", "WhitespaceSplit")


def windows(text: str, sentences: Iterable[tuple[int, int]], tokenizer: Any, max_length: int = 192,
            doc_id: str = "") -> list[Window]:
    """Pack consecutive sentences into windows of at most ``max_length`` tokens (specials included).
    Sentences need not cover the text: a window never spans text left out between two of them.
    With a tokenizer that splits at whitespace (:func:`_splits_at_whitespace`) the sentences' own
    tokens are joined instead of tokenizing the window's text again (the same tokens, measured on
    every corpus text in the tests)."""
    limit = max_length - 6  # specials, and a margin: a joined window may tokenize a little longer
    specials = list(tokenizer("")["input_ids"])   # the tokens around a text: [CLS], [SEP]
    joins = len(specials) == 2 and _splits_at_whitespace(tokenizer)
    units: list[tuple[int, int, list[int], list[tuple[int, int]]]] = []
    spans = list(sentences)
    if spans:   # one call for all sentences
        enc = tokenizer([text[s:e] for s, e in spans], add_special_tokens=False, return_offsets_mapping=True)
        for (s, e), ids, offs in zip(spans, enc["input_ids"], enc["offset_mapping"]):
            units.extend(_pieces(s, e, list(ids), offs, limit))
    out: list[Window] = []
    group: list[tuple[int, int, list[int], list[tuple[int, int]]]] = []
    count = 0

    def close() -> None:
        if not group:
            return
        ws, we = group[0][0], group[-1][1]
        if joins and all(text[a[1]:b[0]].isspace() for a, b in zip(group, group[1:])):
            ids = [i for u in group for i in u[2]]
            inner = [o if o[1] > o[0] else (0, 0) for u in group for o in u[3]]
            if len(ids) + 2 <= max_length:
                out.append(Window(doc_id, ws, we, [specials[0], *ids, specials[1]], [(0, 0)] + inner + [(0, 0)]))
                return
        enc = tokenizer(text[ws:we], return_offsets_mapping=True)
        if len(enc["input_ids"]) > max_length and len(group) > 1:   # rare: split the group in two
            half = len(group) // 2
            rest = group[half:]
            del group[half:]
            close()
            group[:] = rest
            close()
            return
        if len(enc["input_ids"]) > max_length:   # one long sentence: cut at the limit
            enc = tokenizer(text[ws:we], return_offsets_mapping=True, truncation=True, max_length=max_length)
        offs = [(a + ws, b + ws) if b > a else (0, 0) for a, b in enc["offset_mapping"]]
        out.append(Window(doc_id, ws, we, list(enc["input_ids"]), offs))

    for unit in units:
        s, e, n = unit[0], unit[1], len(unit[2])
        if group and (count + n > limit or text[group[-1][1]:s].strip()):  # full, or text left out between
            close()
            group, count = [], 0
        group.append(unit)
        count += n
    close()
    return out


def _token_range(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    idx = [k for k, (a, b) in enumerate(offsets) if b > a and a < end and b > start]
    return (idx[0], idx[-1] + 1) if idx else None


def label_window(win: Window, doc: Document) -> Window:
    """Fill ``win.labels`` (BIO per slot) and ``win.stance`` from the document's gold claims."""
    supervised = {s for slot in annotated_slots(doc.meta) for s in _SUPERVISED.get(slot, ())}
    if "issue" in annotated_slots(doc.meta) and doc.meta.get("corpus") == "semeval2020t5":
        supervised.discard("ISSUE")  # counterfactual consequents are not claim issues
        supervised.discard("CUE")
    n = len(win.input_ids)
    labels = [[O if slot in supervised else IGNORE for slot in SLOTS] for _ in range(n)]
    for k, (a, b) in enumerate(win.offsets):
        if b <= a:
            labels[k] = [IGNORE] * len(SLOTS)
    for claim in doc.claims:
        for j, slot in enumerate(SLOTS):
            if slot not in supervised:
                continue
            span = getattr(claim, SLOT_FIELDS[slot])
            if span is None or span.start is None or span.end <= win.start or span.start >= win.end:
                continue
            rng = _token_range(win.offsets, span.start, span.end)
            if rng is None:
                continue
            if labels[rng[0]][j] != I:
                labels[rng[0]][j] = B
            for k in range(rng[0] + 1, rng[1]):
                labels[k][j] = I
        if claim.stance is not None and claim.issue.start >= win.start and claim.issue.end <= win.end:
            issue = _token_range(win.offsets, claim.issue.start, claim.issue.end)
            cue = _token_range(win.offsets, claim.cue.start, claim.cue.end) if claim.cue else None
            if issue:
                win.stance.append({"cue": cue, "issue": issue, "label": STANCES.index(claim.stance)})
    win.labels = labels
    return win


def document_windows(doc: Document, tokenizer: Any, max_length: int = 192) -> list[Window]:
    return [label_window(w, doc) for w in windows(doc.text, split_sentences(doc.text), tokenizer, max_length, doc.id)]


def decode_bio(tags: list[int], offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans from one slot's BIO tags (an I without a B starts a span)."""
    return [(a, b) for a, b, _ in decode_bio_tokens(tags, offsets)]


def decode_bio_tokens(tags: list[int], offsets: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """:func:`decode_bio` with, for each span, the indices of its tokens (special tokens, with no
    characters, are never inside a span)."""
    spans: list[tuple[int, int, list[int]]] = []
    cur: list[Any] | None = None
    for k, (t, (a, b)) in enumerate(zip(tags, offsets)):
        if b <= a:
            continue
        if t == B or (t == I and cur is None):
            if cur:
                spans.append((cur[0], cur[1], cur[2]))
            cur = [a, b, [k]]
        elif t == I and cur is not None:
            cur[1] = b
            cur[2].append(k)
        else:
            if cur:
                spans.append((cur[0], cur[1], cur[2]))
            cur = None
    if cur:
        spans.append((cur[0], cur[1], cur[2]))
    return spans


def calibration_fold(doc_ids: Iterable[str], n: int = 15) -> set[str]:
    """A fixed held-out fold: the ``n`` document ids with the smallest SHA-1 of the id.  The news
    train split keeps these 15 of its 60 articles out of training; the tagger's confidences and the
    hybrid's threshold are fitted on them (never on dev)."""
    return set(sorted(set(doc_ids), key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())[:n])
