import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from claimx import __version__
from claimx.cli import app

from .conftest import SOURCE_GOLD, SOURCE_TEXT

runner = CliRunner()
GOOD = "Beijing has rejected the new tariffs on electric vehicles."


def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and __version__ in r.stdout


def test_extract_jsonl_to_jsonl(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps({"id": "b", "text": "Talks took place in Berlin."}) + "\n")
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    docs = lines(out)
    assert [d["id"] for d in docs] == ["a", "b"]
    assert [d["status"] for d in docs] == ["ok", "ok"]
    (c,) = docs[0]["claims"]
    assert (c["actor"]["canonical"], c["stance"], c["issue"]["text"]) == ("China", "oppose", "the new tariffs on electric vehicles")
    assert docs[1]["claims"] == []


def test_extract_txt_table_and_csv(tmp_path):
    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "--format", "table", "-q"], env={"COLUMNS": "300"})
    assert r.exit_code == 0
    assert "Volodymyr Zelenskyy" in r.stdout and "in exchange for binding Western security guarantees" in r.stdout
    assert re.search(r"== 000_980dcc619b14b1bb: \d+ claims\n", r.stdout) and "offered" in r.stdout and "0.75" in r.stdout
    out = tmp_path / "claims.csv"
    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "-o", str(out), "-q"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) > 20
    assert {"Ukraine", "Russia"} <= {row["canonical"] for row in rows}
    assert {row["status"] for row in rows} == {"ok"}


def test_csv_keeps_documents_without_claims(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Talks took place in Berlin."}) + "\n" + json.dumps({"id": "b", "text": ""}) + "\n")
    out = tmp_path / "o.csv"
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert r.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(row["doc_id"], row["status"], row["issue"]) for row in rows] == [("a", "ok", ""), ("b", "error", "")]
    assert "empty" in rows[1]["error"]


def test_unwritable_output_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "-o", str(blocker / "o.jsonl"), "-q"])
    assert r.exit_code == 3 and "cannot write" in r.output          # an I/O failure, not a usage error


def test_missing_output_folders_are_created(tmp_path):
    out = tmp_path / "new" / "dir" / "o.jsonl"
    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "-o", str(out), "-q"])
    assert r.exit_code == 0 and out.is_file() and not out.with_name("o.jsonl.part").exists()


def test_extract_with_gold_prints_score(tmp_path):
    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "--gold", str(SOURCE_GOLD), "-o", str(tmp_path / "o.jsonl"), "-q"])
    assert r.exit_code == 0
    assert "claim      lenient" in r.stdout


def test_stdin_plain_text():
    r = runner.invoke(app, ["extract", "-", "-q", "--format", "jsonl"], input=GOOD)
    assert r.exit_code == 0
    doc = json.loads(r.stdout.splitlines()[0])
    assert doc["id"] == "stdin" and len(doc["claims"]) == 1


def test_bad_inputs_each_get_an_error_record(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "ok1", "text": "The union refused to back the agreement."}\n'
        b'{"id": "empty", "text": ""}\n'
        b'{"id": "blank", "text": "   \\n  "}\n'
        b'{"id": "notext"}\n'
        b'{"text": "no id here"}\n'
        b'{broken json\n'
        b'{"id": "latin1", "text": "caf\xe9"}\n'
        b'{"id": "ok2", "text": "Lawmakers voiced concern about the surveillance bill."}\n'
    )
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["extract", str(src), str(binary), "-o", str(out), "-q"])
    assert r.exit_code == 1
    docs = lines(out)
    assert len(docs) == 9  # one output per input: 8 JSONL lines and the binary file
    status = {d["id"]: (d["status"], d["error"]) for d in docs}
    assert status["ok1"][0] == status["ok2"][0] == "ok"
    assert "empty" in status["empty"][1] and "empty" in status["blank"][1]
    assert "no 'text'" in status["notext"][1]
    assert any("no 'id'" in (e or "") for _, e in status.values())
    assert any("not valid JSON" in (e or "") for _, e in status.values())
    assert any(k.endswith("in.jsonl:7") and "UTF-8" in e for k, (_, e) in status.items())
    assert "UTF-8" in status["bin"][1]
    assert "failed" in r.stderr


def test_missing_file_is_an_error_record(tmp_path):
    out = tmp_path / "o.jsonl"
    r = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(out), "-q"])
    assert r.exit_code == 1
    assert lines(out)[0]["status"] == "error"


def test_bad_options():
    assert runner.invoke(app, ["extract", str(SOURCE_TEXT), "--format", "xml"]).exit_code == 2
    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "--device", "cuda", "-q"])
    assert r.exit_code == 2 and "GPU" in r.output
    assert runner.invoke(app, ["extract", str(SOURCE_TEXT), "--config", "nope.cfg", "-q"]).exit_code == 2


def test_evaluate_cli(tmp_path):
    r = runner.invoke(app, ["evaluate", str(SOURCE_GOLD), str(SOURCE_GOLD), "--json"])
    assert r.exit_code == 0
    res = json.loads(r.stdout)
    assert res["lenient"]["full"]["f"] == 1.0 and res["strict"]["condition"]["f"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    r = runner.invoke(app, ["evaluate", str(SOURCE_GOLD), str(bad)])
    assert r.exit_code == 2 and "bad.jsonl:1" in r.output
    r = runner.invoke(app, ["evaluate", str(SOURCE_GOLD), str(SOURCE_GOLD), "--slots", "actor,mood"])
    assert r.exit_code == 2


def test_corpus_validate(tmp_path):
    r = runner.invoke(app, ["corpus", "validate", str(SOURCE_GOLD)])
    assert r.exit_code == 0 and "0 problem" in r.stdout
    rec = json.loads(SOURCE_GOLD.read_text().splitlines()[0])
    rec["claims"][0]["issue"]["start"] += 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rec) + "\n" + json.dumps(rec) + "\n")
    r = runner.invoke(app, ["corpus", "validate", str(bad)])
    assert r.exit_code == 1 and "bad.jsonl:1" in r.output


@pytest.mark.slow
def test_one_megabyte_document_is_processed_in_pieces(tmp_path):
    para = ("Finance Minister Anna Berg said the fuel tax would be cut if inflation falls below two percent. "
            "The union refused to back the agreement.\n\n")
    text = para * (1_000_000 // len(para) + 1)
    src = tmp_path / "big.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    # no time budget: on a loaded machine this document alone can take longer than the default 120 s
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q", "--doc-timeout", "0"])
    assert r.exit_code == 0, r.output
    (doc,) = lines(out)
    assert len(text) > 1_000_000 and doc["status"] == "ok"
    n = text.count("said the fuel tax")
    assert len(doc["claims"]) == 2 * n
    last = doc["claims"][-1]
    assert text[last["issue"]["start"]:last["issue"]["end"]] == last["issue"]["text"]
    assert last["issue"]["start"] > 990_000
