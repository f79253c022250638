"""claimx: political claims (actor, stance, issue, condition) from news text, scored against gold."""

__version__ = "0.1.0"

__all__ = ["__version__"]
