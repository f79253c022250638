"""The HTML report: marks in the text (nested and overlapping), the claims table, filters' data,
gold verdicts, a self-contained page, and the CLI."""

import html
import importlib.util
import json
import re

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.report import judge, render_report, render_text
from claimx.schema import Document

from .conftest import ROOT, SOURCE_GOLD

TEXT = "Kyiv rejected the plan if Moscow agrees, and Kyiv welcomed the talks."


def span(text, sub, nth=0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return {"text": sub, "start": start, "end": start + len(sub), **extra}


def claim(actor, stance, issue, cue, condition=None, **kw):
    return {"actor": actor, "stance": stance, "issue": issue, "cue": cue, "condition": condition, **kw}


def doc(claims, text=TEXT, doc_id="d1", **kw):
    return Document.model_validate({"id": doc_id, "text": text, "claims": claims, **kw})


KYIV = span(TEXT, "Kyiv", canonical="Ukraine")
C1 = claim(KYIV, "oppose", span(TEXT, "the plan if Moscow agrees"), span(TEXT, "rejected"),
           span(TEXT, "if Moscow agrees"), source="claimx_claims:verb_dobj", confidence=0.7)
C2 = claim(span(TEXT, "Kyiv", 1, canonical="Ukraine"), "support", span(TEXT, "the talks"), span(TEXT, "welcomed"))
C3 = claim(KYIV, "oppose", span(TEXT, "the plan"), span(TEXT, "rejected"))  # shares actor and cue with C1


def load_checker():
    spec = importlib.util.spec_from_file_location("check_report", ROOT / "scripts" / "check_report.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_nested_condition_stacks_under_the_issue():
    d = doc([C1])
    html, depth = render_text(d.text, judge(d, None))
    assert depth == 2
    # the condition nests inside the issue: the piece carries both marks, the issue bar at level 0
    assert '<span class="m i L0" data-k="1"><span class="m c L1" data-k="1">if Moscow agrees</span></span>' in html
    assert '<span class="m i L0" data-k="1">the plan </span>' in html
    assert '<span class="m a L0" data-k="1">Kyiv</span>' in html
    assert '<sup class="n">1</sup><span class="m q L0" data-k="1">rejected</span>' in html


def test_shared_spans_are_one_mark_naming_every_claim_and_overlaps_get_levels():
    d = doc([C1, C3])
    html, depth = render_text(d.text, judge(d, None))
    assert '<span class="m a L0" data-k="1 2">Kyiv</span>' in html
    assert '<sup class="n">1,2</sup>' in html
    # "the plan" (claim 2) lies inside "the plan if Moscow agrees" (claim 1): a level of its own
    assert '<span class="m i L0" data-k="1"><span class="m i L1" data-k="2">the plan</span></span>' in html
    assert depth == 2


def test_text_is_escaped_and_kept_whole():
    text = 'A & B <script>alert(1)</script> said "yes".'
    d = doc([claim(span(text, "A & B"), "support", span(text, "yes"), span(text, "said"))], text=text)
    page = render_report([d])
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    body, _ = render_text(text, judge(d, None))
    # the text comes back whole once tags are dropped, with the claim number before its cue
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == 'A & B <script>alert(1)</script> 1said "yes".'


def test_page_is_self_contained():
    page = render_report([doc([C1, C2])])
    assert not re.search(r"https?://|<link\b|\bsrc=|@import|url\(", page)
    assert page.count("<style>") == 1 and "<script>" in page


def test_claims_table_and_filter_data():
    page = render_report([doc([C1, C2]), doc([], text="Talks took place.", doc_id="d2")])
    rows = re.findall(r'<tr id="d1-(\d+)" data-k="\d+" data-a="([^"]*)" data-s="(\w+)" data-c="(\d)"', page)
    assert rows == [("1", "Ukraine", "oppose", "1"), ("2", "Ukraine", "support", "0")]
    assert "<td>if Moscow agrees</td>" in page and 'title="claimx_claims:verb_dobj">verb_dobj</td>' in page
    assert '<td class="num">0.70</td>' in page
    assert "2 documents · 2 claims · 1 support · 1 oppose · 1 with a condition" in page
    assert "2 claims · 1 support · 1 oppose" in page and '<p class="none">no claims</p>' in page
    assert '<option value="Ukraine">Ukraine (2)</option>' in page


def test_one_claim_is_singular():
    assert "1 claim · 1 oppose" in render_report([doc([C1])])


def test_error_document_shows_its_reason():
    page = render_report([Document(id="bad", text="", status="error", error="in.jsonl:3: the text is empty")])
    assert '<p class="err">error: in.jsonl:3: the text is empty</p>' in page


def test_gold_verdicts_follow_the_scorer():
    gold = doc([C1, claim(span(TEXT, "Kyiv", 1, canonical="Ukraine"), "support", span(TEXT, "the talks"),
                          span(TEXT, "welcomed"), span(TEXT, "if Moscow agrees"))])
    spurious = claim(span(TEXT, "Moscow", canonical="Russia"), "support", span(TEXT, "agrees"), None)
    pred = doc([C1, C2, spurious])
    rows = judge(pred, gold)
    assert [(r.key, r.verdict, r.wrong) for r in rows] == [
        ("1", "matched", []), ("2", "partial", ["condition"]), ("3", "spurious", [])]
    # and a gold claim nobody predicted is missed, drawn with dashed (class g) bars
    rows = judge(doc([C1]), gold)
    assert [(r.key, r.verdict) for r in rows] == [("1", "matched"), ("g1", "missed")]
    page = render_report([doc([C1])], gold=[gold])
    assert 'data-v="missed"' in page and '<span class="m i g L0" data-k="g1">the talks</span>' in page
    assert "claim P 1.000 R 0.500 F1 0.667" in page


def test_optional_gold_and_non_exhaustive_gold():
    gold = doc([{**C2, "optional": True}], meta={"exhaustive": False})
    rows = judge(doc([C2, C3]), gold)
    assert [r.verdict for r in rows] == ["optional", "unscored"]


def test_checker_finds_every_claim_in_the_static_page_and_notices_a_missing_one():
    checker = load_checker()
    docs = [doc([C1, C2, C3])]
    page = render_report(docs)
    dom = checker.ReportDOM()
    dom.feed(page)
    problems, n = checker.check(dom, docs, None)
    assert (problems, n) == ([], 3)
    broken = re.sub(r'<tr id="d1-2".*?</tr>', "", page)
    dom = checker.ReportDOM()
    dom.feed(broken)
    problems, _ = checker.check(dom, docs, None)
    assert "d1: 3 claims but 2 rows" in problems and "d1 claim 2: no row" in problems


def test_report_cli_with_gold(tmp_path):
    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["report", str(SOURCE_GOLD), "-o", str(out), "--gold", str(SOURCE_GOLD)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert "claim P 1.000 R 1.000 F1 1.000" in page
    assert 'data-v="missed"' not in page and 'data-v="spurious"' not in page


def test_report_cli_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "abc", "claims": [{"actor": None, "issue": {"text": "x", "start": 0, "end": 1}}]}) + "\n")
    r = CliRunner().invoke(app, ["report", str(bad), "-o", str(tmp_path / "r.html")])
    assert r.exit_code == 2 and "bad.jsonl:1" in r.output
    r = CliRunner().invoke(app, ["report", str(SOURCE_GOLD), "-o", str(tmp_path / "r.txt")])
    assert r.exit_code == 2 and "*.html" in r.output


@pytest.mark.parametrize("n", [0, 3])
def test_index_has_one_row_per_document(n):
    docs = [doc([C1], doc_id=f"x{i}") for i in range(n)]
    page = render_report(docs)
    assert len(re.findall(r'<tr data-n="\d+">', page)) == n
    assert page.count('<section class="doc"') == n


def test_extract_writes_the_report_with_gold_marks(tmp_path):
    from .conftest import SOURCE_TEXT

    out = tmp_path / "report.html"
    r = CliRunner().invoke(app, ["extract", str(SOURCE_TEXT), "-o", str(out), "--gold", str(SOURCE_GOLD), "-q"])
    assert r.exit_code == 0, r.output
    assert not out.with_name("report.html.part").exists()
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == 1 and 'data-v="matched"' in page
    assert "<title>claimx report: report</title>" in page
    r = CliRunner().invoke(app, ["extract", str(SOURCE_TEXT), "--format", "html", "-q"])
    assert r.exit_code == 2 and "needs an output file" in r.output


def test_report_on_stand_off_news_gold(shared_dir, tmp_path):
    news = ROOT / "corpora" / "news" / "dev.jsonl"
    out = tmp_path / "news.html"
    r = CliRunner().invoke(app, ["report", str(news), "-o", str(out), "--shared", str(shared_dir)])
    assert r.exit_code == 0, r.output
    checker = load_checker()
    from claimx.schema import read_jsonl

    docs = list(read_jsonl(news, shared_dir))
    dom = checker.ReportDOM()
    dom.feed(out.read_text(encoding="utf-8"))
    problems, n = checker.check(dom, docs, None)
    assert problems == [] and n == sum(len(d.claims) for d in docs) > 100


@pytest.mark.parametrize("command", [["report"], ["network"]])
def test_an_unwritable_output_is_an_io_failure(tmp_path, command):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    suffix = "report.html" if command == ["report"] else "net.csv"
    extra = [] if command == ["report"] else ["--concepts", "exact"]
    r = CliRunner().invoke(app, [*command, str(SOURCE_GOLD), "-o", str(blocker / suffix), *extra])
    assert r.exit_code == 3 and "cannot write" in r.output and "Traceback" not in r.output
