"""Seconds each component of a claimx pipeline takes, on PolNeAR texts.

    python benchmarks/component_times.py --shared ../shared --docs 60 [--pipeline rules] [-o out/components.json]

Tokenizes ``--docs`` PolNeAR documents (the same texts as ``throughput.py``), then runs each
component of the pipeline over all of them in pipeline order and times it: which part of the
work a component is (the parse, the rules, ``claimx_typography``, the tagger).  One process;
the numbers move with the machine, the proportions much less.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import polnear_texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder (PolNeAR texts)")
    ap.add_argument("--docs", type=int, default=60, help="how many documents")
    ap.add_argument("--pipeline", default="rules", help="rules, model or hybrid")
    ap.add_argument("-o", "--out", type=Path, help="write the times as JSON here")
    args = ap.parse_args()
    if args.docs < 1:
        sys.exit("--docs must be at least 1")
    from claimx.nlp import load_pipeline

    texts = [t for _, t in polnear_texts(args.shared, args.docs)]
    nlp = load_pipeline(args.pipeline).nlp
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times = {"tokenizer": time.perf_counter() - start}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - start
    tokens = sum(len(d) for d in docs)
    total = sum(times.values())
    print(f"{args.pipeline}: {len(docs)} documents, {tokens:,} tokens, {total:.2f} s")
    for name, sec in times.items():
        print(f"  {name:20s} {sec:8.3f} s  {100 * sec / total:5.1f}%")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"pipeline": args.pipeline, "documents": len(docs), "tokens": tokens,
                                        "seconds": {k: round(v, 4) for k, v in times.items()}}, indent=2) + "\n")


if __name__ == "__main__":
    main()
