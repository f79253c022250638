"""A claimx pipeline is a plain spaCy pipeline: ``nlp.to_disk`` then ``spacy.load`` gives back the same
records with no lexicon, gazetteer or model file outside the saved folder; components round-trip
through bytes; the factories are spaCy entry points."""

import json
from importlib.metadata import entry_points

import pytest
import spacy

import claimx
from claimx.nlp import doc_claims

from .conftest import ROOT, SOURCE_TEXT

TEXTS = [SOURCE_TEXT.read_text(encoding="utf-8")] + [
    json.loads(line)["text"] for line in (ROOT / "corpora" / "synthetic" / "dev.jsonl").read_text().splitlines()[:3]
]


def _claims(nlp):
    return [doc_claims(doc) for doc in nlp.pipe(TEXTS)]


def _saved_and_loaded(nlp, path, monkeypatch):
    nlp.to_disk(path)
    # nothing outside the saved folder: no configs/ (lexicons, gazetteers), no models/
    monkeypatch.setenv("CLAIMX_CONFIG_DIR", str(path / "nowhere"))
    monkeypatch.setenv("CLAIMX_MODEL_DIR", str(path / "nowhere"))
    return spacy.load(path)


def test_rules_pipeline_round_trips_through_disk(nlp, tmp_path, monkeypatch):
    want = _claims(nlp)
    assert sum(map(len, want)) > 20
    back = _saved_and_loaded(nlp, tmp_path / "rules", monkeypatch)
    assert back.pipe_names == nlp.pipe_names
    assert _claims(back) == want
    saved = json.loads((tmp_path / "rules" / "claimx_claims" / "data.json").read_text())
    assert "said" not in saved["lexicon"]["report"]["verbs"] and "say" in saved["lexicon"]["report"]["verbs"]
    assert json.loads((tmp_path / "rules" / "claimx_actors" / "data.json").read_text())["gazetteer"]["metonyms"]


@pytest.mark.parametrize("pipeline", ["model", "hybrid"])
def test_tagger_pipelines_round_trip_through_disk(pipeline, tmp_path, monkeypatch):
    from claimx.model.component import model_available

    if not model_available("claim-tagger"):
        pytest.skip("no trained model in models/claim-tagger")
    nlp = claimx.load(pipeline)
    assert "claimx_tagger" in nlp.pipe_names
    want = _claims(nlp)
    back = _saved_and_loaded(nlp, tmp_path / pipeline, monkeypatch)
    assert (tmp_path / pipeline / "claimx_tagger" / "tagger.safetensors").is_file()
    assert _claims(back) == want


def test_components_round_trip_through_bytes(nlp):
    fresh = spacy.blank("en")
    for name in ("claimx_actors", "claimx_claims", "claimx_conditions"):
        comp = fresh.add_pipe(name)
        comp.from_bytes(nlp.get_pipe(name).to_bytes())
        assert comp.data == nlp.get_pipe(name).data


def test_a_lexicon_given_at_initialize_replaces_the_default(tmp_path):
    from confection import Config

    from claimx.nlp import build, pipeline_config

    text = "The union welcomed the agreement."
    cfg = pipeline_config("rules")
    lexicon = tmp_path / "cues.yaml"
    lexicon.write_text((ROOT / "configs" / "lexicons" / "cues.yaml").read_text().replace("welcome, back,", "back,"))
    cfg = Config(cfg).merge(Config().from_str(f"""
[initialize]
[initialize.components]
[initialize.components.claimx_claims]
[initialize.components.claimx_claims.lexicon]
@misc = "claimx.cue_lexicon.v1"
path = "{lexicon}"
"""))
    assert [c["stance"] for c in claimx.load("rules")(text)._.claims] == ["support"]
    assert build(cfg)(text)._.claims == []


def test_factories_are_entry_points():
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names["claimx_tagger"] == "claimx.model.component:make_tagger"
    assert {"claimx_actors", "claimx_claims", "claimx_conditions"} <= set(names)
