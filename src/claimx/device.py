"""The one device resolver: ``cpu``, ``cuda`` or ``auto`` -> ``cpu`` or ``cuda``.

Used by :func:`claimx.load` (the device reaches the components through the config value
``claimx.device``), by the tagger component and by ``claimx train``.
"""

from __future__ import annotations

DEVICES = ("cpu", "cuda", "auto")


def gpu_available() -> bool:
    """Whether torch sees a CUDA device, or else spaCy (cupy) can use one."""
    try:
        import torch

        if torch.cuda.is_available():
            return True
    except ImportError:
        pass
    try:
        import cupy  # noqa: F401

        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:  # no cupy, or cupy without a driver
        return False


def resolve_device(device: str) -> str:
    """``cuda`` fails loudly when no GPU is usable; ``auto`` takes one when there is one."""
    if device not in DEVICES:
        raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
    if device == "cpu":
        return "cpu"
    if gpu_available():
        return "cuda"
    if device == "cuda":
        raise RuntimeError("device 'cuda' asked for, but no GPU is usable here (torch sees none and spaCy has"
                           " no cupy); use cpu or auto")
    return "cpu"
