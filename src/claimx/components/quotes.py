"""Direct quotations in news text: where a quoted stretch begins and ends.

Outlets write quotations with curly marks (“...”), straight marks ("..."), doubled single marks
(NYT's ''...''), and sometimes open them with a closing mark (”) after a bidi control or close a
curly opening with a straight mark (“...," she said); a
quotation may stay open to the end of its paragraph when it continues in the next one.
"""

from __future__ import annotations

import re

OPENING_QUOTES = {"\u201c": "\u201d", '"': '"', "''": "''"}
_MAX_QUOTE = 2000


def _normalize_openers(para: str) -> str:
    """Some outlets open quotations with a closing mark (”); at the start of a paragraph or after a
    space or a bidi mark it opens one.  Same length as ``para``."""
    return re.sub(r"(?:(?<=^)|(?<=[\s\u202a\u202c(]))\u201d(?=\S)", "\u201c", para)


def _pair_mixed_marks(para: str) -> str:
    """A curly opening closed by a straight mark (“...," said X) or a straight opening closed by a
    curly one ("...”), as outlets mix them: both marks of such a pair become curly, so that a
    straight mark that closes one quotation is not read as opening another.  Same length as
    ``para``."""
    if '"' not in para or ("\u201c" not in para and "\u201d" not in para):
        return para
    chars = list(para)
    kind, pos = None, -1
    for i, ch in enumerate(chars):
        if ch == "\u201c":
            kind, pos = "curly", i
        elif ch == "\u201d":
            if kind == "straight":
                chars[pos] = "\u201c"
            kind = None
        elif ch == '"':
            if kind == "curly":
                chars[i], kind = "\u201d", None
            elif kind == "straight":
                kind = None
            else:
                kind, pos = "straight", i
    return "".join(chars)


def quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the direct quotation (“...”, "...", or NYT's ''...'') that holds
    ``text[start:end]`` within its paragraph, without its quote marks and trailing punctuation;
    ``None`` when the stretch is not inside one.  A quotation still open at the paragraph's end
    runs to it.  The work is bounded by the paragraph (at most ``_MAX_QUOTE`` characters back)."""
    para_start = max(text.rfind("\n", max(0, start - _MAX_QUOTE), start) + 1, start - _MAX_QUOTE, 0)
    para_end = text.find("\n", end, end + _MAX_QUOTE)
    if para_end < 0:
        para_end = min(len(text), end + _MAX_QUOTE)
    para = _pair_mixed_marks(_normalize_openers(text[para_start:para_end]))
    rs, re_ = start - para_start, end - para_start
    before = para[:rs]
    best = None
    for opener, closer in OPENING_QUOTES.items():
        if opener == closer:
            # symmetric marks: inside a quotation when an odd number precede us in the paragraph
            n = before.count(opener)
            if opener == '"':
                n -= 2 * before.count("''")  # not the NYT mark
            if n % 2 == 0:
                continue
            o = before.rfind(opener)
        else:
            o = before.rfind(opener)
            if o < 0 or before.rfind(closer) > o:
                continue
        if best is None or o > best[0]:
            best = (o, opener, closer)
    if best is None:
        return None
    o, opener, closer = best
    # a stretch that holds the quotation's closing mark runs past it: not inside one quotation
    # ('contends that "the deaths were caused by reckless actions" of Clinton, who ...')
    inside = para[rs:re_]
    if closer in inside or (opener == "\u201c" and '"' in inside):
        return None
    qs = o + len(opener)
    c = para.find(closer, re_)
    if opener == "\u201c":
        # a curly opening closed by a straight mark (“...," she said): the first of either
        straight = para.find('"', re_)
        if straight >= 0 and (c < 0 or straight < c):
            c = straight
    if c < 0 and closer == opener:
        return None
    qe = c if c >= 0 else len(para)
    while qe > qs and (para[qe - 1].isspace() or para[qe - 1] in ",;:.!"):
        qe -= 1
    while qs < qe and para[qs].isspace():
        qs += 1
    if not (qs <= rs and re_ <= qe) or qe - qs < 2:
        return None
    return para_start + qs, para_start + qe
