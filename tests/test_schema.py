import json

import pytest

from claimx.schema import Document, RecordError, parse_record, read_jsonl, write_jsonl

TEXT = "Beijing has rejected the new tariffs."


def record(**over):
    rec = {
        "id": "d1",
        "text": TEXT,
        "claims": [{
            "actor": {"text": "Beijing", "start": 0, "end": 7, "canonical": "China"},
            "stance": "oppose",
            "issue": {"text": "the new tariffs", "start": 21, "end": 36},
            "condition": None,
            "cue": {"text": "rejected", "start": 12, "end": 20},
        }],
    }
    rec.update(over)
    return rec


def test_valid_record_round_trip(tmp_path):
    doc = parse_record(json.dumps(record()))
    assert doc.claims[0].actor.canonical == "China"
    path = tmp_path / "out.jsonl"
    assert write_jsonl([doc, doc.model_copy(update={"id": "d2"})], path) == 2
    back = list(read_jsonl(path))
    assert [d.id for d in back] == ["d1", "d2"]
    assert back[0].claims[0].issue.text == "the new tariffs"


def test_offsets_must_match_text_and_error_names_line(tmp_path):
    bad = record()
    bad["claims"][0]["issue"]["start"] = 20
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record()) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(RecordError) as err:
        list(read_jsonl(path))
    assert f"{path}:2:" in str(err.value)
    assert "issue" in str(err.value)


def test_span_past_end_and_reversed_span_are_rejected():
    bad = record()
    bad["claims"][0]["issue"] = {"text": "x", "start": 99, "end": 100}
    with pytest.raises(RecordError, match="past the end"):
        parse_record(json.dumps(bad))
    bad["claims"][0]["issue"] = {"text": "", "start": 5, "end": 3}
    with pytest.raises(RecordError, match="before its start"):
        parse_record(json.dumps(bad))


def test_malformed_json_and_missing_fields():
    with pytest.raises(RecordError, match="not valid JSON"):
        parse_record("{not json", "f.jsonl", 7)
    with pytest.raises(RecordError, match="f.jsonl:3: .*id"):
        parse_record(json.dumps({"text": "x"}), "f.jsonl", 3)
    no_actor = record()
    no_actor["claims"][0]["actor"] = None
    with pytest.raises(RecordError, match="actor"):
        parse_record(json.dumps(no_actor))
    no_actor["claims"][0]["optional"] = True
    assert parse_record(json.dumps(no_actor)).claims[0].actor is None


def test_unknown_stance_rejected():
    bad = record()
    bad["claims"][0]["stance"] = "maybe"
    with pytest.raises(RecordError, match="stance"):
        parse_record(json.dumps(bad))


def test_extra_fields_are_kept():
    rec = record()
    rec["claims"][0]["confidence"] = 0.7
    rec["claims"][0]["sentence"] = [0, 36]
    doc = Document.model_validate(rec)
    assert json.loads(doc.to_json())["claims"][0]["sentence"] == [0, 36]


def test_actor_may_be_absent_where_the_corpus_does_not_annotate_it():
    no_actor = record()
    no_actor["claims"][0]["actor"] = None
    no_actor["meta"] = {"annotated_slots": ["issue", "condition"]}
    assert parse_record(json.dumps(no_actor)).claims[0].actor is None
