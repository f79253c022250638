"""Turn annotators' drafts into stand-off gold records (offsets computed, texts left out).

Run:  python corpora/news/resolve.py DRAFT_DIR --annotator A [--shared ../shared] [--check]
      -> corpora/news/{train,dev}.jsonl (annotator A) or {train,dev}.b.jsonl (annotator B)
      python corpora/news/resolve.py DRAFT_DIR --stem train_extra   (the second batch of articles,
      selection_extra.csv) -> corpora/news/train_extra.jsonl; --stem train_batch3 for the third
      (selection_batch3.csv)
      python corpora/news/resolve.py DRAFT_DIR --stem train_batch4 / --stem dev2 (selection_batch4.csv,
      selection_dev2.csv)

A draft is one JSON file per article, `DRAFT_DIR/<doc_id>.json`:

    {"doc_id": "...", "claims": [
      {"sent": "a verbatim piece of the text where the claim starts (the start of its sentence, or of
                the quotation that opens it); every slot of the claim is searched after it",
       "actor": "Clinton" | null (implicit actor),   "canonical": "Hillary Clinton",
       "stance": "support" | "oppose" | "neutral",
       "cue": "said" | null,  "issue": "...",  "condition": "if ..." | null,
       "addressee": "Congress" | null,  "addressee_canonical": "United States Congress" | null,
       "optional": false,  "note": "free text, kept out of the gold"}]}

Each slot string is found, as a whole-word match, at its first occurrence at or after `sent`
(within 6,000 characters); a slot given as {"text": "...", "after": "..."} is searched after the
first occurrence of `after` (itself searched from `sent`). `sent` must occur in the text; when it
occurs more than once, add "sent_n": k to take the k-th occurrence (0-based).

The stand-off records keep the document id, offsets and span texts only; `claimx` joins the
research-use-only PolNeAR texts from ../shared at load time and checks every span again.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
WINDOW = 6000
STANCES = {"support", "oppose", "neutral"}


class DraftError(ValueError):
    pass


def _find(text: str, needle: str, start: int) -> int:
    if not needle or needle != needle.strip():
        raise DraftError(f"empty slot or slot with surrounding spaces: {needle!r}")
    pre = r"(?<!\w)" if needle[0].isalnum() else ""
    post = r"(?!\w)" if needle[-1].isalnum() else ""
    m = re.compile(pre + re.escape(needle) + post).search(text, start, start + WINDOW + len(needle))
    if not m:
        raise DraftError(f"not found after the sentence anchor: {needle!r}")
    return m.start()


def _span(text: str, slot, anchor: int) -> dict | None:
    if slot is None:
        return None
    if isinstance(slot, dict):
        start = _find(text, slot["after"], anchor) if slot.get("after") else anchor
        s = slot["text"]
    else:
        start, s = anchor, slot
    pos = _find(text, s, start)
    return {"text": s, "start": pos, "end": pos + len(s)}


def resolve_claim(text: str, c: dict) -> dict:
    sent = c.get("sent")
    if not sent:
        raise DraftError("missing 'sent'")
    n = int(c.get("sent_n", 0))
    anchor = -1
    for _ in range(n + 1):
        anchor = text.find(sent, anchor + 1)
        if anchor < 0:
            raise DraftError(f"'sent' not found (occurrence {n}): {sent[:60]!r}")
    if c.get("stance") not in STANCES:
        raise DraftError(f"bad stance {c.get('stance')!r}")
    if not c.get("issue"):
        raise DraftError("missing issue")
    if not c.get("canonical"):
        raise DraftError("missing canonical")
    actor = _span(text, c.get("actor"), anchor) or {"text": None, "start": None, "end": None}
    actor["canonical"] = c["canonical"]
    addressee = _span(text, c.get("addressee"), anchor)
    if addressee is not None:
        addressee["canonical"] = c.get("addressee_canonical") or addressee["text"]
    out = {"actor": actor, "stance": c["stance"], "issue": _span(text, c["issue"], anchor),
           "condition": _span(text, c.get("condition"), anchor), "cue": _span(text, c.get("cue"), anchor),
           "addressee": addressee, "optional": bool(c.get("optional", False))}
    for key in ("actor", "issue", "condition", "cue", "addressee"):
        sp = out[key]
        if sp and sp["start"] is not None:
            assert text[sp["start"]:sp["end"]] == sp["text"]
    return out


def load_polnear(shared: Path) -> dict[str, dict]:
    path = shared / "data" / "polnear" / "docs.jsonl"
    return {d["doc_id"]: d for d in map(json.loads, open(path, encoding="utf-8"))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("drafts", type=Path)
    ap.add_argument("--annotator", default="A")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--check", action="store_true", help="only report problems, write nothing")
    ap.add_argument("--out-dir", type=Path, default=HERE)
    ap.add_argument("--stem", default=None,
                    help="output file stem instead of the split's name (train_extra: the second batch)")
    args = ap.parse_args(argv)
    docs = load_polnear(args.shared)
    selection = {}
    for path in sorted(HERE.glob("selection*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            selection.update({r["doc_id"]: r for r in csv.DictReader(fh)})
    by_split: dict[str, list] = {}
    problems = 0
    for path in sorted(args.drafts.glob("*.json")):
        draft = json.loads(path.read_text(encoding="utf-8"))
        doc_id = draft.get("doc_id") or path.stem
        if doc_id not in docs:
            print(f"{path.name}: unknown PolNeAR doc_id {doc_id!r}")
            problems += 1
            continue
        text = docs[doc_id]["text"]
        claims = []
        for i, c in enumerate(draft.get("claims", [])):
            try:
                claims.append(resolve_claim(text, c))
            except (DraftError, KeyError, TypeError) as err:
                problems += 1
                print(f"{path.name}: claim {i}: {err}")
        sel = selection.get(doc_id, {})
        split = sel.get("split", docs[doc_id]["split"])
        meta = {"text_source": "polnear", "split": split, "publisher": docs[doc_id]["publisher"],
                "genre": sel.get("genre"), "annotator": args.annotator,
                "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest()}
        by_split.setdefault(split, []).append({"id": doc_id, "meta": meta, "claims": claims})
    n_claims = sum(len(d["claims"]) for docs_ in by_split.values() for d in docs_)
    print(f"{sum(map(len, by_split.values()))} documents, {n_claims} claims, {problems} problems")
    if args.check:
        return 1 if problems else 0
    suffix = "" if args.annotator == "A" else f".{args.annotator.lower()}"
    for split, recs in by_split.items():
        recs.sort(key=lambda r: r["id"])
        out = args.out_dir / f"{args.stem or split}{suffix}.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {out} ({len(recs)} documents)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
