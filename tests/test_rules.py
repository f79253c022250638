"""One small exact case per claim rule (the rule named in ``source``), the order the rules are tried
in, negation, and the lexical data the rules read from configs/."""

import pytest

from claimx.components.rules import (
    LEXICON_VERB_RULES,
    OPEN_VERB_RULES,
    Content,
    CueLexicon,
    Frame,
    agent_noun,
    frames_at,
)
from claimx.resources import actor_gazetteer, cue_lexicon

# text, rule, (actor, stance, issue, cue, addressee, confidence)
RULES = [
    ("The president said that the economy was growing.", "verb_ccomp",
     ("president", "support", "the economy was growing", "said", None, 0.8)),
    ("The union promised to cut fees.", "verb_xcomp",
     ("union", "support", "cut fees", "promised", None, 0.75)),
    ("The minister called on Germany to send tanks.", "verb_xcomp",
     ("minister", "support", "send tanks", "called on", "Germany", 0.7)),
    ("The union refused to back the agreement.", "verb_compose",
     ("union", "oppose", "the agreement", "refused to back", None, 0.7)),
    ("The council rejected the proposal to close the library.", "verb_dobj",
     ("council", "oppose", "the proposal to close the library", "rejected", None, 0.7)),
    ("The ministry confirmed the deal.", "verb_dobj",
     ("ministry", "support", "the deal", "confirmed", None, 0.6)),
    ("The senator called for a ban on assault weapons.", "verb_prep",
     ("senator", "support", "a ban on assault weapons", "called for", None, 0.75)),
    ("Opposition leader Maria Lopez accused the government of hiding the true cost of the project.", "verb_prep",
     ("Maria Lopez", "oppose", "hiding the true cost of the project", "accused", "government", 0.75)),
    ("The proposal was rejected by the committee.", "verb_passive",
     ("committee", "oppose", "The proposal", "rejected", None, 0.7)),
    ("The deal, the minister noted, would cost billions of euros.", "parenthetical",
     ("minister", "support", "would cost billions of euros", "noted", None, 0.7)),
    ("According to officials, France will send more troops.", "according_to",
     ("officials", "support", "France will send more troops", "According to", None, 0.8)),
    ("The union voiced concern about the pension reform.", "light_noun",
     ("union", "oppose", "the pension reform", "voiced concern", None, 0.7)),
    ("Merkel's support for the treaty was clear.", "light_noun",
     ("Merkel", "support", "the treaty", "support", None, 0.55)),
    ("The chancellor described the plan as a mistake.", "evaluative",
     ("chancellor", "oppose", "the plan", "described", None, 0.6)),
    ("The union called the strike a success.", "evaluative",
     ("union", "support", "the strike", "called", None, 0.6)),
    ("The farmers were reluctant to support the reform.", "adjective",
     ("farmers", "oppose", "the reform", "reluctant to support", None, 0.65)),
    ("The farmers were skeptical about the reform.", "adjective",
     ("farmers", "oppose", "the reform", "skeptical", None, 0.6)),
]


def _view(claim):
    return (claim["actor"]["text"], claim["stance"], claim["issue"]["text"], claim["cue"]["text"],
            (claim["addressee"] or {}).get("text"), claim["confidence"])


@pytest.mark.parametrize("text,rule,expected", RULES, ids=[f"{r[1]}:{r[0][:30]}" for r in RULES])
def test_rule(nlp, text, rule, expected):
    (claim,) = nlp(text)._.claims
    assert claim["source"] == f"claimx_claims:{rule}"
    assert _view(claim) == expected


def test_agent_noun_frame(nlp):
    doc = nlp("Opponents of the tax gathered outside parliament.")
    lex = nlp.get_pipe("claimx_claims").lex
    (frame,) = agent_noun(doc[0], lex)
    assert isinstance(frame, Frame) and frame.rule == "agent_noun" and frame.polarity == "oppose"
    assert [t.text for t in frame.actor] == ["Opponents"]
    assert doc[slice(*frame.holder_range)].text == "Opponents of the tax"
    assert [c.head.text for c in frame.content] == ["tax"]
    assert agent_noun(doc[4], lex) is None  # "outside": not an agent noun


def test_negation_flips_stance_and_a_negated_report_is_no_claim(nlp):
    (claim,) = nlp("The council did not reject the proposal.")._.claims
    assert (claim["stance"], claim["issue"]["text"], claim["confidence"]) == ("support", "the proposal", 0.65)
    assert nlp("The minister did not say that taxes would rise.")._.claims == []


def test_empty_complement_stops_the_verb_rules(nlp):
    doc = nlp("The union declined to comment.")
    assert doc._.claims == []
    assert frames_at(doc[2], nlp.get_pipe("claimx_claims").lex) == []


def test_frames_are_typed(nlp):
    doc = nlp("The minister called on Germany to send tanks.")
    (frame,) = frames_at(doc[2], nlp.get_pipe("claimx_claims").lex)
    assert frame == Frame("verb_xcomp", "support", [2, 3], [doc[1]], [Content(doc[6], "to")], 0.7, addressee=doc[4])


def test_rule_order_is_declared():
    names = [f.__name__ for f in OPEN_VERB_RULES + LEXICON_VERB_RULES]
    assert names == ["verb_xcomp_dare", "verb_prep_phrasal", "parenthetical_as", "verb_xcomp_call_on", "evaluative", "made_clear", "light_noun",
                     "poll_has", "verb_answer", "verb_passive", "verb_ccomp", "verb_ccomp_misparsed", "verb_compose", "verb_xcomp", "verb_prep", "verb_dobj", "parenthetical"]


def test_word_lists_come_from_the_lexicon_files():
    lex = CueLexicon.from_dict(cue_lexicon(), actor_gazetteer().get("actor_nouns"))
    assert "confirm" in lex.report_objects and "say" not in lex.report_objects
    assert "on" in lex.adjective_preps  # quoted in the YAML: a bare on is a boolean
    assert {"official", "spokesman", "delegation"} <= set(actor_gazetteer()["body_heads"])


def test_every_word_of_the_lexicons_and_gazetteers_is_a_string():
    """A bare YAML word like false, no, on or yes reads as a boolean and would never match."""
    from pathlib import Path

    from claimx.resources import config_dir, load_yaml

    def leaves(x):
        if isinstance(x, dict):
            for k, v in x.items():
                yield k
                yield from leaves(v)
        elif isinstance(x, list):
            for v in x:
                yield from leaves(v)
        else:
            yield x

    files = sorted(Path(config_dir()).glob("lexicons/*.yaml")) + sorted(Path(config_dir()).glob("gazetteers/*.yaml"))
    assert files
    for f in files:
        odd = [w for w in leaves(load_yaml(f)) if isinstance(w, bool) or w is None]
        assert not odd, f"{f.name}: {odd}"
    assert "false" in cue_lexicon()["negative_evaluations"]


def test_a_lexicon_without_a_list_is_refused():
    lex = dict(cue_lexicon())
    del lex["report_objects"]
    with pytest.raises(ValueError, match="report_objects"):
        CueLexicon.from_dict(lex)


def test_body_heads_map_an_official_to_the_body(nlp):
    doc = nlp("A European Commission official said the talks would resume.")
    nouns = [(m["text"], m["canonical"]) for m in doc._.actors if m["label"] == "NOUN"]
    assert nouns == [("European Commission official", "European Commission")]


def test_a_condition_inside_a_relative_clause_of_the_issue_is_not_the_claims(nlp):
    doc = nlp("She said the bill, which if enacted would cut taxes, was a mistake.")
    (claim,) = doc._.claims
    assert claim["issue"]["text"].startswith("the bill, which if enacted") and claim["condition"] is None
    doc = nlp("The union said it would strike if wages were cut.")
    assert doc._.claims[0]["condition"]["text"] == "if wages were cut"


@pytest.mark.parametrize("text", [
    # a reason clause of the issue holds the condition
    "The chairman said the board must approve the deal because if it refuses, investors will flee.",
    # an embedded question of the issue holds it
    "The economist said it is hard to estimate how many jobs you lose if you cut output by ten percent.",
])
def test_a_condition_of_a_clause_below_the_issues_verb_is_not_the_claims(nlp, text):
    (claim,) = doc_claims = nlp(text)._.claims
    assert claim["condition"] is None, doc_claims
    assert claim["issue"]["text"].endswith(("will flee", "ten percent"))


def test_a_condition_on_the_issues_own_verb_beside_a_reason_clause_stays(nlp):
    doc = nlp("The mayor said the city would sue if the state cut its funds, because the law forbids it.")
    assert [c["condition"]["text"] for c in doc._.claims] == ["if the state cut its funds"]


def test_a_fronted_condition_with_no_comma_stops_before_the_main_clause(nlp):
    """"If they resume we will attend": the parser hangs the main clause below the condition's
    verb; the condition is "If the bill passes", the issue what follows."""
    doc = nlp("The minister said talks had stalled, adding: “If they resume we will attend.”")
    assert [(c["issue"]["text"], c["condition"] and c["condition"]["text"]) for c in doc._.claims] == \
        [("talks had stalled", None), ("we will attend", "If they resume")]
    # after its main clause a condition keeps its verb's own complement
    doc = nlp("The senator said the party would split if the leader announced he would run again.")
    assert [c["condition"]["text"] for c in doc._.claims] == ["if the leader announced he would run again"]


def test_a_condition_inside_what_the_holder_thought_is_not_the_claims(nlp):
    """GUIDELINES 12.24 / 14: "and thought it would be funny if I went out" -- the "if" restricts
    what was thought, a clause below the content's own verb; "I think X if Y" opening the content
    is the speaker's hedge, and the condition is the content's."""
    doc = nlp("“I saw the crowd last night and thought it would be fun if I joined them,” he said.")
    assert [c["condition"] for c in doc._.claims] == [None]
    doc = nlp("“I think we would win if the vote were held today,” she said.")
    assert [c["condition"]["text"] for c in doc._.claims] == ["if the vote were held today"]


@pytest.mark.parametrize("text,issue,condition", [
    # "if any" before a noun opens a condition; elliptical "if any," does not
    ("“If any human error occurs in the count, the party will find a way to exploit it,” wrote one reader.",
     "the party will find a way to exploit it", "If any human error occurs in the count"),
    ("The cuts, if any, will be small, he said.", "The cuts, if any, will be small", None),
    # the tagger read the condition's verb as a noun ("the tax passes"): it ends at the comma
    ("“If the tax passes, the Clintons will find a way to avoid it,” said one commenter.",
     "the Clintons will find a way to avoid it", "If the tax passes"),
])
def test_conditions_the_tagger_or_the_marker_list_hid(nlp, text, issue, condition):
    (claim,) = nlp(text)._.claims
    assert claim["issue"]["text"] == issue
    assert (claim["condition"] and claim["condition"]["text"]) == condition


def test_a_condition_inside_a_report_the_issue_mentions_is_not_the_claims(nlp):
    """"criticized Trump's comments saying he would reassess the alliance if elected": the
    condition restricts what the comments say (their own claim), not the criticism."""
    doc = nlp("Biden criticized Mr. Trump's comments saying he would reassess the alliance if elected.")
    by_cue = {c["cue"]["text"]: c["condition"] and c["condition"]["text"] for c in doc._.claims}
    assert by_cue == {"criticized": None, "saying": "if elected"}
