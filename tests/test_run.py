"""The plain function under ``claimx extract`` and the writers registered by name."""

import io
import json

import pytest

from claimx.run import ExtractOptions, UsageError, extract
from claimx.writers import WRITERS, Writer, output_format, register, writer_for

from .conftest import SOURCE_GOLD, SOURCE_TEXT


def test_extract_writes_the_file_and_returns_a_summary(tmp_path):
    out = tmp_path / "o.jsonl"
    messages = []
    summary = extract([str(SOURCE_TEXT)], str(out), ExtractOptions(gold=SOURCE_GOLD), notify=messages.append)
    assert (summary.total, summary.failed, summary.done_before) == (1, 0, 0)
    assert summary.score["lenient"]["claim"]["f"] > 0.8 and messages == []
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rec["id"] == SOURCE_TEXT.stem and len(rec["claims"]) >= 20
    assert not out.with_name("o.jsonl.part").exists()


def test_extract_to_a_stream_and_the_errors_it_raises(tmp_path):
    buf = io.BytesIO()
    missing = str(tmp_path / "nope.txt")
    summary = extract([str(SOURCE_TEXT), missing], "-", ExtractOptions(fmt="csv"), notify=lambda m: None, stdout=buf)
    rows = buf.getvalue().decode("utf-8").splitlines()
    assert rows[0].startswith("doc_id,status,error,actor") and summary.failed_ids == ["nope"]
    assert rows[-1].startswith("nope,error,")
    with pytest.raises(UsageError, match="needs an output file"):
        extract([str(SOURCE_TEXT)], "-", ExtractOptions(fmt="parquet"))
    with pytest.raises(UsageError, match="engine"):
        extract([str(SOURCE_TEXT)], "-", ExtractOptions(engine="spark"))


def test_a_registered_writer_is_a_format(tmp_path):
    @register
    class Ids(Writer):
        name = "ids"
        suffixes = (".ids",)

        def add(self, doc):
            self.out.write(f"{doc.id}\t{len(doc.claims)}\n".encode())

    try:
        assert output_format(str(tmp_path / "x.ids"), None) == "ids" and writer_for("ids") is Ids
        extract([str(SOURCE_TEXT)], str(tmp_path / "x.ids"), ExtractOptions(fmt="ids"), notify=lambda m: None)
        doc_id, n = (tmp_path / "x.ids").read_text().split()
        assert doc_id == SOURCE_TEXT.stem and int(n) >= 20
    finally:
        WRITERS.pop("ids")
    with pytest.raises(ValueError, match="cannot tell the output format"):
        output_format("out.txt", None)
    assert output_format("-", None, isatty=True) == "table" and output_format("o.htm", None) == "html"
