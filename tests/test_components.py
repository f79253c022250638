"""Exact spans and labels from each rule on small fixtures (not from the source article)."""

import pytest

CASES = [
    # text, [(actor, canonical, stance, issue, condition, addressee)]
    ("The council rejected the proposal to close the library.",
     [("council", "council", "oppose", "the proposal to close the library", None, None)]),
    ("The plan was rejected by the city council on Tuesday.",
     [("city council", "city council", "oppose", "The plan", None, None)]),
    ("According to officials in Paris, France will send more troops to the region.",
     [("officials", "officials", "support", "France will send more troops to the region", None, None)]),
    ("Chancellor Olaf Scholz did not rule out new sanctions against Iran.",
     [("Olaf Scholz", "Olaf Scholz", "support", "new sanctions against Iran", None, None)]),
    ("The union refused to back the agreement.",
     [("union", "union", "oppose", "the agreement", None, None)]),
    ("Finance Minister Anna Berg said the fuel tax would be cut if inflation falls below two percent.",
     [("Anna Berg", "Anna Berg", "support", "the fuel tax would be cut", "if inflation falls below two percent", None)]),
    ("Mayor Tom Reed said repairs would begin without delay.",
     [("Tom Reed", "Tom Reed", "support", "repairs would begin without delay", None, None)]),
    ("Germany and France urged Iran to return to the negotiating table.",
     [("Germany", "Germany", "support", "return to the negotiating table", None, "Iran"),
      ("France", "France", "support", "return to the negotiating table", None, "Iran")]),
    ("Angela Merkel arrived in Rome on Monday. She welcomed the agreement on migration.",
     [("She", "Angela Merkel", "support", "the agreement on migration", None, None)]),
    ("Beijing has rejected the new tariffs on electric vehicles.",
     [("Beijing", "China", "oppose", "the new tariffs on electric vehicles", None, None)]),
    ("Will Paris back the deal?", []),
    ("The mayor demanded that the company pay the fine, apologise to residents, and close the plant.",
     [("mayor", "mayor", "support", "the company pay the fine", None, None),
      ("mayor", "mayor", "support", "apologise to residents", None, None),
      ("mayor", "mayor", "support", "close the plant", None, None)]),
    ("The farmers' association will support the reform as long as subsidies remain in place.",
     [("farmers' association", "farmers' association", "support", "the reform", "as long as subsidies remain in place", None)]),
    ("Opposition leader Maria Lopez accused the government of hiding the true cost of the project.",
     [("Maria Lopez", "Maria Lopez", "oppose", "hiding the true cost of the project", None, "government")]),
    ("Lawmakers voiced concern about the surveillance bill.",
     [("Lawmakers", "Lawmakers", "oppose", "the surveillance bill", None, None)]),
    ("\u201cWe will not accept any deal that weakens our borders,\u201d Prime Minister Jan Novak said.",
     [("Jan Novak", "Jan Novak", "support", "We will not accept any deal that weakens our borders", None, None)]),
    ("The Kremlin warned that it would respond unless the troops were withdrawn.",
     [("Kremlin", "Russia", "support", "it would respond", "unless the troops were withdrawn", None)]),
    ("Anna Berg met the press. Berg said the budget was balanced.",
     [("Berg", "Anna Berg", "support", "the budget was balanced", None, None)]),
]


def _view(doc):
    out = []
    for c in doc._.claims:
        out.append((c["actor"]["text"], c["actor"]["canonical"], c["stance"], c["issue"]["text"],
                    (c["condition"] or {}).get("text"), (c["addressee"] or {}).get("text")))
    return out


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_claims(nlp, text, expected):
    assert _view(nlp(text)) == expected


def test_offsets_are_grounded_and_sources_named(nlp):
    text = CASES[5][0]
    doc = nlp(text)
    (c,) = doc._.claims
    for slot in ("actor", "issue", "condition", "cue"):
        s = c[slot]
        assert text[s["start"]:s["end"]] == s["text"]
    assert c["source"] == "claimx_claims:verb_ccomp"
    assert 0 < c["confidence"] <= 1
    assert c["cue"]["text"] == "said"


def test_actor_mentions_and_metonyms(nlp):
    doc = nlp("Downing Street dismissed the report. Officials in Brussels said the EU would respond.")
    canon = {m["text"]: m["canonical"] for m in doc._.actors}
    assert canon["Downing Street"] == "United Kingdom"
    assert canon["Brussels"] == "European Union"
    assert canon["EU"] == "European Union"


def test_condition_markers_that_are_not_conditions(nlp):
    doc = nlp("The minister said the talks would resume once again, even if nobody expected it.")
    assert [c["condition"] for c in doc._.claims] == [None]


def test_condition_in_middle_stays_in_issue(nlp):
    text = "\u201cGuarantees, especially without US involvement, would be worthless,\u201d Pistorius warned."
    (c,) = nlp(text)._.claims
    assert c["issue"]["text"] == "Guarantees, especially without US involvement, would be worthless"
    assert c["condition"]["text"] == "without US involvement"


def test_pipeline_is_built_from_config(nlp):
    assert nlp.pipe_names[-3:] == ["claimx_actors", "claimx_claims", "claimx_conditions"]
    assert nlp.get_pipe("claimx_claims").nested == "suppress"


def test_curly_marks_parse_like_straight_ones(nlp):
    """claimx_typography runs before tok2vec: a sentence with curly apostrophes and quotation marks
    gets the tags and parse of the same sentence with straight ones, and keeps its own text."""
    curly = "Republicans criticized Trump\u2019s attacks on Curiel, calling them \u201cbizarre.\u201d"
    straight = curly.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    a, b = nlp(curly), nlp(straight)
    assert a.text == curly
    assert a[2].tag_ == "NNP"   # "Trump" before "’s": a common noun without the component
    assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
    assert nlp.pipe_names[0] == "claimx_typography"


def test_possessive_holder_before_curly_apostrophe(nlp):
    """"Trump’s attacks on Curiel": the holder of the polarity noun is found with a curly
    apostrophe as with a straight one."""
    claims = nlp("Republicans criticized Trump\u2019s attacks on Curiel.")._.claims
    got = {(c["actor"]["text"], c["stance"], c["issue"]["text"]) for c in claims}
    assert ("Trump", "oppose", "Curiel") in got
