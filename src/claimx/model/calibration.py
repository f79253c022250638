"""Calibrated claim confidences for the tagger.

The tagger's raw confidence of a claim (the lower of the mean inside-probabilities of its cue and
issue tokens) is not a probability that the claim is right.  :func:`fit_isotonic` maps it to one:
an isotonic (monotone, pool-adjacent-violators) fit of "this claim matches a gold claim" on
held-out documents (the news calibration fold, never dev).  The map and the thresholds chosen on
the same fold (``model``: the tagger alone; ``hybrid``: the tagger's claims added to the rules')
are stored beside the model as ``calibration.json`` and applied by ``claimx_tagger``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE = "calibration.json"


def fit_isotonic(scores: Sequence[float], labels: Sequence[int]) -> tuple[list[float], list[float]]:
    """Breakpoints (xs, ys) of the non-decreasing step function that best fits ``labels`` (0/1)
    from ``scores`` in squared error (pool adjacent violators).  Applied by linear interpolation
    between the blocks' mean scores."""
    if len(scores) != len(labels) or not scores:
        raise ValueError("fit_isotonic needs as many labels as scores, and at least one")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    blocks: list[list[float]] = []  # [sum of labels, count, sum of scores]
    for i in order:
        blocks.append([float(labels[i]), 1.0, float(scores[i])])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            y, n, x = blocks.pop()
            blocks[-1][0] += y
            blocks[-1][1] += n
            blocks[-1][2] += x
    xs = [round(b[2] / b[1], 6) for b in blocks]
    ys = [round(b[0] / b[1], 6) for b in blocks]
    return xs, ys


def reliability(confidences: Sequence[float], labels: Sequence[int], bins: int = 10) -> dict[str, Any]:
    """Reliability table (per equal-width confidence bin: count, mean confidence, accuracy) and
    the expected calibration error (count-weighted mean |accuracy - confidence|)."""
    rows = []
    n = len(confidences)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not idx:
            continue
        conf = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(labels[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(acc - conf)
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(idx), "confidence": round(conf, 3), "accuracy": round(acc, 3)})
    return {"n": n, "ece": round(ece, 4), "table": rows}


@dataclass
class Calibration:
    """An isotonic map and the thresholds chosen with it; ``runtimes`` optionally holds one fit per
    runtime of the encoder ("torch", "onnx"), whose confidences differ a little: the component uses
    the fit of the runtime it runs (:meth:`for_runtime`), this one when there is none."""

    xs: list[float]
    ys: list[float]
    thresholds: dict[str, float] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    runtimes: dict[str, "Calibration"] = field(default_factory=dict)

    def for_runtime(self, runtime: str) -> "Calibration":
        """The fit made with ``runtime``'s confidences, else this one."""
        return self.runtimes.get(runtime, self)

    def __call__(self, raw: float) -> float:
        """The calibrated confidence of a raw one (flat beyond the fitted range)."""
        xs, ys = self.xs, self.ys
        if raw <= xs[0]:
            return ys[0]
        if raw >= xs[-1]:
            return ys[-1]
        lo, hi = 0, len(xs) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if xs[mid] <= raw:
                lo = mid
            else:
                hi = mid
        t = (raw - xs[lo]) / (xs[hi] - xs[lo]) if xs[hi] > xs[lo] else 0.0
        return ys[lo] + t * (ys[hi] - ys[lo])

    def to_dict(self) -> dict[str, Any]:
        out = {"method": "isotonic", "xs": self.xs, "ys": self.ys, "thresholds": self.thresholds, **self.info}
        if self.runtimes:
            out["runtimes"] = {name: cal.to_dict() for name, cal in self.runtimes.items()}
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any], where: str = "calibration") -> Calibration:
        if d.get("method") != "isotonic" or not d.get("xs") or len(d["xs"]) != len(d.get("ys", [])):
            raise ValueError(f"{where}: not an isotonic calibration with matching xs and ys")
        info = {k: v for k, v in d.items() if k not in ("method", "xs", "ys", "thresholds", "runtimes")}
        runtimes = {name: cls.from_dict(sub, f"{where} (runtime {name})") for name, sub in (d.get("runtimes") or {}).items()}
        return cls([float(x) for x in d["xs"]], [float(y) for y in d["ys"]],
                   {k: float(v) for k, v in d.get("thresholds", {}).items()}, info, runtimes)

    def save(self, folder: str | Path) -> Path:
        out = Path(folder) / FILE
        out.write_text(json.dumps(self.to_dict(), indent=2) + "\n")
        return out

    @classmethod
    def load(cls, folder: str | Path) -> Calibration | None:
        """The calibration stored beside a model, or None when it has none."""
        p = Path(folder) / FILE
        if not p.is_file():
            return None
        return cls.from_dict(json.loads(p.read_text()), str(p))
