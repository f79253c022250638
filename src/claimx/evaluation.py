"""``evaluate(gold, pred)``: score prediction files against gold files, and print the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .schema import Document, read_jsonl
from .scoring import score_documents


def evaluate(gold: str | Path | list[Document], pred: str | Path | list[Document], slots=None,
             shared: str | Path | None = None) -> dict[str, Any]:
    """Score ``pred`` against ``gold`` (JSONL paths or lists of documents); see
    :func:`claimx.scoring.score_documents` for the result's shape.  ``slots`` defaults to the
    slots the gold declares it annotates.  ``shared`` is where stand-off gold (or predictions)
    find their texts (:mod:`claimx.standoff`)."""
    gold_docs = list(read_jsonl(gold, shared)) if isinstance(gold, (str, Path)) else gold
    pred_docs = list(read_jsonl(pred, shared)) if isinstance(pred, (str, Path)) else pred
    return score_documents(gold_docs, pred_docs, slots)


def format_report(result: dict[str, Any], examples: int = 10) -> str:
    """A plain-text report: the summary table, the per-document table and error examples."""
    lines = []
    levels = result["levels"]
    lines.append(f"{'level':<10} {'variant':<8} {'P':>6} {'R':>6} {'F1':>6}")
    for level in levels:
        for variant in ("lenient", "strict"):
            s = result[variant][level]
            lines.append(f"{level:<10} {variant:<8} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f}")
    c = result["lenient"]["counts"]
    lines.append(
        f"gold claims {c['gold']} (with condition {c['gold_cond']}), predicted {c['pred']}"
        f" (with condition {c['pred_cond']}), slots: {','.join(result['slots'])}"
    )
    d = result["documents"]
    lines.append(f"documents: gold {d['gold']}, predicted {d['predicted']}, failed {len(d['failed'])}")
    if d["missing"]:
        lines.append(f"WARNING: no prediction for {len(d['missing'])} gold document(s): {', '.join(d['missing'][:5])}")
    if d["unknown"]:
        lines.append(f"WARNING: {len(d['unknown'])} predicted document(s) not in gold, not scored: {', '.join(d['unknown'][:5])}")
    lines.append("")
    header = f"{'document':<40} {'gold':>5} {'pred':>5} {'match':>5} " + " ".join(f"{lvl[:9]:>9}" for lvl in levels)
    lines.append(header)
    for row in result["per_document"]:
        vals = " ".join(f"{row[f'{lvl}_f']:>9.3f}" for lvl in levels)
        lines.append(f"{row['doc'][:40]:<40} {row['gold']:>5} {row['pred']:>5} {row['matched']:>5} {vals}" + (f"  ({row['note']})" if row.get("note") else ""))
    for kind in ("missed", "spurious", "partial"):
        items = result[kind]
        if not items or examples <= 0:
            continue
        lines.append("")
        lines.append(f"{kind} ({len(items)}):")
        for it in items[:examples]:
            if kind == "partial":
                g, p = it["gold"], it["pred"]
                lines.append(f"  [{it['doc']}] wrong {','.join(it['wrong'])}: gold {g['actor']}|{g['stance']}|{g['issue'][:70]}|{g['condition']}")
                lines.append(f"  {' ' * (len(it['doc']) + 3)}          pred {p['actor']}|{p['stance']}|{p['issue'][:70]}|{p['condition']}")
            else:
                c = it.get("gold") or it.get("pred")
                lines.append(f"  [{it['doc']}] {c['actor']} ({c['canonical']}) | {c['stance']} | {c['issue'][:90]} | {c['condition']}")
    return "\n".join(lines)
