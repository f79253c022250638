"""The Python API exported by ``claimx``: load, extract, evaluate."""

import pytest

import claimx
import claimx.evaluation  # noqa: F401  (the modules do not shadow the functions)
import claimx.records  # noqa: F401
from claimx.schema import Document

from .conftest import SOURCE_GOLD, SOURCE_TEXT


def test_extract_takes_texts_mappings_and_records(nlp):
    record = Document(id="r1", text="The union refused to back the agreement.", meta={"k": 1})
    out = list(claimx.extract(["Beijing has rejected the new tariffs on electric vehicles.",
                               {"id": "m1", "text": "Lawmakers voiced concern about the surveillance bill."},
                               record], nlp=nlp))
    assert [d.id for d in out] == ["0", "m1", "r1"] and out[2].meta == {"k": 1}
    assert [(d.claims[0].actor.canonical, d.claims[0].stance) for d in out] == [
        ("China", "oppose"), ("Lawmakers", "oppose"), ("union", "oppose")]
    with pytest.raises(TypeError, match="input 0"):
        list(claimx.extract([42], nlp=nlp))


def test_load_extract_evaluate_on_the_source_article():
    nlp = claimx.load("rules")
    assert nlp is claimx.load(pipeline="rules")  # built once per process
    (rec,) = claimx.extract([{"id": "000_980dcc619b14b1bb", "text": SOURCE_TEXT.read_text(encoding="utf-8")}], nlp=nlp)
    assert claimx.evaluate(SOURCE_GOLD, [rec])["lenient"]["claim"]["f"] > 0.8


def test_bad_pipeline_and_device_are_clear_errors():
    with pytest.raises(ValueError, match="rules, model, hybrid"):
        claimx.load("fancy")
    with pytest.raises(ValueError, match="cpu, cuda, auto"):
        claimx.load("rules", device="tpu")
