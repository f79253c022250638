"""The gold annotation of the source article, written as slot strings; offsets are computed.

Run: python corpora/source/annotate.py  ->  corpora/source/gold.jsonl
Each claim: (actor, canonical, stance, issue, condition, cue, addressee, optional).  A string that
occurs more than once is given as (string, n) for its n-th occurrence (0-based) or is located after
the previous slot of the same claim.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
DOC_ID = "000_980dcc619b14b1bb"
TEXT = (HERE / f"{DOC_ID}.txt").read_text(encoding="utf-8")

# anchor: a string that starts the sentence of the claim; every slot is searched from there.
CLAIMS = [
    dict(anchor="Ukrainian President Volodymyr", actor="Volodymyr Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support",
         cue="offered", issue="drop Ukraine’s long-standing ambition to join NATO",
         condition="in exchange for binding Western security guarantees"),
    dict(anchor="However, Kyiv", actor="Kyiv", canonical="Ukraine", stance="oppose", cue="rejected",
         issue="US-backed proposals that would require Ukraine to cede territory to Moscow"),
    dict(anchor="The discussions, hosted", actor="Washington", canonical="United States", stance="support", cue="push",
         issue="broker a peace deal", optional=True),
    dict(anchor="“A lot of progress", actor="Witkoff", canonical="Steve Witkoff", stance="support", cue="said",
         issue="A lot of progress was made"),
    dict(anchor="“A lot of progress", actor="Witkoff", canonical="Steve Witkoff", stance="support", cue="adding",
         issue="negotiations would resume on Monday (December 15)"),
    dict(anchor="Zelenskyy’s adviser", actor="Dmytro Lytvyn", canonical="Dmytro Lytvyn", stance="support", cue="confirmed",
         issue="draft documents were under review"),
    dict(anchor="Zelenskyy’s adviser", actor="Dmytro Lytvyn", canonical="Dmytro Lytvyn", stance="support", cue="confirmed",
         issue="the Ukrainian president would comment publicly", condition="once talks conclude"),
    dict(anchor="Ahead of the meetings", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support", cue="said",
         issue="Ukraine was prepared to forgo NATO membership, an aspiration enshrined in its constitution",
         condition="if it receives robust, legally binding security guarantees from the United States and its allies"),
    dict(anchor="“This is already", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support", cue="said",
         issue="This is already a compromise on our part"),
    dict(anchor="“This is already", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support", cue="emphasising",
         issue="Ukraine’s original goal of NATO membership was driven by the need for credible protection against future Russian aggression"),
    dict(anchor="Some Western partners", actor="he", canonical="Volodymyr Zelenskyy", stance="support", cue="noted",
         issue="had long been reluctant to support Kyiv’s NATO bid"),
    dict(anchor="Some Western partners", actor="Some Western partners", canonical="Western partners", stance="oppose",
         cue="reluctant to support", issue="Kyiv’s NATO bid", optional=True),
    dict(anchor="Russian President Vladimir Putin", actor="Vladimir Putin", canonical="Vladimir Putin", stance="support",
         cue="insisted", issue="Ukraine renounce NATO aspirations"),
    dict(anchor="Russian President Vladimir Putin", actor="Vladimir Putin", canonical="Vladimir Putin", stance="support",
         cue="insisted", issue="remain neutral"),
    dict(anchor="Russian President Vladimir Putin", actor="Vladimir Putin", canonical="Vladimir Putin", stance="support",
         cue="insisted", issue="bar NATO troops from its territory"),
    dict(anchor="The Kremlin has", actor="Kremlin", canonical="Russia", stance="support", cue="called for",
         issue="Ukrainian forces to withdraw from remaining areas of the Donbas still under Kyiv’s control"),
    dict(anchor="The Kremlin has", actor="Kremlin", canonical="Russia", stance="support", cue="sought",
         issue="written guarantees that NATO will not expand further east"),
    dict(anchor="Despite this flexibility", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="oppose",
         cue="drawn a red line", issue="territorial concessions"),
    dict(anchor="Draft US proposals", actor="Draft US proposals", canonical="United States", stance="support",
         cue="called for", issue="Ukraine to cede additional territory"),
    dict(anchor="Draft US proposals", actor="Draft US proposals", canonical="United States", stance="support",
         cue="called for", issue="limit its armed forces"),
    dict(anchor="Draft US proposals", actor="Draft US proposals", canonical="United States", stance="support",
         cue="called for", issue="formally abandon NATO ambitions"),
    dict(anchor="Draft US proposals", actor="Kyiv", canonical="Ukraine", stance="support", cue="viewed",
         issue="favoring Moscow", optional=True),
    dict(anchor="Draft US proposals", actor="its European allies", canonical="European allies", stance="support",
         cue="viewed", issue="favoring Moscow", optional=True),
    dict(anchor="Zelenskyy accused Russia", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="oppose",
         cue="accused", addressee="Russia",
         issue="prolonging the war through continued bombardment of Ukrainian cities and infrastructure"),
    dict(anchor="Zelenskyy accused Russia", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support",
         cue="said", issue="a ceasefire along current front lines could be a fair option",
         condition="not at the cost of sovereignty"),
    dict(anchor="Germany’s Defence Minister", actor="Boris Pistorius", canonical="Boris Pistorius", stance="support",
         cue="welcomed", issue="Washington’s engagement"),
    dict(anchor="Germany’s Defence Minister", actor="Boris Pistorius", canonical="Boris Pistorius", stance="oppose",
         cue="voiced skepticism", issue="security guarantees", condition="without strong US backing"),
    dict(anchor="He pointed to", actor="He", canonical="Boris Pistorius", stance="support", cue="pointed to",
         issue="Ukraine’s experience under the 1994 Budapest Memorandum", optional=True),
    dict(anchor="“Mere guarantees", actor="Pistorius", canonical="Boris Pistorius", stance="support", cue="warned",
         issue="Mere guarantees, especially without significant US involvement, wouldn’t be worth much",
         condition="without significant US involvement"),
    dict(anchor="European powers, including", actor="European powers", canonical="European powers", stance="support",
         cue="working to", issue="refine the US proposals", optional=True),
    dict(anchor="European powers, including", actor="European powers", canonical="European powers", stance="support",
         cue="seeking to", issue="stabilise Ukraine financially, including through the potential use of frozen Russian central bank assets",
         optional=True),
    dict(anchor="According to officials", actor="officials familiar with the discussions", canonical="officials",
         stance="support", cue="According to",
         issue="Ukraine could join the EU as early as January 1, 2027, under a proposal being explored by US and Ukrainian negotiators with support from Brussels"),
    dict(anchor="According to officials", actor="Brussels", canonical="European Union", stance="support", cue="support",
         issue="a proposal being explored by US and Ukrainian negotiators", optional=True),
    dict(anchor="A senior source", actor="senior source", canonical="senior source", stance="support", cue="confirmed",
         issue="accelerated EU membership is included in the latest version of Washington’s peace plan"),
    dict(anchor="EU accession typically", actor="Hungary", canonical="Hungary", stance="oppose", cue="opponents",
         issue="EU accession", optional=True),
    dict(anchor="Zelenskyy said the United States", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support",
         cue="said", issue="the United States has sufficient leverage to persuade reluctant capitals"),
    dict(anchor="Zelenskyy said the United States", actor="Zelenskyy", canonical="Volodymyr Zelenskyy", stance="support",
         cue="calling", issue="EU membership"),
    dict(anchor="European allies describe", actor="European allies", canonical="European allies", stance="support",
         cue="describe", issue="the moment"),
]


def locate(s: str, anchor_pos: int, after: int = 0) -> dict:
    pos = TEXT.find(s, max(anchor_pos, after))
    if pos < 0:
        pos = TEXT.find(s, anchor_pos)
    assert pos >= 0, s
    return {"text": s, "start": pos, "end": pos + len(s)}


def build() -> dict:
    claims = []
    for c in CLAIMS:
        a = TEXT.find(c["anchor"])
        assert a >= 0, c["anchor"]
        actor = locate(c["actor"], a)
        actor["canonical"] = c["canonical"]
        cue = locate(c["cue"], a)
        issue = locate(c["issue"], a)
        cond = locate(c["condition"], a) if c.get("condition") else None
        addressee = locate(c["addressee"], a) if c.get("addressee") else None
        if addressee:
            addressee["canonical"] = c["addressee"]
        for span in (actor, cue, issue, cond, addressee):
            if span:
                assert TEXT[span["start"] : span["end"]] == span["text"]
        claims.append({"actor": actor, "stance": c["stance"], "issue": issue, "condition": cond, "cue": cue,
                       "addressee": addressee, "optional": bool(c.get("optional"))})
    return {"id": DOC_ID, "text": TEXT, "meta": {"source": "shared/seeds", "annotator": "A", "split": "source"},
            "claims": claims}


if __name__ == "__main__":
    out = HERE / "gold.jsonl"
    out.write_text(json.dumps(build(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
