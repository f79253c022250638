"""Adversarial text: seconds and peak memory per pattern and size, against normal news.

    python benchmarks/adversarial.py --sizes 1000,10000,100000,1000000 -o out/adversarial.json

Each pattern is a text built to a target size in characters: ``news`` (the synthetic articles
repeated, the yardstick), one run-on sentence of repeated "if" clauses, coordinated entities,
"X said that Y said that ...", nested quotes, ",,,," and "((((" runs, and a document without any
punctuation.  Every (pattern, size) runs in a fresh subprocess through the rules pipeline, one
document through ``claimx.records.extract_documents`` with no time budget, and reports the
seconds (the pipeline load left out), the peak RSS of the process and the cost per character
relative to ``news`` of the same size (``x news``).  A run past ``--limit`` seconds is stopped and
reported as such.  Numbers go to stdout as a table and, with ``-o``, as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["Germany", "France", "the European Commission", "Senator Warren", "the union", "Japan", "Brazil",
         "the ministry", "Chancellor Scholz", "the World Bank", "Poland", "the opposition"]


def _fill(parts, size: int, sep: str = " ", end: str = "") -> str:
    out, n = [], 0
    for p in itertools.cycle(parts) if isinstance(parts, list) else parts:
        out.append(p)
        n += len(p) + len(sep)
        if n >= size:
            break
    return (sep.join(out) + end)[:size]


def news(size: int) -> str:
    texts = [json.loads(line)["text"] for line in open(ROOT / "corpora" / "synthetic" / "dev.jsonl", encoding="utf-8")]
    return _fill(texts, size, sep="\n\n")


def repeated_if(size: int) -> str:
    head = "The union said it would strike "
    clauses = (f"if {n} rejects the offer" for n in itertools.cycle(NAMES))
    return head + _fill(clauses, size - len(head) - 1, end=".")


def coordinated(size: int) -> str:
    tail = " said that the deal must be renegotiated."
    names = (f"{n}" for n in itertools.cycle(NAMES))
    return _fill(names, size - len(tail), sep=", ") + tail


def said_that(size: int) -> str:
    parts = (f"{n} said that" for n in itertools.cycle(NAMES))
    return _fill(parts, size - 30) + " the talks had failed."


def nested_quotes(size: int) -> str:
    parts = (f'{n} said: "' for n in itertools.cycle(NAMES))
    body = _fill(parts, size // 2)
    return body + " we will not accept this" + '"' * max(0, size - len(body) - 24)


def commas(size: int) -> str:
    head = "The minister said "
    return head + "," * (size - len(head))


def parens(size: int) -> str:
    head = "The minister said "
    return head + "(" * (size - len(head))


def unpunctuated(size: int) -> str:
    words = ("the minister said the union would strike unless the government raised wages and the talks"
             " resumed before the deadline while the opposition called for new elections").split()
    return _fill(words, size)


def conditional_claims(size: int) -> str:
    """Short sentences, each a claim with a condition: many claims and conditions in one document."""
    parts = (f"{n} said it would back the deal if the talks resumed." for n in itertools.cycle(NAMES))
    return _fill(parts, size)


def dotted(size: int) -> str:
    """Tokens ending in a period inside one run-on sentence ("U.S."), which the parser does not end."""
    parts = (f"the U.S. said that {n} said that" for n in itertools.cycle(NAMES))
    return _fill(parts, size)


PATTERNS = {"news": news, "if": repeated_if, "coordinated": coordinated, "said-that": said_that,
            "quotes": nested_quotes, "commas": commas, "parens": parens, "unpunctuated": unpunctuated, "conditional": conditional_claims, "dotted": dotted}


def run_one(pattern: str, size: int, config: str) -> None:
    """In a subprocess: one pattern at one size; prints one JSON line."""
    import resource

    from claimx.io import InputDoc
    from claimx.nlp import load
    from claimx.records import extract_documents

    text = PATTERNS[pattern](size)
    nlp = load(config)
    list(extract_documents(nlp, [InputDoc("warm", "The minister said the talks failed.")], doc_timeout=None))
    t0 = time.perf_counter()
    (doc,) = extract_documents(nlp, [InputDoc(pattern, text)], doc_timeout=None)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pattern": pattern, "chars": len(text), "seconds": round(seconds, 3), "peak_rss_mb": round(rss),
                      "claims": len(doc.claims), "status": doc.status}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000", help="Text sizes in characters.")
    ap.add_argument("--patterns", default=",".join(PATTERNS), help="Patterns to run (news is always run).")
    ap.add_argument("--config", default="default.cfg", help="Pipeline config.")
    ap.add_argument("--limit", type=float, default=1800, help="Seconds before a run is stopped.")
    ap.add_argument("-o", "--output", help="Write the results as JSON here.")
    ap.add_argument("--one", nargs=2, metavar=("PATTERN", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        run_one(args.one[0], int(args.one[1]), args.config)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    patterns = ["news"] + [p for p in args.patterns.split(",") if p != "news"]
    results = []
    print(f"{'pattern':<13} {'chars':>9} {'seconds':>9} {'us/char':>8} {'x news':>7} {'peak RSS MB':>11} {'claims':>6}")
    base: dict[int, float] = {}
    for pattern in patterns:
        for size in sizes:
            cmd = [sys.executable, __file__, "--one", pattern, str(size), "--config", args.config]
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.limit)
                row = json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else \
                    {"pattern": pattern, "chars": size, "error": out.stderr.strip().splitlines()[-1:]}
            except subprocess.TimeoutExpired:
                row = {"pattern": pattern, "chars": size, "error": f"stopped after {args.limit:g} s"}
            if "seconds" in row:
                per_char = row["seconds"] / row["chars"]
                if pattern == "news":
                    base[size] = per_char
                row["x_news"] = round(per_char / base[size], 2) if base.get(size) else None
                print(f"{pattern:<13} {row['chars']:>9,} {row['seconds']:>9.2f} {per_char * 1e6:>8.1f}"
                      f" {row['x_news'] or 0:>7.2f} {row['peak_rss_mb']:>11,} {row['claims']:>6}", flush=True)
            else:
                print(f"{pattern:<13} {size:>9,} {row['error']}", flush=True)
            results.append(row)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
