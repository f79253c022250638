"""The text of a ``Doc``, built once per document.

``Doc.text`` joins every token's text and whitespace on each access; the rules read it for
quotation and tag checks many times per document.  :func:`doc_text` keeps the first result in the
document's ``user_data`` (a ``Doc``'s text never changes).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "claimx.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return text


__all__ = ["doc_text"]
