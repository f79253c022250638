"""Stand-off gold (texts joined from a shared folder at load time) and implicit actors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimx.evaluation import evaluate
from claimx.io import InputDoc, InputError, InputOptions, read_inputs
from claimx.schema import Document, RecordError, read_jsonl
from claimx.scoring import actor_match
from claimx.standoff import to_standoff

TEXT = ("Senate leader Mitch McConnell said the chamber would not take up the nomination. "
        "“The American people should have a voice,” he said.\n\n“This is a lifetime appointment.”")


def _claim(text, actor, issue, canonical, **extra):
    a = {"text": None, "start": None, "end": None, "canonical": canonical}
    if actor:
        a = {"text": actor, "start": text.index(actor), "end": text.index(actor) + len(actor), "canonical": canonical}
    i = text.index(issue)
    return {"actor": a, "stance": "support", "issue": {"text": issue, "start": i, "end": i + len(issue)}, **extra}


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    (root / "data" / "polnear").mkdir(parents=True)
    row = {"doc_id": "pn_1", "split": "dev", "publisher": "x", "title": "t", "text": TEXT}
    (root / "data" / "polnear" / "docs.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return root


@pytest.fixture()
def standoff_file(tmp_path: Path) -> Path:
    full = {"id": "pn_1", "text": TEXT, "meta": {"split": "dev"}, "claims": [
        _claim(TEXT, "Mitch McConnell", "the chamber would not take up the nomination", "Mitch McConnell"),
        _claim(TEXT, None, "This is a lifetime appointment", "Mitch McConnell", optional=True),
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(to_standoff(full, "polnear")) + "\n", encoding="utf-8")
    return path


def test_standoff_record_has_no_text(standoff_file: Path):
    rec = json.loads(standoff_file.read_text())
    assert "text" not in rec and rec["meta"]["text_source"] == "polnear" and len(rec["meta"]["text_sha1"]) == 40


def test_standoff_joins_text_and_checks_spans(standoff_file: Path, shared: Path):
    (doc,) = read_jsonl(standoff_file, shared)
    assert doc.text == TEXT
    assert doc.claims[0].issue.text == "the chamber would not take up the nomination"
    assert doc.claims[1].actor.implicit and doc.claims[1].actor.canonical == "Mitch McConnell"


def test_standoff_without_shared_is_a_clear_error(standoff_file: Path, monkeypatch):
    monkeypatch.delenv("CLAIMX_SHARED", raising=False)
    with pytest.raises(RecordError, match="--shared"):
        list(read_jsonl(standoff_file))


def test_standoff_detects_changed_text(standoff_file: Path, shared: Path):
    docs = shared / "data" / "polnear" / "docs.jsonl"
    row = json.loads(docs.read_text())
    row["text"] = row["text"].replace("Senate", "House ")
    docs.write_text(json.dumps(row) + "\n")
    with pytest.raises(RecordError, match="differs"):
        list(read_jsonl(standoff_file, shared))


def test_standoff_through_evaluate_and_inputs(standoff_file: Path, shared: Path):
    (gold,) = read_jsonl(standoff_file, shared)
    result = evaluate(standoff_file, [gold], shared=shared)
    assert result["lenient"]["claim"]["f"] == pytest.approx(1.0)
    (item,) = read_inputs([str(standoff_file)], InputOptions(shared=str(shared)))
    assert isinstance(item, InputDoc) and item.text == TEXT
    (bad,) = read_inputs([str(standoff_file)], InputOptions(shared=str(shared / "nowhere")))
    assert isinstance(bad, InputError) and "does not exist" in bad.reason


def test_implicit_actor_needs_all_or_nothing():
    doc = {"id": "d", "text": TEXT, "claims": [_claim(TEXT, None, "This is a lifetime appointment", "Mitch McConnell")]}
    assert Document.model_validate(doc).claims[0].actor.text is None
    doc["claims"][0]["actor"]["start"] = 3
    with pytest.raises(ValueError, match="together"):
        Document.model_validate(doc)
    doc["claims"][0]["actor"] = {"text": None, "start": None, "end": None, "canonical": None}
    with pytest.raises(ValueError, match="canonical"):
        Document.model_validate(doc)


def test_implicit_actor_matches_by_canonical():
    gold = Document.model_validate({"id": "d", "text": TEXT, "claims": [
        _claim(TEXT, None, "This is a lifetime appointment", "Mitch McConnell")]}).claims[0].actor
    pred = Document.model_validate({"id": "d", "text": TEXT, "claims": [
        _claim(TEXT, "McConnell", "This is a lifetime appointment", "Mitch McConnell")]}).claims[0].actor
    assert actor_match(gold, pred) and actor_match(pred, gold)


REPO = Path(__file__).resolve().parents[1]
NEWS = REPO / "corpora" / "news"


@pytest.mark.shared
def test_news_corpus_joins_with_shared(shared_dir):
    files = sorted(NEWS.glob("*.jsonl"))
    if not files:
        pytest.skip("corpora/news has no gold files yet")
    for f in files:
        docs = list(read_jsonl(f, shared_dir))
        assert docs and all(d.text for d in docs)


@pytest.mark.shared
def test_polnear_silver_follows_spec_conventions(shared_dir, nlp):
    from claimx.silver import convert_polnear_spec

    first_ids = [json.loads(line)["doc_id"] for line, _ in zip(open(shared_dir / "data/polnear/docs.jsonl"), range(6))]
    (doc,) = convert_polnear_spec(shared_dir / "data" / "polnear", ids={first_ids[5]}, nlp=nlp)
    assert doc.claims
    for c in doc.claims:
        issue = c.issue.text
        assert issue == issue.strip() and issue[0] not in "“\"'‘" and issue[-1] not in ".,”\"’;:"
        assert not issue.lower().startswith("that ")
        assert c.stance in ("support", "oppose") and c.actor.canonical
        if c.condition:
            assert c.condition.text.split()[0].lower() in {"if", "unless", "once", "without", "provided", "as", "so",
                                                         "only", "in", "on", "not", "subject", "conditional", "contingent", "providing"}


def test_silver_strips_and_splits():
    from claimx.silver import _Markers, _condition, _strip
    from claimx.resources import condition_markers

    text = "He said “that the deal is dead and that talks are over.”"
    s, e = _strip(text, text.index("“"), len(text))
    assert text[s:e] == "the deal is dead and that talks are over"
    text = "They said the bill should pass if it is amended."
    start = text.index("the bill")
    (i_s, i_e), cond = _condition(text, start, len(text) - 1, _Markers(condition_markers()))
    assert text[i_s:i_e] == "the bill should pass" and cond.text == "if it is amended"
    text = "They said that once the vote is held, the party will unite."
    start = text.index("once")
    (i_s, i_e), cond = _condition(text, start, len(text) - 1, _Markers(condition_markers()))
    assert cond.text == "once the vote is held" and text[i_s:i_e] == "the party will unite"


@pytest.mark.shared
def test_second_annotations_pair_with_their_gold(shared_dir):
    """Every STEM.b.jsonl holds articles of STEM.jsonl, and the agreement script scores them."""
    import subprocess
    import sys

    stems = sorted(p.name[: -len(".b.jsonl")] for p in NEWS.glob("*.b.jsonl"))
    if not stems:
        pytest.skip("corpora/news has no second annotation")
    for stem in stems:
        gold_ids = {d.id for d in read_jsonl(NEWS / f"{stem}.jsonl", shared_dir)}
        assert {d.id for d in read_jsonl(NEWS / f"{stem}.b.jsonl", shared_dir)} <= gold_ids
    out = subprocess.run([sys.executable, str(NEWS / "agreement.py"), "--shared", str(shared_dir), "--stems", *stems,
                          "--system", "rules"], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    rows = {line.split()[0]: line.split() for line in lines[1:-2]}
    assert set(rows) == {*stems, "all"}
    assert 0.5 < float(rows["all"][4]) <= 1.0   # claim F1 of B against A
    system = lines[-1].split()
    assert system[:2] == ["claimx", "rules"] and system[2] == rows["all"][1]   # the same articles
    assert 0.0 < float(system[5]) < 1.0


def test_corpus_scripts_refuse_what_would_lose_data(tmp_path):
    """select.py --conditional without --extra would redraw the first selection, and agreement.py
    with a stem that has no second annotation would fail on a missing file: both stop with a
    message and change nothing."""
    import subprocess
    import sys

    before = (NEWS / "selection.csv").read_bytes()
    r = subprocess.run([sys.executable, str(NEWS / "select.py"), "--shared", str(tmp_path), "--conditional", "3"],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "--extra" in r.stderr
    assert (NEWS / "selection.csv").read_bytes() == before
    r = subprocess.run([sys.executable, str(NEWS / "agreement.py"), "--shared", str(tmp_path), "--stems", "no_such_batch"],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "no_such_batch.jsonl" in r.stderr and "second annotation" in r.stderr


def test_select_stops_when_the_pool_runs_out(capsys):
    """A draw asking for more articles than the split holds (a small dev split, or --conditional)
    returns what there is and says so; it used to raise its per-publisher cap forever."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("claimx_news_select", NEWS / "select.py")
    sel = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sel)
    text = "The senator said the plan would fail. " * 30
    docs = [{"doc_id": f"pub{k % 3}_{k}", "split": "dev", "publisher": f"pub{k % 3}", "wire": None, "text": text}
            for k in range(4)]
    picked = sel.select(docs, {"dev": {"n": 10, "wire": 0, "opinion": 0}})
    assert sorted(p["doc_id"] for p in picked) == sorted(d["doc_id"] for d in docs)
    assert "only 4 of the 10 dev articles" in capsys.readouterr().err
