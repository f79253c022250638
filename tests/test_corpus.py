"""Corpus tooling: converters (on small fixtures written here, and on ../shared when present),
statistics, and loading through HF datasets."""

import csv
import json

import pytest

from claimx.corpus import (
    cameo_stance,
    convert_petrarch,
    convert_polnear,
    convert_semeval_cf,
    stats,
    validate_file,
)
from claimx.schema import read_jsonl, write_jsonl
from .conftest import ROOT

SYNTHETIC = ROOT / "corpora" / "synthetic"

SEMEVAL_ROWS = [
    # sentence, antecedent, consequent (offsets below are END-INCLUSIVE, as in the task's files)
    ("The strike would have ended in March if the ministry had raised pay.", "if the ministry had raised pay",
     "The strike would have ended in March"),
    ("Had the board listened, the port would still be open.", "Had the board listened", None),
]


def write_semeval(path, rows=SEMEVAL_ROWS, shift=0):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["sentenceID", "sentence", "antecedent", "consequent", "antecedent_startid",
                    "antecedent_endid", "consequent_startid", "consequent_endid"])
        for i, (sent, ante, cons) in enumerate(rows):
            a = sent.index(ante)
            c = sent.index(cons) if cons else -1
            w.writerow([100 + i, sent, ante, cons or "{}", a, a + len(ante) - 1 + shift,
                        c, c + len(cons) - 1 if cons else -1])


def test_semeval_offsets_are_end_inclusive(tmp_path):
    src = tmp_path / "t5.csv"
    write_semeval(src)
    docs = list(convert_semeval_cf(src))
    assert len(docs) == 2
    first = docs[0].claims[0]
    assert first.condition.text == "if the ministry had raised pay"
    assert docs[0].text[first.condition.start:first.condition.end] == first.condition.text
    assert first.issue.text == "The strike would have ended in March"
    assert first.actor is None and first.stance is None
    assert docs[0].meta["annotated_slots"] == ["issue", "condition"]
    assert docs[1].meta.get("no_consequent") and docs[1].claims[0].condition.text == "Had the board listened"
    assert {d.meta["split"] for d in docs} <= {"train", "dev"}


def test_semeval_offsets_that_disagree_with_the_text_are_an_error(tmp_path):
    src = tmp_path / "t5.csv"
    write_semeval(src, shift=-1)  # read as end-exclusive by mistake
    with pytest.raises(ValueError, match="end inclusive"):
        list(convert_semeval_cf(src))


def test_cameo_codes_to_stance():
    assert cameo_stance("1011") == "support"   # demand
    assert cameo_stance("121") == "oppose"     # reject
    assert cameo_stance("112") == "oppose"     # accuse
    assert cameo_stance("016") == "oppose"     # deny responsibility
    assert cameo_stance("190") is None         # use conventional military force: an act, not a claim
    assert cameo_stance("040") is None         # consult: a meeting
    assert cameo_stance("145") is None         # violent protest


def test_petrarch_converter(tmp_path, nlp):
    src = tmp_path / "events.jsonl"
    recs = [
        {"id": "a", "text": "Norway rejected the Swedish proposal on fishing quotas.",
         "event_codings": [{"eventcode": "120", "sourcecode": "NOR", "targetcode": "SWE"}]},
        {"id": "b", "text": "French lawmakers demanded a recount in the disputed district.",
         "event_codings": [{"eventcode": "100", "sourcecode": "FRALEG", "targetcode": "FRA"}]},
        {"id": "c", "text": "Troops shelled the border town overnight.",
         "event_codings": [{"eventcode": "190", "sourcecode": "---MIL", "targetcode": "---"}]},
        {"id": "d", "text": "Nothing happened.", "event_codings": [{"noevents": "True"}]},
    ]
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    docs = {d.id: d for d in convert_petrarch(src, nlp=nlp)}
    assert set(docs) == {"a", "b", "c", "d"}            # every sentence kept, claims or not
    a = docs["a"].claims[0]
    assert (a.actor.text, a.stance) == ("Norway", "oppose")
    b = docs["b"].claims[0]
    assert b.actor.canonical == "France" and "lawmakers" in b.actor.text and b.stance == "support"
    assert docs["c"].claims == [] and docs["d"].claims == []
    assert all(d.meta["exhaustive"] is False and d.meta["annotated_slots"] == ["actor", "stance"] for d in docs.values())


def test_synthetic_corpus_meets_its_brief():
    docs = [d for split in ("train", "dev", "test") for d in read_jsonl(SYNTHETIC / f"{split}.jsonl")]
    s = stats(docs)
    assert s["documents"] >= 40 and s["claims"] >= 500 and s["with_condition"] >= 80
    assert set(s["documents_per_split"]) == {"train", "dev", "test"}
    assert s["condition_markers"].get("other", 0) < s["with_condition"] * 0.1
    for marker in ("if", "unless", "provided that", "on condition that", "in exchange for", "in return for",
                   "as long as", "once", "only if", "without", "not at the cost of"):
        assert s["condition_markers"].get(marker, 0) > 0, marker
    assert all(d.meta.get("synthetic") is True for d in docs)
    for split in ("train", "dev", "test"):
        for name in (f"{split}.jsonl", f"{split}.b.jsonl"):
            assert validate_file(SYNTHETIC / name)[2] == []


def test_load_as_hf_dataset_round_trips(tmp_path):
    datasets = pytest.importorskip("datasets")
    from claimx.corpus import load, to_document

    ds = load(SYNTHETIC / "dev.jsonl")
    assert isinstance(ds, datasets.Dataset) and ds.num_rows == 8
    feats = ds.features
    assert feats["claims"].feature["stance"].names == ["support", "oppose", "neutral"]
    assert feats["claims"].feature["issue"]["start"].dtype == "int32"
    original = list(read_jsonl(SYNTHETIC / "dev.jsonl"))
    assert [to_document(r).model_dump() for r in ds] == [d.model_dump() for d in original]
    # a split filter over several files
    both = load([SYNTHETIC / "train.jsonl", SYNTHETIC / "dev.jsonl"], split="dev")
    assert both.num_rows == 8 and set(both["split"]) == {"dev"}
    # unannotated stance is -1, absent spans are null
    src = tmp_path / "t5.csv"
    write_semeval(src)
    write_jsonl(convert_semeval_cf(src), tmp_path / "t5.jsonl")
    row = load(tmp_path / "t5.jsonl")[0]["claims"][0]
    assert row["stance"] == -1 and row["actor"] is None and row["condition"]["text"].startswith("if")


@pytest.mark.shared
def test_convert_shared_semeval_and_petrarch(shared_dir, nlp):
    data = shared_dir / "data"
    dev = list(convert_semeval_cf(data / "conditions", split="dev"))
    train = list(convert_semeval_cf(data / "conditions", split="train"))
    assert len(dev) + len(train) == 3551 and 250 < len(dev) < 450
    assert all(d.claims[0].condition is not None for d in dev)
    events = list(convert_petrarch(data / "events", nlp=nlp))
    assert len(events) >= 77 and sum(len(d.claims) for d in events) >= 25


@pytest.mark.shared
def test_convert_shared_polnear_dev(shared_dir):
    docs = list(convert_polnear(shared_dir / "data" / "polnear", split="dev"))
    assert len(docs) == 84 and all(d.meta["annotated_slots"] == ["actor", "issue"] for d in docs)
