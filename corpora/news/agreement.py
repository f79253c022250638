"""Agreement of the second annotation (B) with the gold (A) on the articles both annotated.

Run: python corpora/news/agreement.py [--shared ../shared] [--silver] [--stems train dev train_batch6]
         [--system hybrid]
Prints SPEC's lenient and strict P / R / F1 per level, A as gold and B as prediction, over the
articles of `STEM.b.jsonl` for each stem (by default the first 80 articles' `train` and `dev`),
stem by stem and together; with ``--system P`` also claimx's pipeline P against A on the same
articles.  With ``--silver``: the agreement
of PolNeAR converted to SPEC's conventions (``claimx corpus convert --from polnear-spec``) with
the gold, on all 80 articles.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from claimx.evaluation import evaluate
from claimx.schema import read_jsonl

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--silver", action="store_true", help="score the silver PolNeAR conversion against the gold")
    ap.add_argument("--system", default=None, metavar="PIPELINE",
                    help="also score a claimx pipeline (rules, model, hybrid) against A on the same articles")
    ap.add_argument("--stems", nargs="+", default=["train", "dev"],
                    help="files whose second annotation STEM.b.jsonl is compared with STEM.jsonl (train_batch6: the "
                         "condition-rich articles annotated twice in the fourteenth session)")
    args = ap.parse_args()
    if args.silver:
        from pathlib import Path as _P

        from claimx.silver import convert_polnear_spec

        gold = [d for split in ("train", "dev") for d in read_jsonl(HERE / f"{split}.jsonl", args.shared)]
        silver = list(convert_polnear_spec(_P(args.shared) / "data" / "polnear", ids={d.id for d in gold}))
        r = evaluate(gold, silver)
        for lvl in ("claim", "stance", "full", "condition"):
            L = r["lenient"][lvl]
            print(f"{lvl:<10} P {L['p']:.3f} R {L['r']:.3f} F1 {L['f']:.3f} (strict F1 {r['strict'][lvl]['f']:.3f})")
        return
    missing = [f"{stem}{suffix}.jsonl" for stem in args.stems for suffix in ("", ".b") if not (HERE / f"{stem}{suffix}.jsonl").is_file()]
    if missing:
        have = sorted(p.name[: -len(".b.jsonl")] for p in HERE.glob("*.b.jsonl"))
        raise SystemExit(f"agreement.py: no {', '.join(missing)} in {HERE}; stems with a second annotation: {', '.join(have)}")
    everything_a, everything_b = [], []
    print(f"{'file':<12} {'docs':>4} {'gold':>5} {'B':>5}  " + "  ".join(f"{lvl:>16}" for lvl in ("claim", "stance", "full", "condition")))
    for split in (*args.stems, "all"):
        if split == "all":
            a, b = everything_a, everything_b
        else:
            b = list(read_jsonl(HERE / f"{split}.b.jsonl", args.shared))
            ids = {d.id for d in b}
            a = [d for d in read_jsonl(HERE / f"{split}.jsonl", args.shared) if d.id in ids]
            everything_a += a
            everything_b += b
        _row(split, a, b)
    print("F1 lenient (strict); gold = required claims of A, B = all claims of B")
    if args.system:
        # the same articles, with the pipeline's claims in B's place
        from claimx.batch import local_records
        from claimx.io import InputDoc
        from claimx.nlp import load_pipeline

        nlp = load_pipeline(args.system).nlp
        system = list(local_records([InputDoc(d.id, d.text) for d in everything_a], nlp=nlp))
        _row(f"claimx {args.system}", everything_a, system)


def _row(name: str, a: list, b: list) -> None:
    r = evaluate(a, b)
    c = r["lenient"]["counts"]
    cells = "  ".join(f"{r['lenient'][lvl]['f']:.3f} ({r['strict'][lvl]['f']:.3f})" for lvl in ("claim", "stance", "full", "condition"))
    print(f"{name:<12} {len(a):>4} {c['gold']:>5} {c['pred']:>5}  {cells}")


if __name__ == "__main__":
    main()
