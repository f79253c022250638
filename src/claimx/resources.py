"""Lexicons and gazetteers are data in ``configs/``; this module finds and loads them.

Registered loaders (``claimx.cue_lexicon.v1`` ...) let a pipeline config swap a lexicon for
another file without code changes.  Paths in configs are resolved against the config directory:
the ``configs/`` folder of a source checkout, or the copy packed into the wheel.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.util import registry


def config_dir() -> Path:
    """The directory holding pipeline configs, lexicons and gazetteers.

    ``CLAIMX_CONFIG_DIR`` wins; then the copy inside an installed wheel; then the source tree."""
    env = os.environ.get("CLAIMX_CONFIG_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_configs", here.parents[1] / "configs"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "claimx cannot find its configs/ directory; set CLAIMX_CONFIG_DIR to the folder holding"
        " default.cfg and the lexicons"
    )


def resolve(path: str | Path) -> Path:
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    return config_dir() / p


@lru_cache(maxsize=32)
def _load_yaml(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a YAML mapping at the top level")
    return data


def load_yaml(path: str | Path) -> dict[str, Any]:
    return _load_yaml(str(resolve(path)))


@registry.misc("claimx.cue_lexicon.v1")
def cue_lexicon(path: str = "lexicons/cues.yaml") -> dict[str, Any]:
    return load_yaml(path)


@registry.misc("claimx.condition_markers.v1")
def condition_markers(path: str = "lexicons/conditions.yaml") -> dict[str, Any]:
    return load_yaml(path)


@registry.misc("claimx.actor_gazetteer.v1")
def actor_gazetteer(path: str = "gazetteers/metonyms.yaml") -> dict[str, Any]:
    return load_yaml(path)
