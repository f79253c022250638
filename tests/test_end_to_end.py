"""The source article end to end, with a floor on its score against the project's gold."""

from claimx.evaluation import evaluate
from claimx.records import chunk_text, extract_documents
from claimx.io import InputDoc

from .conftest import SOURCE_GOLD, SOURCE_TEXT


def test_source_article_scores_above_floor(nlp):
    text = SOURCE_TEXT.read_text(encoding="utf-8")
    (doc,) = extract_documents(nlp, [InputDoc("000_980dcc619b14b1bb", text)])
    r = evaluate(SOURCE_GOLD, [doc])
    assert r["lenient"]["claim"]["f"] >= 0.85
    assert r["lenient"]["full"]["f"] >= 0.8
    assert r["lenient"]["condition"]["f"] >= 0.8
    example = [c for c in doc.claims if c.cue and c.cue.text == "offered"][0]
    assert example.actor.text == "Volodymyr Zelenskyy"
    assert example.stance == "support"
    assert example.issue.text == "drop Ukraine\u2019s long-standing ambition to join NATO"
    assert example.condition.text == "in exchange for binding Western security guarantees"


def test_chunks_cover_text_exactly():
    text = "One. Two three.\n\nFour five six. Seven.\n" * 50
    pieces = chunk_text(text, 100)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 100 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
