"""Write the model card (data, config, commit, metrics, evaluation) and check the size limit."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimx.model.card import write_card


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--evaluation", type=Path, required=True)
    ap.add_argument("--max-mb", type=float, default=20.0)
    args = ap.parse_args()
    size = sum(f.stat().st_size for f in args.model.iterdir() if f.is_file()) / 1e6
    if size > args.max_mb:
        sys.exit(f"{args.model} holds {size:.1f} MB, over the {args.max_mb} MB limit")
    metrics = json.loads((args.model / "metrics.json").read_text())
    evaluation = json.loads(args.evaluation.read_text())
    card = write_card(args.model, metrics, evaluation)
    print(f"{card} written; model folder {size:.1f} MB")


if __name__ == "__main__":
    main()
