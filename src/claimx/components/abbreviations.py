"""Titles that end in a period and stay one token ("Sens. Tom Carper", "Lt. Gov. Dan Patrick").

en_core_web_sm's tokenizer knows "Sen.", "Gov." and "Rep." but splits "Sens.", "Reps.", "Lt.",
"Atty." and a few more into a word and a period, and the parser then ends the sentence there:
"..., including Gov. Jack Markell and Sens." and "Tom Carper and Chris Coons." became two sentences,
and the named holders lost their verb.  The callback ``claimx.title_abbreviations.v1`` (run by the
pipeline configs after initialisation) adds each title of ``configs/lexicons/abbreviations.yaml``
as a tokenizer special case.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from ..resources import load_yaml


@spacy.registry.callbacks("claimx.title_abbreviations.v1")
def create_title_abbreviations(path: str = "lexicons/abbreviations.yaml") -> Callable[[Language], Language]:
    def add_titles(nlp: Language) -> Language:
        for title in load_yaml(path).get("titles") or []:
            if not title.endswith(".") or " " in title:
                raise ValueError(f"{path}: a title is one word ending in a period, not {title!r}")
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])
        return nlp

    return add_titles
