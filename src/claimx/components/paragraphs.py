"""``claimx_paragraphs``: a paragraph break is a sentence break, before the parser runs.

News text separates paragraphs with line breaks; the parser of en_core_web_sm sometimes runs a
sentence across one ("... Never, never Hillary.”\\n\\nAnother commenter said"), which gives a
claim the wrong holder.  This component marks the first token after a line break as a sentence
start (and the tokens inside the paragraph as "unknown", left to the parser), which the parser
respects.  With ``semicolons`` (the default) a semicolon ends a sentence too: the parser otherwise
hangs the clause before it under the verb after it ("Most voters say X; 40 percent say Y" gave the
second holder the first sentence as its issue).  It reads and writes only ``Token.is_sent_start``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaks:
    def __init__(self, name: str = "claimx_paragraphs", semicolons: bool = True):
        self.name = name
        self.semicolons = semicolons

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for tok in doc:
            if tok.is_space and "\n" in tok.text:
                after_break = True
                continue
            if after_break and not tok.is_space:
                tok.is_sent_start = True
                after_break = False
            elif "\n" in tok.whitespace_ or (self.semicolons and tok.text == ";"):
                after_break = True
        return doc


@Language.factory("claimx_paragraphs", assigns=["token.is_sent_start"], default_config={"semicolons": True})
def make_paragraphs(nlp: Language, name: str, semicolons: bool) -> ParagraphBreaks:
    return ParagraphBreaks(name, semicolons)


__all__ = ["ParagraphBreaks", "make_paragraphs"]
