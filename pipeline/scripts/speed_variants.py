"""Accuracy and speed of the tagger's CPU options on gold data: float32 or int8 (dynamic
quantization of the Linear layers; ``-all``: the feed-forward output projections too,
``quantize_all``; ``-l0``: all but the bottom layer's, per-channel scales, ``float_layers = [0]``), run by torch
or (``onnx-``) by ONNX Runtime (``runtime = "onnx"``: every encoder layer int8 per channel), with
or without the sentence gate (``skip_sentences``); ``+free``: the hybrid's tagger reads only the
sentences where the rules found no claim (``hybrid_sentences = "without_rules"``; the model
pipeline is unchanged by it); ``+new``: and, beside the rules' claims, its claims at cues the rules
did not read with a calibrated confidence of 0.8 or more (``hybrid_new_cues``, the shipped hybrid).

    python pipeline/scripts/speed_variants.py corpora/news/dev.jsonl --shared ../shared \
        --out pipeline/metrics/speed_variants.json
    python pipeline/scripts/speed_variants.py corpora/news/train.jsonl --fold --shared ../shared
    python pipeline/scripts/speed_variants.py corpora/news/train.jsonl corpora/news/train_batch3.jsonl --fold \
        --shared ../shared      # the fold pooled with the third batch (55 articles the tagger never saw)

(``--fold``: the calibration fold of news train, where options are chosen; dev only reports.)

The documents are parsed once (spaCy, actors, rules); then each variant's tagger runs on them in
the model and the hybrid pipeline, timed alone, and is scored with SPEC's scorer.  Words/s here
are the tagger's alone; ``benchmarks/throughput.py`` measures whole pipelines.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
from pathlib import Path

from claimx.corpus import load as load_corpus
from claimx.corpus import to_document
from claimx.evaluation import evaluate
from claimx.model.component import TaggerComponent
from claimx.model.data import calibration_fold
from claimx.nlp import load_pipeline, to_record
from claimx.resources import cue_lexicon

# name: (quantize, gate, quantize_all, float_layers, runtime[, hybrid_sentences[, hybrid_new_cues]])
VARIANTS = {"fp32": (False, False, False, None, "torch"), "int8": (True, False, False, None, "torch"),
            "fp32+gate": (False, True, False, None, "torch"), "int8+gate": (True, True, False, None, "torch"),
            "int8-l0": (True, False, False, [0], "torch"), "int8-l0+gate": (True, True, False, [0], "torch"),
            "int8-all": (True, False, True, None, "torch"), "int8-all+gate": (True, True, True, None, "torch"),
            "onnx-fp32": (False, False, False, None, "onnx"), "onnx-int8": (True, False, False, None, "onnx"),
            "onnx-int8+gate": (True, True, False, None, "onnx"),
            "int8+gate+free": (True, True, False, None, "torch", "without_rules"),
            "fp32+gate+free": (False, True, False, None, "torch", "without_rules"),
            "onnx-int8+gate+free": (True, True, False, None, "onnx", "without_rules"),
            "onnx-int8+gate+free+new": (True, True, False, None, "onnx", "without_rules", 0.8)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="+",
                    help="Gold files; with --fold the first is cut to its calibration fold, the others count whole.")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--model", default="claim-tagger")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--fold", action="store_true",
                    help="Only the calibration fold of GOLD (news train: the 15 articles the tagger never saw).")
    args = ap.parse_args()
    gold = []
    for k, path in enumerate(args.gold):
        docs = [to_document(r) for r in load_corpus(path, shared=args.shared)]
        if args.fold and k == 0:
            fold = calibration_fold(d.id for d in docs)
            docs = [d for d in docs if d.id in fold]
        gold.extend(docs)
    words = sum(len(d.text.split()) for d in gold)
    nlp = load_pipeline("rules", cache=False).nlp
    docs = list(nlp.pipe(d.text for d in gold))
    rules = [copy.deepcopy(d._.claims) for d in docs]
    results = {}
    for name in args.variants.split(","):
        quantize, gate, everything, float_layers, runtime, *scope = VARIANTS[name]
        for mode in ("hybrid",) if scope else ("model", "hybrid"):
            comp = TaggerComponent(nlp, "claimx_tagger", args.model, mode=mode, quantize=quantize,
                                   skip_sentences=gate, lexicon=cue_lexicon(), quantize_all=everything,
                                   float_layers=float_layers, threads=1, runtime=runtime,
                                   hybrid_sentences=scope[0] if scope else "all",
                                   hybrid_new_cues=scope[1] if len(scope) > 1 else None)
            comp.initialize()
            for d, r in zip(docs, rules):
                d._.claims = copy.deepcopy(r)
            t0 = time.perf_counter()
            out = list(comp.pipe(docs))
            secs = time.perf_counter() - t0
            preds = [to_record(g.id, g.text, list(d._.claims)) for g, d in zip(gold, out)]
            res = evaluate(gold, preds)["lenient"]
            row = {lvl: round(res[lvl]["f"], 4) for lvl in ("claim", "full", "condition") if lvl in res}
            row.update(tagger_seconds=round(secs, 2), tagger_words_per_s=round(words / secs, 1))
            results[f"{name}/{mode}"] = row
            print(f"{name:<10} {mode:<7} claim {row['claim']:.3f} full {row.get('full', 0):.3f} "
                  f"condition {row.get('condition', 0):.3f}  tagger {row['tagger_words_per_s']:,.0f} words/s", flush=True)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"gold": [str(g) for g in args.gold], "fold": args.fold, "documents": len(gold),
                                        "words": words, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
