import pytest

from claimx.schema import Claim, Document, Entity, Span
from claimx.scoring import actor_match, score_documents, token_f1, tokens

TEXT = "Merkel said taxes would rise. Paris rejected the plan if costs grow. Rome welcomed the deal."


def span(s, nth=0, cls=Span, **kw):
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.find(s, pos + 1)
    assert pos >= 0, s
    return cls(text=s, start=pos, end=pos + len(s), **kw)


def claim(actor, canonical, stance, issue, cond=None, optional=False):
    return Claim(actor=span(actor, cls=Entity, canonical=canonical), stance=stance, issue=span(issue),
                 condition=span(cond) if cond else None, optional=optional)


GOLD = [Document(id="d", text=TEXT, claims=[
    claim("Merkel", "Angela Merkel", "support", "taxes would rise"),
    claim("Paris", "France", "oppose", "the plan", "if costs grow"),
    claim("Rome", "Italy", "support", "the deal", optional=True),
])]
PRED = [
    claim("Rome", "Italy", "support", "the deal"),
    claim("Paris", "France", "oppose", "the plan", "if costs grow"),
    claim("Merkel", "Merkel", "oppose", "taxes would rise"),
    claim("Merkel", "Merkel", "support", "would rise"),
]


def test_tokens_follow_spec_normalisation():
    assert tokens("Ukraine\u2019s NATO-bid, Kyiv's ＡＢＣ") == ["ukraine", "nato-bid", "kyiv", "abc"]


@pytest.mark.parametrize("a,b,f", [
    ("the new tariffs", "new tariffs on cars", 4 / 7),
    ("Taxes would rise", "taxes would rise.", 1.0),
    ("the plan", "a deal", 0.0),
    ("", "", 1.0),
])
def test_token_f1(a, b, f):
    assert token_f1(a, b) == pytest.approx(f)


def test_actor_match_rules():
    t = "Volodymyr Zelenskyy spoke. Zelenskyy said. The Kremlin and Moscow agreed; Kyiv did not."
    def e(s, canonical=None, nth=0):
        pos = t.find(s) if nth == 0 else t.find(s, t.find(s) + 1)
        return Entity(text=s, start=pos, end=pos + len(s), canonical=canonical)
    full, sur = e("Volodymyr Zelenskyy"), e("Zelenskyy", nth=1)
    assert actor_match(full, sur)  # token containment
    assert not actor_match(full, sur, strict=True)
    assert actor_match(e("The Kremlin", "Russia"), e("Moscow", "Russia"))  # canonical equality
    assert not actor_match(e("Moscow", "Russia"), e("Kyiv", "Ukraine"))
    assert actor_match(e("The Kremlin"), e("Kremlin", nth=0))  # overlapping spans


def test_levels_on_hand_computed_case():
    r = score_documents(GOLD, [Document(id="d", text=TEXT, claims=PRED)])
    le = r["lenient"]
    # 2 non-optional gold; 4 predictions, one paired with the optional gold claim and ignored
    assert le["counts"] == {"gold": 2, "pred": 3, "gold_cond": 1, "pred_cond": 1}
    assert le["claim"] == pytest.approx({"p": 2 / 3, "r": 1.0, "f": 0.8})
    assert le["stance"] == pytest.approx({"p": 1 / 3, "r": 0.5, "f": 0.4})
    assert le["full"] == pytest.approx({"p": 1 / 3, "r": 0.5, "f": 0.4})
    assert le["condition"] == pytest.approx({"p": 1.0, "r": 1.0, "f": 1.0})
    assert [m["pred"]["issue"] for m in r["spurious"]] == ["would rise"]
    assert r["missed"] == []
    assert [p["wrong"] for p in r["partial"]] == [["stance"]]


def test_matching_is_independent_of_order():
    a = score_documents(GOLD, [Document(id="d", text=TEXT, claims=PRED)])
    b = score_documents(GOLD, [Document(id="d", text=TEXT, claims=list(reversed(PRED)))])
    assert a["lenient"] == b["lenient"] and a["strict"] == b["strict"]


def test_strict_needs_exact_offsets():
    pred = [claim("Paris", "France", "oppose", "plan", "if costs grow")]
    r = score_documents(GOLD, [Document(id="d", text=TEXT, claims=pred)])
    assert r["lenient"]["claim"]["p"] == 1.0  # "plan" vs "the plan": token F1 0.67
    assert r["strict"]["claim"]["p"] == 0.0


def test_condition_disagreement_costs_full_and_condition():
    pred = [claim("Paris", "France", "oppose", "the plan"), claim("Merkel", "Merkel", "support", "taxes would rise", "if costs grow")]
    r = score_documents(GOLD, [Document(id="d", text=TEXT, claims=pred)])
    assert r["lenient"]["stance"]["f"] == 1.0
    assert r["lenient"]["full"]["f"] == 0.0
    assert r["lenient"]["condition"] == pytest.approx({"p": 0.0, "r": 0.0, "f": 0.0})


def test_missing_prediction_document_counts_as_missed():
    r = score_documents(GOLD, [])
    assert r["lenient"]["claim"]["r"] == 0.0
    assert r["documents"]["missing"] == ["d"]
    assert len(r["missed"]) == 2


def test_slots_restrict_levels():
    r = score_documents(GOLD, [Document(id="d", text=TEXT, claims=PRED)], slots=["actor", "issue"])
    assert r["levels"] == ["claim"]
    with pytest.raises(ValueError, match="unknown slot"):
        score_documents(GOLD, [], slots=["actor", "issue", "mood"])


def test_default_slots_come_from_the_gold_declaration():
    gold = [Document(id="d", text=TEXT, meta={"annotated_slots": ["actor", "issue"]}, claims=GOLD[0].claims)]
    r = score_documents(gold, [Document(id="d", text=TEXT, claims=PRED)])
    assert r["slots"] == ["actor", "issue"] and r["levels"] == ["claim"]


def test_actor_and_stance_only_pairs_on_the_actor():
    # An event-coded gold (PETRARCH) has no issue span: the whole sentence stands in for it.
    whole = Span(text=TEXT, start=0, end=len(TEXT))
    gold = [Document(id="d", text=TEXT, claims=[
        Claim(actor=span("Paris", cls=Entity, canonical="France"), stance="oppose", issue=whole),
        Claim(actor=span("Merkel", cls=Entity, canonical="Angela Merkel"), stance="oppose", issue=whole),
    ])]
    r = score_documents(gold, [Document(id="d", text=TEXT, claims=PRED)], slots=["actor", "stance"])
    assert r["levels"] == ["claim", "stance"]
    assert r["lenient"]["claim"]["r"] == 1.0            # both actors found, issue ignored
    assert r["lenient"]["stance"]["r"] == 1.0           # Merkel's "oppose" prediction is preferred
    assert all("issue" not in p["wrong"] for p in r["partial"])
    with pytest.raises(ValueError, match="actor or issue"):
        score_documents(gold, [], slots=["stance"])


def test_issue_and_condition_only_needs_no_actor():
    gold = [Document(id="d", text=TEXT, meta={"annotated_slots": ["issue", "condition"]},
                     claims=[Claim(actor=None, issue=span("the plan"), condition=span("if costs grow"))])]
    r = score_documents(gold, [Document(id="d", text=TEXT, claims=PRED)])
    assert r["levels"] == ["claim", "condition"]
    assert r["lenient"]["condition"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert r["lenient"]["claim"]["r"] == 1.0 and r["lenient"]["claim"]["p"] == 0.25


def test_non_exhaustive_gold_does_not_count_unmatched_predictions():
    gold = [Document(id="d", text=TEXT, meta={"exhaustive": False}, claims=GOLD[0].claims[:1])]
    r = score_documents(gold, [Document(id="d", text=TEXT, claims=PRED)], slots=["actor", "issue"])
    assert r["lenient"]["claim"]["p"] == 1.0 and r["lenient"]["counts"]["pred"] == 1
    assert r["spurious"] == []
    exhaustive = score_documents(GOLD[:1], [Document(id="d", text=TEXT, claims=PRED)], slots=["actor", "issue"])
    assert exhaustive["lenient"]["claim"]["p"] < 1.0
