"""The named pipelines and the config files each is made of (later ones merged over earlier ones).

Kept apart from :mod:`claimx.nlp` so that the command line can check a name before spaCy loads."""

import os

PIPELINES: dict[str, tuple[str, ...]] = {
    "rules": ("default.cfg",),
    "model": ("model.cfg",),
    "hybrid": ("default.cfg", "hybrid.cfg"),
    # the learned pipelines with the tagger as a gated int8 ONNX Runtime session (faster; the
    # hybrid already runs it, so hybrid-fast is the hybrid under its older name)
    "model-fast": ("model.cfg", "fast.cfg"),
    "hybrid-fast": ("default.cfg", "hybrid.cfg", "fast.cfg"),
}

#: The pipeline that runs when none is named: the one with the best claim F1 on the real-news dev
#: split (README, "Quality").  ``CLAIMX_PIPELINE`` names another (``rules`` is faster, README
#: "Measured speed").
DEFAULT_PIPELINE = "hybrid"
PIPELINE_ENV = "CLAIMX_PIPELINE"


def default_pipeline() -> str:
    """``$CLAIMX_PIPELINE`` when set, else :data:`DEFAULT_PIPELINE`."""
    name = os.environ.get(PIPELINE_ENV) or DEFAULT_PIPELINE
    if name not in PIPELINES:
        raise ValueError(f"{PIPELINE_ENV} must be one of {', '.join(PIPELINES)}, not {name!r}")
    return name
