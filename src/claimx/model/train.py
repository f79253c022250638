"""Training the claim tagger from a config (``configs/tagger.cfg``).

    claimx train --config configs/tagger.cfg --output models/claim-tagger [--device cuda]

The config names the training and development JSONL files (converted PolNeAR and SemEval, the
project corpus), how often each is repeated, the encoder, how many of its top layers to tune, and
the optimiser.  Seeds are fixed.  The run writes the model (``tagger.safetensors`` +
``config.json``), ``metrics.json`` (loss curve, development tag F1 per slot, time, commit) and a
model card beside it.
"""

from __future__ import annotations

import json
import logging
import math
import random
import subprocess
import time
from pathlib import Path
from typing import Any

from ..corpus import load as load_corpus
from ..corpus import to_document
from .data import IGNORE, SLOTS, Window, calibration_fold, decode_bio, document_windows

log = logging.getLogger("claimx.train")


def read_train_config(path: str | Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    from confection import Config

    from ..resources import resolve

    p = resolve(path)
    if not p.is_file():
        raise FileNotFoundError(f"training config {path} not found (looked at {p})")
    cfg = Config().from_disk(p, overrides=overrides or {})
    return json.loads(json.dumps(cfg))  # plain dicts and lists


def _path(f: str, root: Path | None) -> Path:
    path = Path(f) if root is None or Path(f).is_absolute() else root / f
    if not path.is_file():
        raise FileNotFoundError(f"training data {path} not found: run the convert step first (pipeline/)")
    return path


def held_out_ids(tc: dict[str, Any], root: Path | None = None, shared: str | Path | None = None) -> set[str]:
    """The calibration fold named by the config (``calibration_file``, ``calibration_docs``): its
    documents are never trained on, in any file."""
    if not tc.get("calibration_file"):
        return set()
    ds = load_corpus(_path(tc["calibration_file"], root), shared=shared)
    return calibration_fold(ds["id"], int(tc.get("calibration_docs", 15)))


def load_windows(files: list[str], repeats: list[float], tokenizer: Any, max_length: int, max_docs: int = 0,
                 root: Path | None = None, exclude: set[str] | None = None, dedupe: bool = False,
                 shared: str | Path | None = None) -> list[Window]:
    """Windows of every file, each repeated ``repeats`` times.  Documents in ``exclude`` are left
    out; with ``dedupe`` a document id found in several files is read only from the last of them
    (list silver data first and the gold of the same articles later: the gold wins)."""
    exclude = set(exclude or ())
    corpora = []
    for f in files:
        ds = load_corpus(_path(f, root), shared=shared)  # HF datasets, typed features (claimx.corpus.load)
        if max_docs:
            ds = ds.select(range(min(max_docs, ds.num_rows)))
        corpora.append((_path(f, root), [to_document(row) for row in ds]))
    out: list[Window] = []
    for k, ((path, docs), rep) in enumerate(zip(corpora, repeats)):
        later = {d.id for _, ds_ in corpora[k + 1:] for d in ds_} if dedupe else set()
        kept = [d for d in docs if d.id not in exclude and d.id not in later]
        wins = [w for d in kept for w in document_windows(d, tokenizer, max_length)]
        whole, frac = int(rep), rep - int(rep)
        out.extend(wins * whole + wins[: int(len(wins) * frac)])
        log.info("%s: %d docs (%d left out), %d windows, x%s", path, len(kept), len(docs) - len(kept), len(wins), rep)
    return out


def collate(batch: list[Window], pad_id: int, device: str) -> dict[str, Any]:
    import torch

    n = max(len(w.input_ids) for w in batch)
    ids = torch.full((len(batch), n), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), n), dtype=torch.long)
    labels = torch.full((len(batch), n, len(SLOTS)), IGNORE, dtype=torch.long)
    rows, cues, issues, stance = [], [], [], []
    for i, w in enumerate(batch):
        L = len(w.input_ids)
        ids[i, :L] = torch.tensor(w.input_ids)
        mask[i, :L] = 1
        if w.labels:
            labels[i, :L] = torch.tensor(w.labels)
        for s in w.stance:
            cue = torch.zeros(n)
            if s["cue"]:
                cue[s["cue"][0]: s["cue"][1]] = 1
            issue = torch.zeros(n)
            issue[s["issue"][0]: s["issue"][1]] = 1
            rows.append(i)
            cues.append(cue)
            issues.append(issue)
            stance.append(s["label"])
    out = {"input_ids": ids.to(device), "attention_mask": mask.to(device), "labels": labels.to(device), "rows": rows}
    if rows:
        out["cue_masks"] = torch.stack(cues).to(device)
        out["issue_masks"] = torch.stack(issues).to(device)
        out["stance"] = torch.tensor(stance, dtype=torch.long, device=device)
    return out


def batch_loss(model: Any, batch: dict[str, Any]) -> tuple[Any, Any]:
    import torch.nn.functional as F

    hidden, logits = model(batch["input_ids"], batch["attention_mask"])
    loss = F.cross_entropy(logits.reshape(-1, 3), batch["labels"].reshape(-1), ignore_index=IGNORE)
    if batch["rows"]:
        st = model.stance_logits(hidden, batch["rows"], batch["cue_masks"], batch["issue_masks"])
        loss = loss + F.cross_entropy(st, batch["stance"])
    return loss, logits


def span_f1(model: Any, windows: list[Window], pad_id: int, device: str, batch_size: int = 32) -> dict[str, float]:
    """Exact-span F1 per slot on development windows (a quick signal; `claimx evaluate` is the
    real measure)."""
    import torch

    tp = {s: 0 for s in SLOTS}
    npred = dict(tp)
    ngold = dict(tp)
    model.eval()
    with torch.no_grad():
        for k in range(0, len(windows), batch_size):
            chunk = windows[k: k + batch_size]
            b = collate(chunk, pad_id, device)
            _, logits = model(b["input_ids"], b["attention_mask"])
            pred = logits.argmax(-1).cpu().tolist()
            for w, p in zip(chunk, pred):
                for j, slot in enumerate(SLOTS):
                    gold_tags = [lab[j] for lab in w.labels]
                    if all(t == IGNORE for t in gold_tags):
                        continue
                    g = set(decode_bio([max(t, 0) for t in gold_tags], w.offsets))
                    q = set(decode_bio([row[j] for row in p[: len(w.offsets)]], w.offsets))
                    tp[slot] += len(g & q)
                    npred[slot] += len(q)
                    ngold[slot] += len(g)
    model.train()
    out = {}
    for s in SLOTS:
        p = tp[s] / npred[s] if npred[s] else 0.0
        r = tp[s] / ngold[s] if ngold[s] else 0.0
        out[s] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def git_commit(root: Path) -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def train(config: str | Path, output: str | Path, device: str = "cpu", overrides: dict[str, Any] | None = None,
          root: str | Path = ".", progress: bool = True, shared: str | Path | None = None) -> dict[str, Any]:
    """Train, save the model to ``output`` and return the metrics (also written as JSON there)."""
    import numpy as np
    import torch
    from tqdm import tqdm

    from .tagger import ClaimTagger, tokenizer_for

    cfg = read_train_config(config, overrides)
    root = Path(root)
    tc, mc, oc = cfg["train"], cfg["model"], cfg["optim"]
    seed = int(oc.get("seed", 13))
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if device == "cpu":
        torch.set_num_threads(max(1, torch.get_num_threads()))
    tok = tokenizer_for(mc["encoder"])
    max_length = int(mc["max_length"])
    t0 = time.time()
    held_out = held_out_ids(tc, root, shared)
    train_w = load_windows(tc["files"], tc.get("repeats") or [1] * len(tc["files"]), tok, max_length,
                           int(tc.get("max_docs", 0)), root, exclude=held_out, dedupe=bool(tc.get("dedupe", False)),
                           shared=shared)
    dev_w = load_windows(tc.get("dev_files", []), [1] * len(tc.get("dev_files", [])), tok, max_length,
                         int(tc.get("max_docs", 0)), root, shared=shared) if tc.get("dev_files") else []
    random.Random(seed).shuffle(train_w)
    model = ClaimTagger(mc["encoder"], int(mc["train_layers"]), float(mc.get("dropout", 0.1)), max_length,
                        int(mc.get("layers", 0))).to(device)
    if mc.get("init"):  # continue from a saved model (its trained layers and heads)
        model.load_state_dict(ClaimTagger.load(_path(mc["init"] + "/tagger.safetensors", root).parent).trained_state(), strict=False)
    model.train()
    bs = int(oc["batch_size"])
    steps_per_epoch = math.ceil(len(train_w) / bs)
    total = steps_per_epoch * int(oc.get("epochs", 1))
    if int(oc.get("max_steps", 0)):
        total = min(total, int(oc["max_steps"]))
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    enc_params = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": float(oc["lr"])},
                             {"params": head_params, "lr": float(oc.get("head_lr", oc["lr"]))}],
                            weight_decay=float(oc.get("weight_decay", 0.01)))
    warm = max(1, int(total * float(oc.get("warmup", 0.06))))
    max_minutes = float(oc.get("max_minutes", 0))
    t_train = time.time()
    budget_s = max(1.0, max_minutes * 60 - (t_train - t0)) if max_minutes else 0.0

    def lr_factor(s: int) -> float:
        """Linear warm-up, then linear decay to 0 at whichever budget runs out first: the steps, or
        the minutes left after loading (so a run stopped by the clock has still cooled down)."""
        done = (s - warm) / max(1, total - warm)
        if budget_s:
            done = max(done, (time.time() - t_train) / budget_s)
        return min((s + 1) / warm, max(0.0, 1.0 - done))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
    pad = tok.pad_token_id
    losses: list[float] = []
    curve: list[dict[str, float]] = []
    step = 0
    bar = tqdm(total=total, desc="training", unit="step", disable=not progress)
    stopped_early = False
    while step < total:
        for k in range(0, len(train_w), bs):
            if step >= total:
                break
            b = collate(train_w[k: k + bs], pad, device)
            loss, _ = batch_loss(model, b)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
            opt.step()
            sched.step()
            losses.append(float(loss.detach()))
            step += 1
            bar.update(1)
            if step % 20 == 0 or step == total:
                avg = sum(losses[-20:]) / len(losses[-20:])
                curve.append({"step": step, "loss": round(avg, 4)})
                bar.set_postfix(loss=f"{avg:.3f}")
            if max_minutes and (time.time() - t0) / 60 > max_minutes:
                stopped_early = True
                break
        if stopped_early:
            break
        random.Random(seed + step).shuffle(train_w)
    bar.close()
    dev = span_f1(model, dev_w, pad, device) if dev_w else {}
    metrics = {
        "steps": step, "planned_steps": total, "stopped_at_time_limit": stopped_early,
        "train_windows": len(train_w), "dev_windows": len(dev_w), "first_loss": round(losses[0], 4) if losses else None,
        "final_loss": round(sum(losses[-20:]) / max(1, len(losses[-20:])), 4) if losses else None,
        "loss_curve": curve, "losses": [round(x, 4) for x in losses], "dev_span_f1": dev, "minutes": round((time.time() - t0) / 60, 2), "device": device,
        "seed": seed, "commit": git_commit(root), "config": cfg, "calibration_fold": sorted(held_out),
    }
    out = model.save(output, extra={"trained_with": str(config)})
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics
