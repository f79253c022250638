"""``claimx_typography``: typographic quotation marks and apostrophes read as plain ones by the
statistical components.

en_core_web_sm was trained on text with straight marks.  Its tok2vec reads, for each token, the
norm, prefix, suffix and shape; spaCy already normalises the norm of "’s" to "'s", but the
prefix, suffix and shape of a token with a curly mark (’ ‘ “ ”) stay different from those of its
straight twin.  About half of the news articles write their apostrophes and quotes that way, and
on them the tagger and parser go wrong where the straight text parses well: in "Republicans
criticized Trump’s attacks on Curiel" the tagger reads "Trump" as a common noun (with "Trump's"
it is a proper noun), and the possessive holder of "attacks on Curiel" is lost.

This component, placed before ``tok2vec``, gives each such token's lexeme the prefix, suffix and
shape of the same word written with straight marks.  The text is untouched (offsets, span texts
and the rules that read the marks themselves see the original characters); only the features the
trained components read change.  Lexemes live in the shared vocab, so each word is mended once.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: curly mark -> the straight mark whose features it takes
STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_CURLY = frozenset(map(chr, STRAIGHT))


class Typography:
    def __init__(self, name: str = "claimx_typography"):
        self.name = name
        self._done: set[int] = set()   # the orth ids whose lexemes are mended (per vocab)
        self._vocab = None

    def __call__(self, doc: Doc) -> Doc:
        if doc.vocab is not self._vocab:
            self._vocab, self._done = doc.vocab, set()
        done = self._done
        for tok in doc:
            orth = tok.orth
            if orth in done:
                continue
            done.add(orth)
            text = tok.text
            if _CURLY.isdisjoint(text):
                continue
            lex, plain = doc.vocab[text], doc.vocab[text.translate(STRAIGHT)]
            lex.prefix_, lex.suffix_, lex.shape_ = plain.prefix_, plain.suffix_, plain.shape_
        return doc


@Language.factory("claimx_typography", assigns=["token.shape", "token.prefix", "token.suffix"])
def make_typography(nlp: Language, name: str) -> Typography:
    return Typography(name)


__all__ = ["Typography", "make_typography", "STRAIGHT"]
