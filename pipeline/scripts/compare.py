"""Rules vs model vs hybrid on named development data, with words per second.

    python scripts/compare.py --news ../corpora/news/dev.jsonl --shared ../../shared \
        --polnear data/polnear_dev.jsonl --corpus ../corpora/synthetic/dev.jsonl \
        --out metrics/evaluation.json [--device cpu]

For each pipeline the gold files are run through `claimx`'s local engine (one process) and scored
with SPEC's scorer on the slots each file annotates: real-news gold (every level; stand-off, its
texts from --shared), PolNeAR (actor, issue), the synthetic corpus (every level).  The JSON holds every number; a Markdown table is written beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from claimx.batch import local_records
from claimx.evaluation import evaluate
from claimx.io import InputDoc
from claimx.nlp import PIPELINES, load_pipeline
from claimx.schema import read_jsonl
from claimx.scoring import flat_scores


def run(pipeline: str, gold_path: Path, device: str, shared: str | None = None) -> dict:
    loaded = load_pipeline(pipeline, device=device)
    if loaded.note:
        return {"skipped": loaded.note}
    nlp = loaded.nlp
    config = "+".join(PIPELINES[pipeline])
    gold = list(read_jsonl(gold_path, shared))
    items = [InputDoc(d.id, d.text) for d in gold]
    words = sum(len(d.text.split()) for d in gold)
    nlp("Warm-up: the minister said the plan would fail.")
    t0 = time.perf_counter()
    pred = list(local_records(items, nlp=nlp))
    seconds = time.perf_counter() - t0
    result = evaluate(gold, pred)
    return {"config": config, "documents": len(gold), "words": words, "seconds": round(seconds, 2),
            "words_per_s": round(words / seconds, 1), "slots": result["slots"],
            "scores": {k: round(v, 4) for k, v in flat_scores(result).items()},
            "counts": result["lenient"]["counts"]}


def machine() -> dict:
    """The CPU and library versions the numbers were measured with: the int8 encoder's results
    depend on them (ONNX Runtime picks its int8 kernels by the CPU's instruction set)."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    cpu, flags = platform.processor(), []
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name") and not cpu:
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("flags"):
                flags = [f for f in line.split(":", 1)[1].split() if "vnni" in f or f in ("avx2", "avx512f", "amx_int8")]
                break
    except OSError:
        pass
    versions = {}
    for pkg in ("onnxruntime", "onnx", "torch", "transformers", "spacy", "numpy"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = None
    return {"cpu": cpu, "cpu_flags": sorted(set(flags)), "versions": versions}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", type=Path, help="Real-news gold (stand-off: needs --shared).")
    ap.add_argument("--shared", default=None, help="Folder with the PolNeAR texts (else $CLAIMX_SHARED).")
    ap.add_argument("--polnear", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--pipelines", default="rules,model,hybrid")
    args = ap.parse_args()
    results: dict = {}
    data = ([("news_dev", args.news)] if args.news else []) + [("polnear_dev", args.polnear), ("corpus_dev", args.corpus)]
    for name, path in data:
        for pipeline in args.pipelines.split(","):
            print(f"{name} / {pipeline} ...", file=sys.stderr)
            results.setdefault(name, {})[pipeline] = run(pipeline, path, args.device, args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"device": args.device, "machine": machine(), "results": results}, indent=2) + "\n")
    rows = ["| data | pipeline | claim F1 (P / R) | stance F1 | full F1 | condition F1 | words/s |",
            "|---|---|---|---|---|---|---|"]
    for name, per in results.items():
        for pipeline, r in per.items():
            if "skipped" in r:
                rows.append(f"| {name} | {pipeline} | skipped: {r['skipped']} | | | | |")
                continue
            s = r["scores"]
            def f(level: str) -> str:
                return f"{s[f'lenient_{level}_f']:.3f}" if f"lenient_{level}_f" in s else "–"
            claim = f"{s['lenient_claim_f']:.3f} ({s['lenient_claim_p']:.3f} / {s['lenient_claim_r']:.3f})"
            rows.append(f"| {name} | {pipeline} | {claim} | {f('stance')} | {f('full')} | {f('condition')} | {r['words_per_s']:,.0f} |")
    table = "\n".join(rows)
    args.out.with_suffix(".md").write_text(table + "\n")
    print(table)


if __name__ == "__main__":
    main()
