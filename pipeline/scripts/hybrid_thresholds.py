"""The hybrid's two thresholds on gold data: the least calibrated confidence of a tagger claim added
in a sentence without rules claims (``hybrid_min_confidence``) and of one added beside them at a
cue the rules did not read (``hybrid_new_cues``).

    python pipeline/scripts/hybrid_thresholds.py corpora/news/train_batch5.jsonl \
        corpora/news/train_batch6.jsonl corpora/news/train_batch7.jsonl corpora/news/train_batch8.jsonl \
        --shared ../shared --out pipeline/metrics/hybrid_thresholds.json

Use documents the tagger never trained on (batches 5-8; see the model card). Each document runs
once through the shipped hybrid with both thresholds at 0, and the tagger's candidate claims are
kept with where they were found; every pair of the grid then keeps those at or above its
thresholds, merges them with the rules' claims as the hybrid does, and is scored with SPEC's
scorer (lenient micro F1 over all the files together).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

FREE = (0.0, 0.3, 0.42, 0.85, 0.95, 1.01)   # calibrated confidences step at about 0.29, 0.41 and 0.89
NEW_CUES = (0.42, 0.85, 0.95, 1.01)         # 1.01: never added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path, help="gold JSONL files (stand-off news gold needs --shared)")
    ap.add_argument("--shared", type=Path, default=None, help="the shared data folder that holds PolNeAR's texts")
    ap.add_argument("--out", type=Path, default=None, help="write the grid's scores here (JSON)")
    args = ap.parse_args()

    import claimx.model.component as tagger_module
    from claimx.evaluation import evaluate
    from claimx.nlp import doc_claims, load_pipeline
    from claimx.records import make_doc, to_record
    from claimx.schema import read_jsonl
    from claimx.scoring import flat_scores

    # the hybrid's own steps, watched: which candidates were found outside rules sentences, and
    # what reached the merge (the rules' claims and the candidates)
    merge, outside = tagger_module.merge, tagger_module.outside_sentences_with
    seen: list[tuple[list[dict], list[tuple[dict, bool]]]] = []
    free_ids: set[int] = set()

    def watch_outside(model, rules, sents):
        out = outside(model, rules, sents)
        free_ids.update(id(c) for c in out)
        return out

    def watch_merge(rules, added, conditions=False):
        seen.append(([dict(r) for r in rules], [(dict(a), id(a) in free_ids) for a in added]))
        return merge(rules, added, conditions=conditions)

    tagger_module.merge, tagger_module.outside_sentences_with = watch_merge, watch_outside
    nlp = load_pipeline("hybrid").nlp
    tagger = nlp.get_pipe("claimx_tagger")
    shipped = (tagger.threshold("hybrid"), tagger.hybrid_new_cues)
    tagger.hybrid_min_confidence, tagger.hybrid_new_cues = 0.0, 0.0

    gold, runs = [], []
    for path in args.gold:
        for d in read_jsonl(path, args.shared):
            seen.clear()
            free_ids.clear()
            doc = nlp(make_doc(nlp, d.text))
            if len(seen) != 1:
                sys.exit(f"hybrid_thresholds.py: {d.id}: expected one merge per document, saw {len(seen)}")
            gold.append(d)
            runs.append((doc, seen[0]))
        print(f"{path}: read", file=sys.stderr)

    rows = []
    for t_free, t_new in itertools.product(FREE, NEW_CUES):
        preds = []
        for d, (doc, (rules, added)) in zip(gold, runs):
            doc._.claims = merge(rules, [a for a, free in added if a["confidence"] >= (t_free if free else t_new)])
            preds.append(to_record(d.id, d.text, doc_claims(doc)))
        r = flat_scores(evaluate(gold, preds))
        rows.append({"free": t_free, "new_cues": t_new, **{k: round(r[f"lenient_{k}"], 4) for k in (
            "claim_p", "claim_r", "claim_f", "full_f", "condition_f")}})
    rows.sort(key=lambda x: -x["claim_f"])
    print(f"shipped: free {shipped[0]}, new cues {shipped[1]}; {len(gold)} documents")
    print("| free | new cues | claim F1 (P / R) | full | condition |\n|---|---|---|---|---|")
    for x in rows:
        print(f"| {x['free']} | {x['new_cues']} | {x['claim_f']:.3f} ({x['claim_p']:.3f} / {x['claim_r']:.3f}) "
              f"| {x['full_f']:.3f} | {x['condition_f']:.3f} |")
    if args.out:
        args.out.write_text(json.dumps({"files": [str(p) for p in args.gold], "documents": len(gold),
                                        "shipped": {"free": shipped[0], "new_cues": shipped[1]}, "grid": rows}, indent=2))


if __name__ == "__main__":
    main()
