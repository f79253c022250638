"""The component-time benchmark: a clear stop without PolNeAR texts, and a table of every
component of the pipeline with them (no timing is asserted: speed goes in benchmarks, not tests)."""

import json
import subprocess
import sys

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = ROOT / "benchmarks" / "component_times.py"


def test_component_times_stops_without_the_texts(tmp_path):
    r = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(tmp_path), "--docs", "2"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "no PolNeAR texts" in r.stderr and "--shared" in r.stderr


def test_component_times_names_every_component(shared_dir, tmp_path, nlp):
    out = tmp_path / "times.json"
    r = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(shared_dir), "--docs", "2", "-o", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    got = json.loads(out.read_text())
    assert got["documents"] == 2 and got["tokens"] > 100
    assert list(got["seconds"]) == ["tokenizer", *nlp.pipe_names]
    assert "claimx_typography" in r.stdout
