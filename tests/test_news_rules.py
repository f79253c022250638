"""Rules added for real news (issue: claimx on real news), each on small sentences written for the
test: direct quotations kept whole, holders shared by participles and coordinated verbs."""

import pytest

from claimx.components.claims import quotation_around


def _claims(nlp, text):
    return [(c["actor"]["text"], c["stance"], c["issue"]["text"]) for c in nlp(text)._.claims]


@pytest.mark.parametrize("text,inner,expected", [
    ("He said: “We will win. The polls are wrong.” Then he left.", "The polls are wrong", "We will win. The polls are wrong"),
    ("“Taxes are too high, and the rules are too complex,” she said.", "the rules", "Taxes are too high, and the rules are too complex"),
    ("''We are done here,'' the mayor said.", "done", "We are done here"),
    ("The mayor said taxes are too high.", "taxes", None),
    ("“Done.” She said nothing else.", "nothing", None),
])
def test_quotation_around(text, inner, expected):
    i = text.index(inner)
    got = quotation_around(text, i, i + len(inner))
    assert (text[got[0]:got[1]] if got else None) == expected


def test_a_quotation_of_several_sentences_is_one_issue(nlp):
    text = "“The plan is a disaster. It will cost jobs and it will raise prices,” the senator said."
    assert _claims(nlp, text) == [("senator", "support", "The plan is a disaster. It will cost jobs and it will raise prices")]


def test_a_participle_shares_the_subject_of_its_verb(nlp):
    text = "The unions staged a walkout on Monday, saying the new contract cuts their pensions."
    assert ("unions", "support", "the new contract cuts their pensions") in _claims(nlp, text)


def test_a_coordinated_verb_shares_the_subject(nlp):
    text = "The judge delayed the hearing but said the company could appeal the fine."
    assert ("judge", "support", "the company could appeal the fine") in _claims(nlp, text)


def test_a_cue_inside_a_report_keeps_the_reporter_as_holder(nlp):
    text = "Merkel said the treaty has strong support in parliament, calling it a historic step."
    assert all(actor == "Merkel" for actor, _, _ in _claims(nlp, text))
