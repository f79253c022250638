"""The built wheel, installed with the ``ml`` extra into a fresh virtual environment, run from a folder
outside the checkout: the trained tagger travels inside it, and the records are the checkout's."""

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT, SOURCE_TEXT

pytestmark = pytest.mark.slow


def _run(cmd, **kw):
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel and its ml extra; returns its bin folder."""
    if not (ROOT / "models" / "claim-tagger" / "tagger.safetensors").is_file():
        pytest.skip("no trained tagger in models/claim-tagger to package")
    tmp = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", ROOT])
    (wheel,) = (tmp / "dist").glob("claimx-*.whl")
    venv.EnvBuilder(with_pip=True).create(tmp / "venv")
    bin_dir = tmp / "venv" / "bin"
    _run([bin_dir / "python", "-m", "pip", "install", "-q", f"{wheel}[ml]"])
    return bin_dir


def _env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMX_")}
    env.pop("PYTHONPATH", None)
    return env


@pytest.mark.parametrize("pipeline", ["model", "hybrid"])
def test_installed_wheel_gives_the_checkouts_records(installed, tmp_path, pipeline):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    article = elsewhere / "article.txt"
    article.write_bytes(SOURCE_TEXT.read_bytes())
    got = _run([installed / "claimx", "extract", "article.txt", "--pipeline", pipeline, "-o", "out.jsonl", "-q"],
               cwd=elsewhere, env=_env())
    assert "note:" not in got.stderr, got.stderr  # no fallback to the rules: the tagger was found
    want = tmp_path / "want.jsonl"
    # the checkout's (editable) install, on the same relative path: the records name their source
    _run([Path(sys.executable).parent / "claimx", "extract", "article.txt", "--pipeline", pipeline, "-o", want, "-q"],
         cwd=elsewhere, env=_env())
    assert (elsewhere / "out.jsonl").read_text(encoding="utf-8") == want.read_text(encoding="utf-8")
    shipped = _run([installed / "python", "-c", "import claimx.resources as r; print(r.resolve_model('claim-tagger'))"],
                   cwd=elsewhere, env=_env()).stdout.strip()
    assert "site-packages" in shipped and Path(shipped, "tagger.safetensors").is_file()
