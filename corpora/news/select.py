"""Choose the PolNeAR articles of the real-news gold corpus (reproducible, no randomness).

Run: python corpora/news/select.py [--shared ../shared]  ->  corpora/news/selection.csv
     python corpora/news/select.py --extra 40  ->  corpora/news/selection_extra.csv (40 more train
     articles, for the second batch of gold, `train_extra.jsonl`)
     python corpora/news/select.py --extra 40 --batch 3  ->  corpora/news/selection_batch3.csv (40
     more, none of the earlier 120: the third batch, `train_batch3.jsonl`)
     python corpora/news/select.py --extra 20 --batch 4  ->  selection_batch4.csv (20 more train
     articles, none of any earlier selection file's: `train_batch4.jsonl`)
     python corpora/news/select.py --extra 40 --batch 6 --conditional 3  ->  selection_batch6.csv (40
     more train articles, each with three or more condition markers: `train_batch6.jsonl`, a batch
     drawn to hold more conditions, since the spread batches hold about one gold condition per article)
     python corpora/news/select.py --extra 20 --batch 2 --split dev  ->  selection_dev2.csv (20 more
     dev articles, none of the first 20: `dev2.jsonl`, a second dev portion)

60 train and 20 dev articles, spread over the seven publishers and over three genres (wire copy,
opinion, news). Articles are taken in the order of the CRC32 of their id. Only articles of
800-4,500 characters are eligible (the median PolNeAR article has 3,540), which keeps exhaustive
annotation feasible; very long features are under-represented for that reason. A publisher with
too few such articles in a split (NYT dev has none under 6,000) contributes its shortest ones.

Genre: `wire` when PolNeAR's `wire` field names an agency; `opinion` when the text outside
quotation marks has four or more first-person singular pronouns; `news` otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import zlib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
TARGETS = {"train": {"n": 60, "wire": 8, "opinion": 6}, "dev": {"n": 20, "wire": 3, "opinion": 2}}
MIN_CHARS, MAX_CHARS = 800, 4500


def genre(doc: dict) -> str:
    if str(doc.get("wire")) not in ("None", "NA", ""):
        return "wire"
    narration = re.sub(r"“[^”]*”|\"[^\"]*\"", "", doc["text"])
    first_person = re.findall(r"\b(?:I|my|me|I'm|I’m)\b", narration)
    return "opinion" if len(first_person) >= 4 else "news"


CONDITION_MARKERS = re.compile(r"\b(?:[Ii]f|[Uu]nless|as long as|provided that|in exchange for|"
                               r"on (?:the )?condition|[Oo]nly when|[Ww]hen)\b")


def condition_markers(text: str) -> int:
    """How many words in the text can open a condition (SPEC's markers and "when")."""
    return len(CONDITION_MARKERS.findall(text))


def select(docs: list[dict], targets: dict | None = None, exclude: frozenset[str] = frozenset()) -> list[dict]:
    chosen: list[dict] = []
    for split, target in (targets or TARGETS).items():
        pool = [d for d in docs if d["split"] == split and MIN_CHARS <= len(d["text"]) <= MAX_CHARS
                and d["doc_id"] not in exclude]
        # a publisher with too few short articles in this split contributes its shortest ones
        for pub in sorted({d["publisher"] for d in docs}):
            have = [d for d in pool if d["publisher"] == pub]
            share = -(-target["n"] // 7)
            if len(have) < share:
                longer = sorted((d for d in docs if d["split"] == split and d["publisher"] == pub
                                 and len(d["text"]) > MAX_CHARS and d["doc_id"] not in exclude),
                                key=lambda d: len(d["text"]))
                pool += longer[: share - len(have)]
        pool.sort(key=lambda d: zlib.crc32(d["doc_id"].encode()))
        publishers = sorted({d["publisher"] for d in pool})
        per_pub = Counter()
        picked: list[dict] = []
        cap = -(-target["n"] // len(publishers))  # ceil

        def take(candidates, limit):
            for d in candidates:
                if len([p for p in picked if p["genre"] == d["genre"]]) >= limit and limit >= 0:
                    break
                if len(picked) >= target["n"] or per_pub[d["publisher"]] >= cap or d in picked:
                    continue
                picked.append(d)
                per_pub[d["publisher"]] += 1

        for d in pool:
            d["genre"] = genre(d)
        for g in ("opinion", "wire"):
            take([d for d in pool if d["genre"] == g], target[g])
        # fill the rest round-robin over publishers so every publisher gets its share
        rest = [d for d in pool if d["genre"] == "news"]
        while len(picked) < target["n"]:
            before = len(picked)
            for pub in publishers:
                for d in rest:
                    if d["publisher"] == pub and d not in picked and per_pub[pub] < cap:
                        picked.append(d)
                        per_pub[pub] += 1
                        break
                if len(picked) >= target["n"]:
                    break
            if len(picked) == before:
                if all(d in picked for d in rest):
                    # the pool ran out (a small split, or --conditional): say so instead of looping
                    print(f"select.py: only {len(picked)} of the {target['n']} {split} articles asked for meet "
                          f"the rules", file=sys.stderr)
                    break
                cap += 1
        chosen += [{"doc_id": d["doc_id"], "split": split, "publisher": d["publisher"], "genre": d["genre"],
                    "chars": len(d["text"])} for d in picked]
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--extra", type=int, default=0,
                    help="N more train articles, none of selection.csv's, by the same rules -> selection_extra.csv")
    ap.add_argument("--batch", type=int, default=2,
                    help="with --extra: 2 -> selection_extra.csv (none of selection.csv's); 3 or more -> "
                         "selection_batchK.csv (none of any earlier selection file's)")
    ap.add_argument("--split", choices=("train", "dev"), default="train",
                    help="with --extra: the PolNeAR split to draw from; dev -> selection_devK.csv, a further "
                         "portion of the dev split (measured, never developed on)")
    ap.add_argument("--conditional", type=int, default=0,
                    help="with --extra: only articles with at least this many condition markers (if, unless, "
                         "as long as, when, ...), for a batch that holds more conditions")
    args = ap.parse_args()
    if args.conditional and not args.extra:
        raise SystemExit("select.py: --conditional draws a further batch; give it with --extra N --batch K "
                         "(without --extra the first selection, selection.csv, would be redrawn)")
    docs = [json.loads(line) for line in open(Path(args.shared) / "data/polnear/docs.jsonl", encoding="utf-8")]
    if args.conditional:
        docs = [d for d in docs if condition_markers(d["text"]) >= args.conditional]
    if args.extra:
        if args.batch < 2:
            raise SystemExit("--batch must be 2 or more")
        if args.split == "dev":
            out = HERE / f"selection_dev{args.batch}.csv"
        else:
            out = HERE / ("selection_extra.csv" if args.batch == 2 else f"selection_batch{args.batch}.csv")
        # none of the articles of any earlier batch (of either split)
        earlier = sorted(p for p in HERE.glob("selection*.csv") if p != out)
        if args.split == "train" and args.batch == 2:
            earlier = [HERE / "selection.csv"]
        taken = set()
        for path in earlier:
            with open(path, encoding="utf-8") as fh:
                taken.update(r["doc_id"] for r in csv.DictReader(fh))
        n = args.extra
        share = TARGETS[args.split]
        rows = select(docs, {args.split: {"n": n, "wire": round(n * share["wire"] / share["n"]),
                                          "opinion": round(n * share["opinion"] / share["n"])}}, frozenset(taken))
    else:
        rows = select(docs)
        out = HERE / "selection.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(Counter((r["split"], r["genre"]) for r in rows))
    print(Counter((r["split"], r["publisher"]) for r in rows))
    print("chars", sum(r["chars"] for r in rows))


if __name__ == "__main__":
    main()
