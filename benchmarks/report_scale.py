"""How big and how fast the HTML report is with many documents.

    .venv/bin/python benchmarks/report_scale.py --shared ../shared --docs 1000 -o out/report-scale

Takes ``--docs`` PolNeAR news texts (cycled with new ids when more are asked for than there are),
extracts their claims with the rules pipeline (``claimx extract -n 2``; reused when
OUT/claims.jsonl exists), writes OUT/report.html, then opens it in headless Chromium with
``scripts/check_report.py``: every claim must be rendered. Prints the file size, the time to
write the report, the page's own load time, the time one filter takes and the wall time of
Chromium loading and screenshotting the page, and writes them to OUT/summary.json.
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "out" / "report-scale")
    args = ap.parse_args()
    src = args.shared / "data" / "polnear" / "docs.jsonl"
    if not src.is_file():
        sys.exit(f"no PolNeAR texts at {src}: pass --shared PATH")
    args.out.mkdir(parents=True, exist_ok=True)
    inputs, claims = args.out / "inputs.jsonl", args.out / "claims.jsonl"
    if not claims.is_file():
        base = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
        with open(inputs, "w", encoding="utf-8") as fh:
            for k, d in enumerate(itertools.islice(itertools.cycle(base), args.docs)):
                fh.write(json.dumps({"id": f"{d['doc_id']}#{k // len(base)}", "text": d["text"]}) + "\n")
        t0 = time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "claimx"), "extract", str(inputs), "-o", str(claims), "-n", "2",
                        "-q"], check=True)
        print(f"extracted {args.docs} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)

    sys.path.insert(0, str(ROOT / "src"))
    from claimx.report import write_report
    from claimx.schema import read_jsonl

    report = args.out / "report.html"
    t0 = time.perf_counter()
    n = write_report(read_jsonl(claims), report)
    write_s = time.perf_counter() - t0
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_report.py"), str(report), str(claims),
                           "--screenshot", str(args.out / "report.png"), "--json"], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)
        return done.returncode
    check = json.loads(done.stdout)
    summary = {"documents": n, "claims": check["claims_checked"], "mb": round(check["bytes"] / 1e6, 2),
               "write_s": round(write_s, 2), "load_ms": check["load_ms"], "filter_ms": check["filter_ms"],
               "chromium_dump_dom_s": check["dump_dom_wall_s"], "chromium_screenshot_s": check["screenshot_wall_s"],
               "problems": check["n_problems"]}
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 0 if not check["n_problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
