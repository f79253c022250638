"""Tokenizer fixes for news text, run by the pipeline configs after initialisation.

Titles that end in a period stay one token ("Sens. Tom Carper", "Lt. Gov. Dan Patrick").
en_core_web_sm's tokenizer knows "Sen.", "Gov." and "Rep." but splits "Sens.", "Reps.", "Lt.",
"Atty." and a few more into a word and a period, and the parser then ends the sentence there:
"..., including Gov. Jack Markell and Sens." and "Tom Carper and Chris Coons." became two sentences,
and the named holders lost their verb.  Each title of ``configs/lexicons/abbreviations.yaml``
becomes a tokenizer special case.

A closing quotation glued to the next word ('...prejudice and paranoia,”Clinton said.', a space
lost when the article was scraped) stays one token "paranoia,”Clinton" for en_core_web_sm, and
the speaker tag is lost with it.  ``claimx.tokenizer_fixes.v1`` also splits the punctuation and
the quote mark off such a word (a lowercase letter, then , . ! or ?, a closing mark, a capital).
``claimx.title_abbreviations.v1`` is the older callback with the titles alone.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex

from ..resources import load_yaml

#: the punctuation and the closing mark between a word and the capital after it
GLUED_QUOTE_INFIXES = (
    r"(?<=[a-z])[,.!?](?=[\"\u201d][A-Z])",
    r"(?<=[a-z][,.!?])[\"\u201d](?=[A-Z])",
)


def _add_titles(nlp: Language, path: str) -> None:
    for title in load_yaml(path).get("titles") or []:
        if not title.endswith(".") or " " in title:
            raise ValueError(f"{path}: a title is one word ending in a period, not {title!r}")
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    for word in load_yaml(path).get("whole_words") or []:
        if " " in word or "-" not in word:
            raise ValueError(f"{path}: a whole word is one hyphenated word, not {word!r}")
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@spacy.registry.callbacks("claimx.title_abbreviations.v1")
def create_title_abbreviations(path: str = "lexicons/abbreviations.yaml") -> Callable[[Language], Language]:
    def add_titles(nlp: Language) -> Language:
        _add_titles(nlp, path)
        return nlp

    return add_titles


@spacy.registry.callbacks("claimx.tokenizer_fixes.v1")
def create_tokenizer_fixes(path: str = "lexicons/abbreviations.yaml", glued_quotes: bool = True) -> Callable[[Language], Language]:
    def fix(nlp: Language) -> Language:
        _add_titles(nlp, path)
        if glued_quotes:
            infixes = list(nlp.Defaults.infixes or []) + list(GLUED_QUOTE_INFIXES)
            nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp

    return fix
