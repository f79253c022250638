"""The report in a real browser: headless Chromium (Debian's ``chromium`` package) loads it from
disk, scripts/check_report.py checks that every claim is rendered, and a screenshot is saved.
Skips, saying so, where Chromium is not installed."""

import subprocess
import sys

import pytest

from claimx.records import extract_documents
from claimx.io import InputDoc
from claimx.report import write_report
from claimx.schema import read_jsonl, write_jsonl

from .conftest import ROOT, SOURCE_GOLD, SOURCE_TEXT
from .test_report import load_checker

CHROMIUM = load_checker().find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium); browser check skipped")


def run_check(*args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_report.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_every_claim_is_rendered_in_chromium(nlp, tmp_path):
    (doc,) = extract_documents(nlp, [InputDoc("000_980dcc619b14b1bb", SOURCE_TEXT.read_text(encoding="utf-8"))])
    claims = tmp_path / "claims.jsonl"
    write_jsonl([doc], claims)
    report = tmp_path / "report.html"
    write_report([doc], report, gold=list(read_jsonl(SOURCE_GOLD)))
    shot = tmp_path / "report.png"
    done = run_check(report, claims, "--gold", SOURCE_GOLD, "--screenshot", shot)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(doc.claims)} claims checked" in done.stdout and "0 problem(s)" in done.stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_a_report_missing_a_claim_fails_the_check(tmp_path):
    docs = list(read_jsonl(ROOT / "corpora" / "synthetic" / "dev.jsonl"))[:3]
    claims = tmp_path / "gold.jsonl"
    write_jsonl(docs, claims)
    report = tmp_path / "report.html"
    write_report(docs[:2], report)  # the third document is not in the page
    done = run_check(report, claims)
    assert done.returncode == 1
    assert f"{docs[2].id}: no section" in done.stdout
