"""Calibrate the tagger's claim confidences and choose its thresholds on the news calibration fold.

    python pipeline/scripts/calibrate.py --model models/claim-tagger --shared ../shared \
        --out pipeline/metrics/calibration.json

The fold is the 15 news train articles the tagger was not trained on (``calibration_fold`` in the
model's metrics.json; ``claimx.model.data.calibration_fold``).  On it: every claim the tagger
proposes (no threshold) is labelled right when SPEC's matcher pairs it with a gold claim; an
isotonic map from the raw confidence to that probability is fitted; the thresholds that give the
best claim F1 on the fold are chosen for the model pipeline (tagger alone) and for the hybrid (the
tagger's claims added to the rules').  One fit per runtime of the encoder (torch's int8 copy, the
ONNX Runtime session: their confidences differ a little); map and thresholds go to
``MODEL/calibration.json`` (``runtimes``; the top level is the fit of the hybrid config's runtime).  News
dev is only *reported* (reliability table and ECE before / after), never used to choose anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from claimx.corpus import load as load_corpus
from claimx.corpus import to_document
from claimx.evaluation import evaluate
from claimx.model.calibration import Calibration, fit_isotonic, reliability
from claimx.model.component import merge, outside_sentences_with, with_new_cues
from claimx.nlp import load_pipeline, pipeline_config, to_record
from claimx.schema import Document
from claimx.scoring import match_claims

GRID = [round(0.05 * k, 2) for k in range(0, 20)]


def proposals(nlp: Any, docs: list[Document]) -> list[tuple[Document, list[dict], list[dict]]]:
    """(gold, rules claims, tagger claims with raw confidence and no threshold) per document; with
    the hybrid's ``hybrid_sentences = "without_rules"``, the tagger claims of sentences holding a
    rules claim are marked (``_covered``): the hybrid would not add them."""
    tagger = nlp.get_pipe("claimx_tagger")
    scoped = tagger.hybrid_sentences == "without_rules"
    tagger.calibration, tagger.min_confidence, tagger.mode = None, 0.0, "model"
    out = []
    for gold in docs:
        doc = nlp.make_doc(gold.text)
        for name, proc in nlp.pipeline:
            if name == "claimx_tagger":
                break
            doc = proc(doc)
        rules = [dict(c) for c in doc._.claims or []]
        tagger(doc)
        model = list(doc._.claims or [])
        if scoped:
            free = {id(c) for c in outside_sentences_with(model, rules, [(s.start_char, s.end_char) for s in doc.sents])}
            # a covered claim at a cue the rules did not read may still be added (hybrid_new_cues)
            new = {id(c) for c in with_new_cues(model, rules, 0.0)}
            model = [dict(c, _covered=id(c) not in free, _new_cue=id(c) in new) for c in model]
        out.append((gold, rules, model))
    return out


PRIVATE = ("_covered", "_new_cue")


def labelled(runs: list[tuple[Document, list[dict], list[dict]]]) -> tuple[list[float], list[int]]:
    conf, labels = [], []
    for gold, _, model in runs:
        pred = to_record(gold.id, gold.text, [{k: v for k, v in c.items() if k not in PRIVATE} for c in model]).claims
        hit = {p.pred for p in match_claims(gold.claims, pred)}
        for j, c in enumerate(pred):
            conf.append(float(c.confidence))
            labels.append(int(j in hit))
    return conf, labels


def scores(runs: list[tuple[Document, list[dict], list[dict]]], cal: Calibration | None, t: float, mode: str,
           new_cues: float | None = None) -> dict[str, float]:
    """Claim / full / condition F1 on ``runs`` at threshold ``t``; the hybrid also adds the covered
    claims at new cues with at least ``new_cues`` (``hybrid_new_cues``; None: none)."""
    preds = []
    for gold, rules, model in runs:
        keep = [dict(c, confidence=round(cal(c["confidence"]) if cal else c["confidence"], 3)) for c in model]
        keep = [c for c in keep if c["confidence"] >= t]
        if mode == "hybrid":
            claims = merge(rules, [c for c in keep if not c.get("_covered")
                                   or (new_cues is not None and c.get("_new_cue") and c["confidence"] >= new_cues)])
        else:
            claims = keep
        claims = [{k: v for k, v in c.items() if k not in PRIVATE} for c in claims]
        preds.append(to_record(gold.id, gold.text, claims))
    res = evaluate([g for g, _, _ in runs], preds)["lenient"]
    return {lvl: round(res[lvl]["f"], 4) for lvl in ("claim", "full", "condition") if lvl in res}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=Path("models/claim-tagger"))
    ap.add_argument("--shared", default=None, help="Folder with the PolNeAR texts (else $CLAIMX_SHARED).")
    ap.add_argument("--news-train", type=Path, default=Path("corpora/news/train.jsonl"))
    ap.add_argument("--news-dev", type=Path, default=Path("corpora/news/dev.jsonl"))
    ap.add_argument("--out", type=Path, default=Path("pipeline/metrics/calibration.json"))
    ap.add_argument("--max-docs", type=int, default=0, help="Use only this many documents of each (a quick check).")
    ap.add_argument("--runtime", choices=["torch", "onnx"], default=None,
                    help="Fit only this runtime (default: torch and ONNX Runtime, one fit each).")
    args = ap.parse_args()
    metrics = json.loads((args.model / "metrics.json").read_text())
    fold = set(metrics.get("calibration_fold") or [])
    if not fold:
        sys.exit(f"{args.model}/metrics.json names no calibration fold: train with calibration_file set")
    train = [to_document(r) for r in load_corpus(args.news_train, shared=args.shared)]
    fold_docs = [d for d in train if d.id in fold]
    dev_docs = [to_document(r) for r in load_corpus(args.news_dev, shared=args.shared)]
    if args.max_docs:
        fold_docs, dev_docs = fold_docs[: args.max_docs], dev_docs[: args.max_docs]
    # one fit per runtime of the encoder (their confidences differ a little): the component uses
    # the fit of the runtime it runs; the file's top level is the hybrid config's runtime's fit
    default_runtime = pipeline_config("hybrid")["components"]["claimx_tagger"].get("runtime", "torch")
    runtimes = [args.runtime] if args.runtime else ["torch", "onnx"]
    fits: dict[str, Calibration] = {}
    reports: dict[str, Any] = {}
    for runtime in runtimes:
        overrides = {"components.claimx_tagger.model": str(args.model.resolve()),
                     "components.claimx_tagger.runtime": runtime}
        loaded = load_pipeline("hybrid", overrides=overrides, cache=False)
        if loaded.note:
            sys.exit(loaded.note)
        nlp = loaded.nlp
        if nlp.get_pipe("claimx_tagger").running != runtime:
            print(f"runtime {runtime} is not available here; no fit for it", file=sys.stderr)
            continue
        print(f"{runtime}: calibration fold {len(fold_docs)} documents; dev {len(dev_docs)}", file=sys.stderr)
        fits[runtime], reports[runtime] = fit(nlp, fold_docs, dev_docs)
    if not fits:
        sys.exit("no runtime could run the tagger")
    top = fits.get(default_runtime) or next(iter(fits.values()))
    cal = Calibration(top.xs, top.ys, top.thresholds, top.info, runtimes=dict(fits))
    cal.save(args.model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"default_runtime": default_runtime, "runtimes": reports}, indent=2) + "\n")
    for runtime, report in reports.items():
        print(f"{runtime}: thresholds {report['thresholds']}; ECE fold {report['fold']['raw']['ece']} -> "
              f"{report['fold']['calibrated']['ece']}, news dev {report['dev']['raw']['ece']} -> {report['dev']['calibrated']['ece']}")
        print(f"{runtime}: news dev reliability (calibrated): bin, n, confidence, accuracy")
        for row in report["dev"]["calibrated"]["table"]:
            print(f"  {row['bin']}  {row['n']:>4}  {row['confidence']:.3f}  {row['accuracy']:.3f}")


def fit(nlp: Any, fold_docs: list[Document], dev_docs: list[Document]) -> tuple[Calibration, dict[str, Any]]:
    """The isotonic map and thresholds on the fold, with the reliability report (fold and dev)."""
    fold_runs = proposals(nlp, fold_docs)
    dev_runs = proposals(nlp, dev_docs)
    conf, labels = labelled(fold_runs)
    xs, ys = fit_isotonic(conf, labels)
    cal = Calibration(xs, ys)
    new_cues = nlp.get_pipe("claimx_tagger").hybrid_new_cues
    curves: dict[str, dict[float, dict[str, float]]] = {"model": {}, "hybrid": {}}
    for mode in curves:
        for t in GRID:
            curves[mode][t] = scores(fold_runs, cal, t, mode, new_cues)
    cal.thresholds = {mode: max(GRID, key=lambda t: (curves[mode][t]["claim"], t)) for mode in curves}
    dconf, dlabels = labelled(dev_runs)
    report: dict[str, Any] = {
        "fold_documents": len(fold_docs), "fold_claims_proposed": len(conf), "fold_right": sum(labels),
        "thresholds": cal.thresholds,
        "fold": {"raw": reliability(conf, labels), "calibrated": reliability([cal(c) for c in conf], labels)},
        "dev": {"raw": reliability(dconf, dlabels), "calibrated": reliability([cal(c) for c in dconf], dlabels)},
        "fold_claim_f1_by_threshold": {m: {str(t): v["claim"] for t, v in c.items()} for m, c in curves.items()},
        "hybrid_new_cues": new_cues,
        "dev_at_thresholds": {m: scores(dev_runs, cal, cal.thresholds[m], m, new_cues) for m in curves},
    }
    cal.info = {"fitted_on": f"{len(fold_docs)} news train articles of the calibration fold ({len(conf)} claims)",
                "ece_fold_raw": report["fold"]["raw"]["ece"], "ece_fold_calibrated": report["fold"]["calibrated"]["ece"]}
    return cal, report


if __name__ == "__main__":
    main()
