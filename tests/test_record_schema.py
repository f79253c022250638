"""The JSON Schema of the record: generated from the pydantic models, shipped in docs/, printed by
``claimx schema``, and real outputs (gold files, predictions, error records) validate against it."""

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.records import extract_documents
from claimx.io import InputDoc, InputError
from claimx.schema import json_schema

from .conftest import ROOT, SOURCE_GOLD, SOURCE_TEXT

SHIPPED = ROOT / "docs" / "record.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_shipped_schema_is_the_generated_one():
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert shipped == json_schema(), "docs/record.schema.json is stale: claimx schema > docs/record.schema.json"


def test_cli_prints_the_schema():
    r = CliRunner().invoke(app, ["schema"])
    assert r.exit_code == 0
    assert json.loads(r.stdout) == json_schema()


@pytest.mark.parametrize("path", [SOURCE_GOLD, *sorted((ROOT / "corpora" / "synthetic").glob("*.jsonl"))],
                         ids=lambda p: Path(p).name)
def test_gold_files_validate(validator, path):
    n = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            validator.validate(json.loads(line))
            n += 1
    assert n > 0


def test_predictions_and_error_records_validate(nlp, validator):
    items = [InputDoc("source", SOURCE_TEXT.read_text(encoding="utf-8"), {"source": str(SOURCE_TEXT)}),
             InputError("empty", "in.jsonl:2: the text is empty")]
    docs = list(extract_documents(nlp, items))
    records = [json.loads(d.to_json()) for d in docs]
    for rec in records:
        validator.validate(rec)
    assert records[0]["status"] == "ok" and records[0]["claims"]
    assert all(c["source"] and 0 <= c["confidence"] <= 1 for c in records[0]["claims"])
    assert records[1]["status"] == "error" and records[1]["error"].endswith("the text is empty")


@pytest.mark.parametrize("bad, where", [
    ({"id": "a", "claims": []}, "text"),
    ({"id": "a", "text": "x", "claims": [{"actor": None, "issue": {"text": "x", "start": 0, "end": 1},
                                          "stance": "maybe"}]}, "stance"),
    ({"id": "a", "text": "x", "status": "done"}, "status"),
    ({"id": "a", "text": "x", "claims": [{"actor": None, "issue": {"text": "x", "start": -1, "end": 1}}]}, "start"),
])
def test_schema_rejects_bad_records(validator, bad, where):
    errors = list(validator.iter_errors(bad))
    assert errors
    assert any(where in "/".join(map(str, e.absolute_path)) or where in e.message for e in errors)


def test_record_md_names_every_field_and_column():
    """docs/record.md stays in step with the code: every record field, CSV column and Parquet
    column is named in it."""
    from claimx.batch import CSV_FIELDS, parquet_schema
    from claimx.schema import Claim, Document, Entity

    doc = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    named = set(__import__("re").findall(r"`([a-z_]+)`", doc))
    fields = set(Document.model_fields) | set(Claim.model_fields) | set(Entity.model_fields)
    schema = parquet_schema()
    claim_struct = schema.field("claims").type.value_type
    parquet = set(schema.names) | {claim_struct.field(i).name for i in range(claim_struct.num_fields)}
    missing = sorted((fields | set(CSV_FIELDS) | parquet) - named)
    assert not missing, f"docs/record.md does not describe {missing}"
