import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The tests pin the rules pipeline (fast, exact): without --pipeline claimx runs the hybrid, the
# best on real news (claimx.presets.DEFAULT_PIPELINE); tests of that default unset this.
os.environ.setdefault("CLAIMX_PIPELINE", "rules")
SOURCE_TEXT = ROOT / "corpora" / "source" / "000_980dcc619b14b1bb.txt"
SOURCE_GOLD = ROOT / "corpora" / "source" / "gold.jsonl"


def pytest_addoption(parser):
    parser.addoption(
        "--shared",
        default=os.environ.get("CLAIMX_SHARED", str(ROOT.parent / "shared")),
        help="The shared folder with external data (data/polnear ...); tests that need it skip without it.",
    )


@pytest.fixture(scope="session")
def shared_dir(request) -> Path:
    path = Path(request.config.getoption("--shared"))
    if not (path / "data").is_dir():
        pytest.skip(f"no shared data at {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from claimx.nlp import load

    return load()
