"""Open a claimx HTML report in headless Chromium and check that every claim is rendered.

    .venv/bin/python scripts/check_report.py report.html claims.jsonl [--gold gold.jsonl]
        [--shared ../shared] [--screenshot report.png] [--json]

Chromium (Debian's ``chromium`` package: ``apt-get install -y chromium``) loads the file from
disk and runs its script; the DOM it ends with is compared with the records: every document has
its section, every claim its table row (actor, stance, issue as in the record) and every span of
it a highlight in the text whose characters are exactly the span's.  With ``--gold``, every
non-optional gold claim must be either paired with a shown claim or listed as missed.  Prints a
summary (load time measured by the page itself, file size) and exits 1 on any problem, 3 when no
Chromium is found.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

SLOTS = {"a": "actor", "q": "cue", "i": "issue", "c": "condition", "d": "addressee"}
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium(explicit: str | None = None) -> str | None:
    if explicit:
        return explicit if shutil.which(explicit) or Path(explicit).is_file() else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_args(binary: str, profile: str) -> list[str]:
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    return [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}"]


class ReportDOM(HTMLParser):
    """What a check needs from the rendered DOM: per document section its id, its claim rows and
    the text under each highlight (per claim key and slot)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str] = {}
        self.docs: list[dict] = []
        self.stack: list[tuple[str, dict]] = []
        self.in_h2 = False
        self.row: dict | None = None
        self.cell: list[str] | None = None
        self.marks: list[dict] = []  # open marks

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.root = a
        if tag == "section" and "doc" in (a.get("class") or "").split():
            self.docs.append({"id": "", "rows": {}, "spans": {}, "hidden": "hidden" in a})
        doc = self.docs[-1] if self.docs else None
        if tag == "h2" and doc is not None:
            self.in_h2 = True
        if tag == "tr" and doc is not None and "data-k" in a:
            self.row = {"attrs": a, "cells": []}
            doc["rows"][a["data-k"]] = self.row
        if tag == "td" and self.row is not None:
            self.cell = []
        classes = (a.get("class") or "").split()
        if tag == "span" and "m" in classes and doc is not None and "data-k" in a:
            slot = next((SLOTS[c] for c in classes if c in SLOTS), None)
            self.marks.append({"keys": a["data-k"].split(), "slot": slot, "text": []})
            self.stack.append(("mark", {}))
        elif tag == "span":
            self.stack.append(("span", {}))

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_h2 = False
        if tag == "td" and self.row is not None and self.cell is not None:
            self.row["cells"].append("".join(self.cell))
            self.cell = None
        if tag == "tr":
            self.row = None
        if tag == "span" and self.stack:
            kind, _ = self.stack.pop()
            if kind == "mark":
                m = self.marks.pop()
                spans = self.docs[-1]["spans"]
                for k in m["keys"]:
                    spans.setdefault((k, m["slot"]), []).append("".join(m["text"]))

    def handle_data(self, data):
        if self.in_h2 and self.docs:
            self.docs[-1]["id"] += data
        if self.cell is not None:
            self.cell.append(data)
        for m in self.marks:
            m["text"].append(data)


def check(dom: ReportDOM, docs: list, gold: list | None) -> tuple[list[str], int]:
    """Problems found (empty when every claim is rendered) and the number of claims checked."""
    problems: list[str] = []
    n = 0
    if len(dom.docs) < len(docs):
        problems.append(f"{len(docs)} documents in the records but {len(dom.docs)} sections in the page")
    sections = {d["id"]: d for d in dom.docs}
    for doc in docs:
        sec = sections.get(doc.id)
        if sec is None:
            problems.append(f"{doc.id}: no section")
            continue
        own = {k: r for k, r in sec["rows"].items() if not k.startswith("g")}
        if len(own) != len(doc.claims):
            problems.append(f"{doc.id}: {len(doc.claims)} claims but {len(own)} rows")
        for i, claim in enumerate(doc.claims, 1):
            n += 1
            row = own.get(str(i))
            if row is None:
                problems.append(f"{doc.id} claim {i}: no row")
                continue
            want_actor = (claim.actor.canonical or claim.actor.text) if claim.actor else "(implicit)"
            if row["attrs"].get("data-a") != want_actor:
                problems.append(f"{doc.id} claim {i}: actor {row['attrs'].get('data-a')!r}, not {want_actor!r}")
            if row["attrs"].get("data-s") != (claim.stance or "-"):
                problems.append(f"{doc.id} claim {i}: stance {row['attrs'].get('data-s')!r}, not {claim.stance!r}")
            if len(row["cells"]) < 4 or row["cells"][3] != claim.issue.text:
                problems.append(f"{doc.id} claim {i}: the issue cell is not the issue text")
            for slot, span in claim.spans():
                if span.end <= span.start:
                    continue
                drawn = "".join(sec["spans"].get((str(i), slot), []))
                if drawn != span.text:
                    problems.append(f"{doc.id} claim {i}: {slot} highlight reads {drawn[:60]!r}, not {span.text[:60]!r}")
    if gold is not None:
        for g in gold:
            sec = sections.get(g.id)
            if sec is None:
                problems.append(f"gold {g.id}: no section")
                continue
            shown = sum(1 for k, r in sec["rows"].items()
                        if k.startswith("g") or r["attrs"].get("data-v") in ("matched", "partial"))
            required = sum(1 for c in g.claims if not c.optional)
            if shown != required:
                problems.append(f"gold {g.id}: {required} gold claims but {shown} shown as paired or missed")
    return problems, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("claims", type=Path, help="The records the report was made from (JSONL).")
    ap.add_argument("--gold", type=Path, help="The gold the report was made with.")
    ap.add_argument("--shared", type=Path, help="Folder with the texts of stand-off records (default: CLAIMX_SHARED).")
    ap.add_argument("--screenshot", type=Path, help="Save a PNG of the top of the page here.")
    ap.add_argument("--window", default="1400,1800", help="Window size for the screenshot, W,H.")
    ap.add_argument("--chromium", help="The Chromium binary (default: chromium on PATH).")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--json", action="store_true", help="Print the summary as JSON.")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from claimx.schema import read_jsonl

    binary = find_chromium(args.chromium)
    if binary is None:
        print("no Chromium found: install Debian's package (apt-get install -y chromium)", file=sys.stderr)
        return 3
    url = args.report.resolve().as_uri()
    with tempfile.TemporaryDirectory() as profile:
        t0 = time.perf_counter()
        done = subprocess.run([*chromium_args(binary, profile), "--dump-dom", url + "#timing"], capture_output=True,
                              text=True, timeout=args.timeout)
        wall = time.perf_counter() - t0
        if done.returncode != 0 or "<html" not in done.stdout:
            print(f"chromium failed (exit {done.returncode}): {done.stderr[-2000:]}", file=sys.stderr)
            return 1
        shot_wall = None
        if args.screenshot is not None:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            subprocess.run([*chromium_args(binary, profile), f"--window-size={args.window}",
                            f"--screenshot={args.screenshot.resolve()}", url], capture_output=True, timeout=args.timeout,
                           cwd=profile)
            shot_wall = time.perf_counter() - t0
            if not args.screenshot.is_file():
                print(f"no screenshot was written to {args.screenshot}", file=sys.stderr)
                return 1
    dom = ReportDOM()
    dom.feed(done.stdout)
    docs = list(read_jsonl(args.claims, args.shared))
    gold = list(read_jsonl(args.gold, args.shared)) if args.gold else None
    problems, n = check(dom, docs, gold)
    summary = {
        "report": str(args.report), "bytes": os.path.getsize(args.report), "documents": len(docs),
        "claims_checked": n, "sections": len(dom.docs), "problems": problems[:50], "n_problems": len(problems),
        "load_ms": int(dom.root.get("data-load-ms", -1)), "dom_content_loaded_ms": int(dom.root.get("data-dcl-ms", -1)),
        "filter_ms": float(dom.root.get("data-filter-ms", -1)), "dump_dom_wall_s": round(wall, 2),
        "screenshot": str(args.screenshot) if args.screenshot else None,
        "screenshot_wall_s": round(shot_wall, 2) if shot_wall is not None else None,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{summary['documents']} documents, {n} claims checked in {args.report}"
              f" ({summary['bytes'] / 1e6:.2f} MB): {len(problems)} problem(s)")
        print(f"load {summary['load_ms']} ms (page's own timing), filter {summary['filter_ms']} ms,"
              f" chromium --dump-dom {wall:.2f} s" + (f", screenshot {shot_wall:.2f} s -> {args.screenshot}" if shot_wall else ""))
        for p in problems[:20]:
            print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
