"""SPEC's scoring protocol as plain functions returning flat dicts.

``score_documents(gold, pred)`` pairs predicted and gold claims one to one within each document
(Hungarian assignment maximizing the summed issue token F1 over candidate pairs) and reports micro
precision / recall / F1 for the levels claim, stance, full and condition, in a lenient and a strict
variant, plus a per-document table and the missed / spurious / partial claims behind every number.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from .schema import SLOTS, Claim, Document, Span, annotated_slots

ALL_SLOTS: tuple[str, ...] = SLOTS
LEVELS: tuple[str, ...] = ("claim", "stance", "full", "condition")
_TOKEN = re.compile(r"[\w-]+")
_POSSESSIVE = re.compile(r"'s\b")
_ARTICLES = {"the", "a", "an"}


def tokens(text: str) -> list[str]:
    """SPEC tokens: NFKC, lower case, straight apostrophes, trailing 's dropped, ``[\\w-]+`` runs."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    text = _POSSESSIVE.sub("", text)
    return _TOKEN.findall(text)


def token_f1(a: str, b: str) -> float:
    """Bag-of-tokens F1 of two strings (as in SQuAD); two empty strings agree."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if common == 0:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _name_forms(span: Span) -> list[tuple[str, ...]]:
    forms = [span.text] if span.text else []
    canonical = getattr(span, "canonical", None)
    if canonical:
        forms.append(canonical)
    out = []
    for form in forms:
        toks = tokens(form)
        while toks and toks[0] in _ARTICLES:
            toks = toks[1:]
        if toks:
            out.append(tuple(toks))
    return out


def actor_match(a: Span | None, b: Span | None, strict: bool = False) -> bool:
    """SPEC actor match: overlapping spans, equal normalized text/canonical (articles dropped), or
    one name's token set containing the other's.  Strict: identical offsets."""
    if a is None or b is None:
        return False
    if strict:
        if a.start is None or b.start is None:  # implicit actors: the canonical names decide
            ca, cb = getattr(a, "canonical", None), getattr(b, "canonical", None)
            return bool(ca) and tokens(ca) == tokens(cb or "")
        return a.start == b.start and a.end == b.end
    if a.start is not None and b.start is not None and a.start < b.end and b.start < a.end:
        return True
    for fa in _name_forms(a):
        for fb in _name_forms(b):
            if fa == fb:
                return True
            sa, sb = set(fa), set(fb)
            if sa <= sb or sb <= sa:
                return True
    return False


def conditions_agree(g: Span | None, p: Span | None, strict: bool = False) -> bool:
    if g is None and p is None:
        return True
    if g is None or p is None:
        return False
    if strict:
        return g.start == p.start and g.end == p.end
    return token_f1(g.text, p.text) >= 0.5


def issue_score(g: Claim, p: Claim, strict: bool = False) -> float:
    if strict:
        return 1.0 if (g.issue.start, g.issue.end) == (p.issue.start, p.issue.end) else 0.0
    return token_f1(g.issue.text, p.issue.text)


@dataclass
class Pair:
    gold: int
    pred: int
    issue_f1: float


def match_claims(
    gold: Sequence[Claim], pred: Sequence[Claim], strict: bool = False, use_actor: bool = True, use_issue: bool = True
) -> list[Pair]:
    """One-to-one pairing of candidate pairs maximizing the summed issue token F1.

    A candidate pair needs an actor match and issue token F1 >= 0.5 (strict: exact offsets).
    For data that annotate only one of the two (``use_actor`` / ``use_issue`` False), the other
    decides alone; without the issue every candidate weighs 1 and the issue F1 only breaks ties."""
    if not gold or not pred:
        return []
    scores = np.zeros((len(gold), len(pred)))
    candidate = np.zeros((len(gold), len(pred)), dtype=bool)
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if use_actor and not actor_match(g.actor, p.actor, strict):
                continue
            f = issue_score(g, p, strict)
            if not use_issue:
                scores[i, j] = 1.0 + 1e-3 * f
                candidate[i, j] = True
            elif f >= 0.5:
                scores[i, j] = f
                candidate[i, j] = True
    # Non-candidates weigh 0 and are dropped after the assignment; candidates weigh at least 0.5.
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [
        Pair(int(i), int(j), float(scores[i, j]) if use_issue else issue_score(gold[i], pred[j], strict))
        for i, j in zip(rows, cols)
        if candidate[i, j]
    ]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def _levels(slots: Iterable[str]) -> list[str]:
    slots = set(slots)
    levels = ["claim"]
    if "stance" in slots:
        levels.append("stance")
        if "condition" in slots:
            levels.append("full")
    if "condition" in slots:
        levels.append("condition")
    return levels


def _brief(claim: Claim) -> dict[str, Any]:
    return {
        "actor": claim.actor.text if claim.actor else None,
        "canonical": claim.actor.canonical if claim.actor else None,
        "stance": claim.stance,
        "issue": claim.issue.text,
        "condition": claim.condition.text if claim.condition else None,
    }


def _score_variant(
    gold_docs: dict[str, Document], pred_docs: dict[str, Document], levels: list[str], strict: bool,
    slots: Sequence[str] = ALL_SLOTS,
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    totals = Counter()
    per_doc = []
    errors: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": [], "partial": []}
    for doc_id, gdoc in gold_docs.items():
        pdoc = pred_docs.get(doc_id)
        gold = gdoc.claims
        pred = pdoc.claims if pdoc is not None else []
        pairs = match_claims(gold, pred, strict, use_actor="actor" in slots, use_issue="issue" in slots)
        paired_gold = {pr.gold for pr in pairs}
        paired_pred = {pr.pred for pr in pairs}
        # Predictions paired with optional gold claims are neither hits nor errors; in a gold
        # document that is not exhaustive (meta "exhaustive": false, e.g. PETRARCH events), the
        # unpaired predictions are not counted either: the gold cannot say they are wrong.
        ignored_pred = {pr.pred for pr in pairs if gold[pr.gold].optional}
        exhaustive = gdoc.meta.get("exhaustive", True) is not False
        if not exhaustive:
            ignored_pred |= set(range(len(pred))) - paired_pred
        c = Counter()
        c["gold"] = sum(1 for g in gold if not g.optional)
        c["pred"] = len(pred) - len(ignored_pred)
        c["gold_cond"] = sum(1 for g in gold if not g.optional and g.condition is not None)
        c["pred_cond"] = sum(1 for j, p in enumerate(pred) if j not in ignored_pred and p.condition is not None)
        for pr in pairs:
            g, p = gold[pr.gold], pred[pr.pred]
            if g.optional:
                continue
            c["claim"] += 1
            same_stance = g.stance == p.stance
            cond_ok = conditions_agree(g.condition, p.condition, strict)
            c["stance"] += same_stance
            c["full"] += same_stance and cond_ok
            c["condition"] += g.condition is not None and p.condition is not None and cond_ok
            problems = []
            if "issue" in slots and pr.issue_f1 < 1.0:
                problems.append("issue")
            if "stance" in levels and not same_stance:
                problems.append("stance")
            if "condition" in levels and not cond_ok:
                problems.append("condition")
            if problems:
                errors["partial"].append(
                    {"doc": doc_id, "gold": _brief(g), "pred": _brief(p), "issue_f1": round(pr.issue_f1, 3), "wrong": problems}
                )
        for i, g in enumerate(gold):
            if i not in paired_gold and not g.optional:
                errors["missed"].append({"doc": doc_id, "gold": _brief(g)})
        for j, p in enumerate(pred):
            if j not in paired_pred and j not in ignored_pred:
                errors["spurious"].append({"doc": doc_id, "pred": _brief(p)})
        totals.update(c)
        row = {"doc": doc_id, "gold": c["gold"], "pred": c["pred"], "matched": c["claim"]}
        row.update({f"{lvl}_f": _level_prf(lvl, c)["f"] for lvl in levels})
        if pdoc is None:
            row["note"] = "no prediction for this document"
        elif pdoc.status == "error":
            row["note"] = f"prediction failed: {pdoc.error}"
        per_doc.append(row)
    summary = {lvl: _level_prf(lvl, totals) for lvl in levels}
    summary["counts"] = {k: totals[k] for k in ("gold", "pred", "gold_cond", "pred_cond")}
    return summary, per_doc, errors


def _level_prf(level: str, c: Counter) -> dict[str, float]:
    if level == "condition":
        return _prf(c["condition"], c["pred_cond"], c["gold_cond"])
    return _prf(c[level], c["pred"], c["gold"])


def gold_slots(gold: Iterable[Document]) -> list[str]:
    """The slots every gold document annotates (``meta["annotated_slots"]``; all by default)."""
    common = set(SLOTS)
    for doc in gold:
        common &= set(annotated_slots(doc.meta))
    return [s for s in SLOTS if s in common]


def score_documents(
    gold: Iterable[Document], pred: Iterable[Document], slots: Iterable[str] | None = None
) -> dict[str, Any]:
    """Score predictions against gold (SPEC "Scoring protocol").

    Returns ``{"lenient": {level: {p, r, f}, counts}, "strict": {...}, "per_document": [...],
    "missed": [...], "spurious": [...], "partial": [...], "documents": {...}}``; the example lists
    are those of the lenient variant.  ``slots`` defaults to those every gold document declares
    (:func:`gold_slots`).  Documents are matched by id; gold documents without a
    prediction count every gold claim as missed, predicted documents absent from gold are listed
    under ``documents.unknown`` and not scored.
    """
    gold = list(gold)
    slots = gold_slots(gold) if slots is None else list(slots)
    unknown_slots = set(slots) - set(ALL_SLOTS)
    if unknown_slots:
        raise ValueError(f"unknown slot(s) {sorted(unknown_slots)}; choose from {', '.join(ALL_SLOTS)}")
    if "actor" not in slots and "issue" not in slots:
        raise ValueError("scoring needs the slot actor or issue (or both): they define a claim match")
    gold_docs = _by_id(gold, "gold")
    pred_docs = _by_id(pred, "prediction")
    levels = _levels(slots)
    lenient, per_doc, errors = _score_variant(gold_docs, pred_docs, levels, strict=False, slots=slots)
    strict, _, _ = _score_variant(gold_docs, pred_docs, levels, strict=True, slots=slots)
    return {
        "slots": slots,
        "levels": levels,
        "lenient": lenient,
        "strict": strict,
        "per_document": per_doc,
        **errors,
        "documents": {
            "gold": len(gold_docs),
            "predicted": sum(1 for d in gold_docs if d in pred_docs),
            "missing": sorted(d for d in gold_docs if d not in pred_docs),
            "unknown": sorted(d for d in pred_docs if d not in gold_docs),
            "failed": sorted(d for d, doc in pred_docs.items() if doc.status == "error"),
        },
    }


def _by_id(docs: Iterable[Document], what: str) -> dict[str, Document]:
    """Documents by id.  An error record that repeats an id is part of the format (claimx writes
    one for a duplicate input id) and is set aside; two records of the same id that both hold
    results are an error."""
    out: dict[str, Document] = {}
    for doc in docs:
        if doc.id in out:
            if doc.status == "error":
                continue
            if out[doc.id].status != "error":
                raise ValueError(f"duplicate {what} document id {doc.id!r}")
        out[doc.id] = doc
    return out


def flat_scores(result: dict[str, Any]) -> dict[str, float]:
    """``{"lenient_claim_f": 0.71, ...}``: the headline numbers as one flat dict."""
    flat = {}
    for variant in ("lenient", "strict"):
        for level in result["levels"]:
            for k, v in result[variant][level].items():
                flat[f"{variant}_{level}_{k}"] = v
    return flat
