"""The named pipelines and the config files each is made of (later ones merged over earlier ones).

Kept apart from :mod:`claimx.nlp` so that the command line can check a name before spaCy loads."""

PIPELINES: dict[str, tuple[str, ...]] = {
    "rules": ("default.cfg",),
    "model": ("model.cfg",),
    "hybrid": ("default.cfg", "hybrid.cfg"),
}
