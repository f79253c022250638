"""Lexicons and gazetteers are data in ``configs/``; this module finds and loads them.

Registered loaders (``claimx.cue_lexicon.v1`` ...) let a pipeline config swap a lexicon for
another file without code changes.  Paths in configs are resolved against the config directory:
the ``configs/`` folder of a source checkout, or the copy packed into the wheel.  Trained models
are found the same way (:func:`models_dir`): the wheel carries ``models/`` as package data.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.resources import files
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


class ModelMissing(FileNotFoundError):
    """A pipeline needs a trained model that is not there (the caller may fall back to the rules)."""


def models_dir() -> Path:
    """The directory holding trained models by name (``claim-tagger``).

    ``CLAIMX_MODEL_DIR`` wins; then the copy inside an installed wheel (package data, found through
    :mod:`importlib.resources`); then the source checkout's ``models/``."""
    env = os.environ.get("CLAIMX_MODEL_DIR")
    if env:
        return Path(env)
    packaged = files("claimx") / "_models"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "models"


def resolve_model(path: str | Path) -> Path:
    """A model folder: as given (absolute, or relative to the working directory), else by name under
    :func:`models_dir`."""
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    return models_dir() / p


def resolve(path: str | Path) -> Path:
    """A config, lexicon or gazetteer file.  A name (``default.cfg``, ``lexicons/cues.yaml``) is
    claimx's own file in :func:`config_dir`, even when the working directory holds a file of that
    name; a file of the user's is named by a path: absolute, or starting with ``./`` or ``../``.  A
    name that claimx does not ship is looked up in the working directory."""
    text = str(path)
    p = Path(text).expanduser()
    if p.is_absolute() or text.startswith(("./", "../")):
        return p.absolute()
    packaged = config_dir() / p
    if packaged.exists() or not p.exists():
        return packaged
    return p.absolute()


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
