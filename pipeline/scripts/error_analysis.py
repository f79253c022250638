"""Misses and false claims of a prediction file against gold, with cues, context and categories.

    python pipeline/scripts/error_analysis.py GOLD PRED [--shared ../shared] [--show N] [--json OUT]

Categories are heuristics over the gold (misses) or the prediction (false claims): they count
where errors come from, they do not judge them.  Use it on TRAIN data only; dev is for measuring.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from claimx.resources import cue_lexicon
from claimx.schema import read_jsonl
from claimx.scoring import match_claims

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who"}
DOC_NOUNS = {"report", "poll", "survey", "study", "analysis", "memo", "letter", "statement", "ad", "ads",
             "records", "data", "complaint", "lawsuit", "ruling", "document", "documents", "editorial", "video", "tweet"}


def sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    b = min([x for x in (text.find("\n", end), text.find(". ", end)) if x >= 0] or [len(text)])
    return " ".join(text[a:b + 1].split())[:300]


def lexicon_lemmas() -> set[str]:
    lex = cue_lexicon()
    words = set()
    for key in ("report", "support", "oppose"):
        words |= set(lex.get(key, {}).get("verbs", []))
    for phrase in lex.get("phrasal", {}):
        words.add(phrase.split()[0])
    return words


def category_missed(doc, c, lemmas, preds=()) -> str:
    """What kind of claim was missed, and how: the rules made a claim at its cue but with the
    wrong actor or issue, or made none there."""
    kind = _kind(doc, c, lemmas)
    if c.cue is not None:
        at_cue = [p for p in preds if p.cue is not None and p.cue.start == c.cue.start]
        if at_cue:
            from claimx.scoring import actor_match, token_f1

            if not any(actor_match(c.actor, p.actor) for p in at_cue):
                return f"{kind}: claim at the cue, wrong actor"
            if not any(token_f1(c.issue.text, p.issue.text) >= 0.5 for p in at_cue):
                return f"{kind}: claim at the cue, wrong issue"
    return f"{kind}: no claim"


def _kind(doc, c, lemmas) -> str:
    text = doc.text
    if c.actor is None or c.actor.start is None:
        return "implicit actor"
    cue = (c.cue.text if c.cue else "").lower()
    line_start = text.rfind("\n", 0, c.issue.start) + 1
    if line_start == 0 and "\n" in text and c.issue.start < text.find("\n"):
        return "headline"
    if not c.cue:
        return "no cue (colon/label)"
    if cue.startswith("according"):
        return "according to"
    if c.actor.text.lower() in PRONOUNS:
        return "pronoun actor"
    if any(w in DOC_NOUNS for w in c.actor.text.lower().split()):
        return "document/poll holder"
    first = re.sub(r"[^a-z]", "", cue.split()[0]) if cue.split() else ""
    if first not in lemmas and not any(first.startswith(l[:max(3, len(l) - 2)]) for l in lemmas) \
            and first not in IRREGULAR:
        return "cue outside lexicon"
    return "cue in lexicon"


IRREGULAR = {"said", "says", "saying", "told", "tells", "telling", "wrote", "written", "writes", "thought",
             "found", "chose", "chosen", "spoke", "took", "made", "gave", "sought", "drew", "held", "stood"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    gold = {d.id: d for d in read_jsonl(args.gold, args.shared)}
    pred = {d.id: d for d in read_jsonl(args.pred, args.shared)}
    lemmas = lexicon_lemmas()
    missed, spurious = Counter(), Counter()
    rows = []
    for doc_id, g in gold.items():
        p = pred.get(doc_id)
        if p is None:
            continue
        gc = [c for c in g.claims]
        pairs = match_claims(gc, p.claims)
        got_g = {x.gold for x in pairs}
        got_p = {x.pred for x in pairs}
        for i, c in enumerate(gc):
            if i in got_g or c.optional:
                continue
            cat = category_missed(g, c, lemmas, p.claims)
            missed[cat] += 1
            rows.append({"kind": "missed", "cat": cat, "doc": doc_id, "actor": c.actor.text if c.actor else None,
                         "cue": c.cue.text if c.cue else None, "stance": c.stance, "issue": c.issue.text[:120],
                         "sent": sentence(g.text, c.issue.start, c.issue.end)})
        for j, c in enumerate(p.claims):
            if j in got_p:
                continue
            opt = any(match_claims([gcl], [c]) for gcl in gc if gcl.optional)
            if opt:
                continue
            cat = (c.source or "?").split(":")[-1]
            spurious[cat] += 1
            rows.append({"kind": "spurious", "cat": cat, "doc": doc_id, "actor": c.actor.text if c.actor else None,
                         "cue": c.cue.text if c.cue else None, "stance": c.stance, "issue": c.issue.text[:120],
                         "sent": sentence(p.text, c.issue.start, c.issue.end)})
    print("missed (required gold claims without a match):", sum(missed.values()))
    for k, v in missed.most_common():
        print(f"  {v:4d}  {k}")
    print("false claims (predictions matching no gold claim, optional ones excluded), by rule:", sum(spurious.values()))
    for k, v in spurious.most_common():
        print(f"  {v:4d}  {k}")
    for r in rows[: args.show]:
        print(f"[{r['kind']}/{r['cat']}] {r['actor']} | {r['cue']} | {r['stance']} | {r['issue']}\n      {r['sent']}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
