"""``claimx_paragraphs``: a paragraph break is a sentence break, before the parser runs.

News text separates paragraphs with line breaks; the parser of en_core_web_sm sometimes runs a
sentence across one ("... Never, never Hillary.”\\n\\nAnother commenter said"), which gives a
claim the wrong holder.  This component marks the first token after a line break as a sentence
start (and the tokens inside the paragraph as "unknown", left to the parser), which the parser
respects.  With ``semicolons`` (the default) a semicolon ends a sentence too: the parser otherwise
hangs the clause before it under the verb after it ("Most voters say X; 40 percent say Y" gave the
second holder the first sentence as its issue).  With ``datelines`` (the default) a wire dateline
opening one of the first three paragraphs ("WASHINGTON (AP) — ", "New York (AFP) – ", "MANCHESTER,
N.H. - ") ends before the sentence it introduces: the parser otherwise takes the city for the
subject ("New York (AFP) – actress Susan Sarandon ... is not sure" gave the claim to New York).
It reads and writes only ``Token.is_sent_start``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from .text import doc_text


# A dateline: an upper-case place (with a state: "MANCHESTER, N.H.", and a date: "FLINT, Mich., Oct. 4"),
# an agency in parentheses, or a title-case place with an agency ("New York (AFP)"), then a dash.
DATELINE = re.compile(
    r"(?:(?:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)?"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2})?)"
    r"\s*(?:\([A-Za-z .&/-]{2,30}\))?"
    r"|(?:[A-Z][A-Za-z.']+(?: [A-Z][A-Za-z.']+){0,3}\s*)?\([A-Za-z .&/-]{2,30}\))"
    r"\s*(?:--|\u2013|\u2014|-)\s+(?=\S)")
DATELINE_PARAGRAPHS = 3


class ParagraphBreaks:
    def __init__(self, name: str = "claimx_paragraphs", semicolons: bool = True, datelines: bool = True):
        self.name = name
        self.semicolons = semicolons
        self.datelines = datelines

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        new_paragraph = True   # a dateline opens a paragraph, never a clause after ";"
        paragraphs = 0
        for tok in doc:
            if tok.is_space and "\n" in tok.text:
                after_break = new_paragraph = True
                continue
            opens_paragraph = new_paragraph and not tok.is_space
            if after_break and not tok.is_space:
                tok.is_sent_start = True
                after_break = False
            elif "\n" in tok.whitespace_ or (self.semicolons and tok.text == ";"):
                after_break = True
            if opens_paragraph:
                new_paragraph = False
                paragraphs += 1
                if self.datelines and paragraphs <= DATELINE_PARAGRAPHS:
                    self._dateline(doc, tok)
            if "\n" in tok.whitespace_:
                new_paragraph = True
        return doc

    @staticmethod
    def _dateline(doc: Doc, first: Token) -> None:
        text = doc_text(doc)
        line_end = text.find("\n", first.idx)
        m = DATELINE.match(text, first.idx, line_end if line_end >= 0 else len(text))
        if m is None or len(m.group().strip(" -\u2013\u2014\xa0")) < 4:
            return
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span.start > first.i:
            span[0].is_sent_start = True


@Language.factory("claimx_paragraphs", assigns=["token.is_sent_start"],
                  default_config={"semicolons": True, "datelines": True})
def make_paragraphs(nlp: Language, name: str, semicolons: bool, datelines: bool) -> ParagraphBreaks:
    return ParagraphBreaks(name, semicolons, datelines)


__all__ = ["ParagraphBreaks", "make_paragraphs"]
