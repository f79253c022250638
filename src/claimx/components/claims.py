"""``claimx_claims``: cue-anchored claim records from the dependency parse.

Reads the parse, ``Doc._.actors`` (from ``claimx_actors``) and the cue lexicon; writes
``Doc._.claims``, a list of JSON-ready claim dicts in the SPEC record form plus ``source``
(``"claimx_claims:<rule>"``) and ``confidence``.  Conditions are attached later by
``claimx_conditions``.

The rules live in :mod:`.rules`, one frame builder per rule, named as in ``source``:
``verb_ccomp``, ``verb_xcomp``, ``verb_compose``, ``verb_dobj``, ``verb_prep``, ``verb_passive``,
``parenthetical``, ``according_to``, ``light_noun``, ``evaluative``, ``adjective``, ``agent_noun``.
This module turns their frames into records: a frame's holders give one record each, its content
heads the issue spans (coordinated verb phrases split into records; a cue or subject inside the
content cut out; the actor and cue excluded from the issue, SPEC); a content opening a quotation
runs to the quotation's end; duplicates keep the most confident.  Three rules read the text
around a tag rather than the parse: ``quote_tag`` ("“...,” X said"; with the tag-only verbs
"continued", "read"), ``colon`` ("X wrote: ...") and ``tail_tag`` ("..., records show." where the
parse made no claim at the tag); ``headline`` and ``headline_colon`` read the first line;
``transcript`` reads the speaker labels of an interview transcript ("PENCE: ...", GUIDELINES 9.1).
A first-person holder inside a quotation ("“I think X”") is the quotation's speaker, found from the
claims around it (GUIDELINES 10.1).

A sentence that is a question makes no claim; one that ends in a quoted question keeps what it
says before the quotation.  A cue inside the reported content of a reporting cue is not a claim
of its own when ``nested`` is ``"suppress"`` (GUIDELINES 1.4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..resources import actor_gazetteer, cue_lexicon
from .actors import PRONOUNS, mention_at, noun_phrase
from .data import DataComponent
from .quotes import quotation_around
from .rules import (ASKING, NOUN_READ_VERBS, NOT_ACTORS, OPENING_MARKS, RELATIVE, SUBJECTS, Content, CueLexicon, Frame, body_pronoun, described_name,
                    described_people, writers_turn,
                    _channel, _conjunct_of_the_source, _pobj, _describes_the_source, according_source, first_person_narrator, frames_at, holder, name_read_as_modal,
                    named_appositive, partitive_one, quoted_first_person)
from .text import doc_text

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


def _slot(mention: dict[str, Any]) -> dict[str, Any]:
    """An actor or addressee slot from a mention (its span and canonical, nothing else)."""
    return {"text": mention["text"], "start": mention["start"], "end": mention["end"], "canonical": mention["canonical"]}


def _span_dict(doc: Doc, start: int, end: int) -> dict[str, Any]:
    span = doc[start:end]  # Span.text is local; Doc.text would rebuild the whole text each call
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


class ClaimFinder(DataComponent):
    """Finds claims: the rules (:mod:`.rules`) make frames, this turns them into records.  Its
    state is the cue lexicon and the actor nouns (saved inside a pipeline)."""

    def __init__(self, nlp: Language, name: str, nested: str = "suppress"):
        if nested not in ("suppress", "keep"):
            raise ValueError(f"nested must be 'suppress' or 'keep', not {nested!r}")
        self.name = name
        self.nested = nested
        self._nlp = nlp  # the pipeline, to re-parse a title-case headline
        self._verb_exc: dict[str, list[str]] | None = None  # the lemmatizer's verb exceptions
        self.data: dict[str, Any] | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   lexicon: dict[str, Any] | None = None, gazetteer: dict[str, Any] | None = None) -> None:
        """Load the cue lexicon and the gazetteer's actor nouns: ``lexicon`` and ``gazetteer`` from
        ``[initialize.components.NAME]``, else the default files of ``claimx.cue_lexicon.v1`` and
        ``claimx.actor_gazetteer.v1``."""
        lexicon = lexicon if lexicon is not None else cue_lexicon()
        gazetteer = gazetteer if gazetteer is not None else actor_gazetteer()
        self.set_data({"lexicon": lexicon, "actor_nouns": list(gazetteer.get("actor_nouns") or [])})

    def set_data(self, data: dict[str, Any]) -> None:
        self.data = data
        self.lex = CueLexicon.from_dict(data["lexicon"], data["actor_nouns"])

    # -- the component ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            raise ValueError("claimx_claims needs claimx_actors earlier in the pipeline")
        if self.data is None:
            self.initialize()  # added to a pipeline by hand: the default lexicon
        fixes = self.lex.lemma_fixes
        if fixes:
            for tok in doc:
                if tok.pos_ in ("VERB", "AUX") and tok.lower_ in fixes:
                    tok.lemma_ = fixes[tok.lower_]
        claims: list[dict[str, Any]] = []
        askers: list[dict[str, Any]] = []   # speakers of quoted questions (quote_tag)
        for sent in doc.sents:
            asks = self._question_start(sent)
            if asks == sent.start_char:
                continue
            first = len(claims)
            for tok in sent:
                claims.extend(self.claims_at(tok))
                if tok.lower_ == "according" and not _cue_taken(claims[first:], tok):
                    claims.extend(self.according_colon(doc, tok))
                if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.report:
                    claims.extend(self.quote_tag(doc, tok, askers))
                    claims.extend(self.colon_content(doc, tok))
                    if self.lex.polarity.get(tok.lemma_.lower()) == "support" and not _cue_taken(claims[first:], tok) and \
                            not any(c.dep_ in ("xcomp", "dobj", "obj") for c in tok.children):
                        # 'Ryan said, “Sure. I get that, too. ...”': the parse found no content in
                        # the quotation after the comma (it opens with an interjection or a question)
                        claims.extend(self.tag_verb_quote(doc, tok))
                elif tok.pos_ == "VERB" and self._tag_verb(tok):
                    claims.extend(self.quote_tag(doc, tok, askers))
                    claims.extend(self.tag_verb_quote(doc, tok))
                elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("ask", "wonder"):
                    self.quote_tag(doc, tok, askers, questions_only=True)   # only the speaker of a quoted question
                elif tok.pos_ == "VERB" and not _cue_taken(claims[first:], tok):
                    claims.extend(self.colon_quote(doc, tok))
                    if self._bare_tag(doc, tok):
                        claims.extend(self.quote_tag(doc, tok, askers, bare=True))
            claims.extend(self.tail_tag(doc, sent, claims[first:]))   # this sentence's claims only
            claims.extend(self.closed_quote_tag(doc, sent, claims[first:]))
            claims.extend(self.inverted_tail_tag(doc, sent, claims[first:]))
            claims.extend(self.called_quote(doc, sent, claims[first:]))
            claims.extend(self.noun_read_verb(doc, sent, claims[first:]))
            claims.extend(self.comma_tag(doc, sent, claims[first:]))
            if asks is not None:
                # "De Blasio said X and said, “Who are you going to trust?”": what comes before
                # the quoted question stands; a quotation that goes on after the sentence ends is
                # its tag's content all the same (the question left out later: _statement_only)
                goes_on = self._quotation_goes_on(sent, asks)
                claims[first:] = [c for c in claims[first:] if (c["issue"]["end"] <= asks or goes_on)
                                  and (c["cue"] or c["issue"])["start"] < asks
                                  and not self._asking(doc, c)]
        turns = self.transcript_turns(doc)
        if turns:
            claims = self._turn_claims(doc, turns, claims)
        claims = [c for c in claims if not self._reaches_out_of_its_quotation(doc, c)]
        claims = self._quoted_speakers(doc, claims, askers)
        head = self.headline(doc, claims)
        if head:
            # a headline the rules re-read replaces what the first parse made of it
            end = doc_text(doc).find("\n")
            claims = [c for c in claims if c["issue"]["start"] >= end] + head
        doc._.claims = self._clean(doc, claims)
        return doc

    @staticmethod
    def _reaches_out_of_its_quotation(doc: Doc, claim: dict[str, Any]) -> bool:
        """A cue inside a quotation whose content the parser found before the quotation opened
        ("Henry tweeted, “X — Palmieri told me Y”": "told" taking "Henry tweeted"): a quoted speaker's
        verb reports nothing outside the quotation."""
        cue = claim["cue"]
        if cue is None:
            return False
        text = doc_text(doc)
        quote = quotation_around(text, cue["start"], cue["end"])
        # (three words of the quotation before the cue: not the gap between a curly and a straight
        # quotation, '“A," she said. "B"', which pairs the straight marks around the tag)
        return quote is not None and claim["issue"]["end"] <= quote[0] and len(_WORD.findall(text[quote[0]:cue["start"]])) >= 3

    @staticmethod
    def _asking(doc: Doc, claim: dict[str, Any]) -> bool:
        """A claim whose cue asks ("asked the crowd, “...?”"): the question is its content."""
        cue = claim["cue"]
        if cue is None:
            return False
        span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
        return span is not None and any(t.lemma_.lower() in ASKING for t in span)

    @classmethod
    def _question_start(cls, sent: Span) -> int | None:
        """Where the question of a sentence that ends in "?" begins: the sentence's start (no claim
        in it: a headline question, "Does X support Y?"), or the opening mark of a quotation that
        closes it after a statement ("X said Y and asked, “Who ...?”"); None when it asks nothing."""
        text = sent.text.rstrip()
        if not text.rstrip("\"'\u201d\u2019)").endswith("?"):
            return None
        body = text.rstrip("\"'\u201d\u2019)")
        i = max(body.rfind("\u201c"), body.rfind("''"), body.rfind(' "'))
        if cls._quotation_goes_on(sent, sent.start_char + i):
            # 'Graham said, “How many of you believe X? I believe Y.”': the quotation goes on
            # after its question, to a statement in the next sentence; the question asks
            return sent.start_char + i
        if i <= 0 or text[:i].rstrip().endswith(("?", ".")) or len(_WORD.findall(text[:i])) < 4:
            return sent.start_char
        return sent.start_char + i

    @staticmethod
    def _quotation_goes_on(sent: Span, asks: int) -> bool:
        """The question at ``asks`` is in a curly quotation opened there and still open at the
        sentence's end: the quotation goes on to the next sentence."""
        text = sent.text.rstrip()
        i = asks - sent.start_char
        return 0 < i < len(text) and text[i] == "\u201c" and "\u201d" not in text[i:] and text.endswith("?")

    # -- headlines ---------------------------------------------------------------------------
    _COLON = re.compile(r"([^:\n]{2,80}?):\s+(\S[^\n]*)")
    HEADLINE_MAX = 200

    def headline(self, doc: Doc, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Claims of the document's first line when it is a headline (GUIDELINES 8.1):
        ``headline_colon``: "Holder: content" (the holder a named actor, no cue); ``headline``: a
        title-case headline ("Sanders Promises Action On Immigration"), which the parser reads
        badly, is re-parsed in sentence case (same characters, same offsets) and the rules run
        on that.  A headline that asks a question makes no claim."""
        text = doc_text(doc)
        end = text.find("\n")
        if end < 0 or end > self.HEADLINE_MAX:
            return []
        line = text[:end].rstrip()
        if not line or line.rstrip(".\"'\u201d\u2019").endswith("?"):
            return []
        m = self._COLON.fullmatch(line)
        if m is not None:
            return self._verb_then_colon(doc, m, found) or self._colon_headline(doc, m)
        if not _title_case(line):
            return self._name_verb_headline(doc, line, found)   # sentence case: the document's parse, or this
        return self._title_case_headline(doc, line)

    def _colon_headline(self, doc: Doc, m: re.Match) -> list[dict[str, Any]]:
        text = doc_text(doc)
        hs, he = m.span(1)
        mentions = [a for a in doc._.actors or [] if a["start"] >= hs and a["end"] <= he and a.get("label") in
                    ("PERSON", "ORG", "GPE", "NORP")]
        if not mentions:
            named = self._headline_name(doc, hs, he)
            if named is None:
                return []  # "Election 2016: ...", "Poll: ...": a topic, not a holder
            mentions = [named]
        # "Clinton to Planned Parenthood: ...", "CNN President On Trump: ...": the holder before
        # "to" / "on", the one spoken to after "to" the addressee (GUIDELINES 11.18)
        addressee = None
        split = re.search(r"\s(to|on)\s", text[hs:he], re.I)
        if split is not None:
            cut = hs + split.start()
            before = [a for a in mentions if a["end"] <= cut]
            if not before:
                named = self._headline_name(doc, hs, cut)
                before = [named] if named is not None else []
            if before:
                holder = max(before, key=lambda a: a["end"] - a["start"])
                if split.group(1).lower() == "to":
                    after = [a for a in mentions if a["start"] >= hs + split.end()]
                    if after:
                        a = max(after, key=lambda a: a["end"] - a["start"])
                        addressee = _slot(a)
                return self._colon_record(text, holder, m, addressee)
        holder = max(mentions, key=lambda a: a["end"] - a["start"])
        if text[he:he + 1] != ":" or text[holder["end"]:he].strip(" ’'s"):
            # the holder must end the left part ("WSJ editorial" keeps its phrase)
            rest = text[holder["end"]:he].strip()
            if len(rest.split()) > 2:
                return []
            holder = {**holder, "text": text[holder["start"]:he].rstrip(), "end": holder["start"] + len(text[holder["start"]:he].rstrip())}
        return self._colon_record(text, holder, m, None)

    def _verb_then_colon(self, doc: Doc, m: re.Match, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"Carly Fiorina Endorses Ted Cruz: I Am 'Horrified' By Donald Trump": the left part is a
        headline of its own (read as one), and what follows the colon is its first name's words."""
        text = doc_text(doc)
        hs, he = m.span(1)
        left = text[hs:he]
        if hs != 0 or len(_WORD.findall(left)) < 3:
            return []
        out = self._title_case_headline(doc, left) if _title_case(left) else self._name_verb_headline(doc, left, found)
        holders = [c["actor"] for c in out if c["actor"]["start"] == 0 and c.get("cue")]
        if not holders:
            return []   # the left part is no statement of a name's: a topic ("Trump Rally Live: ...")
        return out + self._colon_record(text, holders[0], m, None)

    def _colon_record(self, text: str, holder: dict[str, Any], m: re.Match,
                      addressee: dict[str, Any] | None) -> list[dict[str, Any]]:
        cs, ce = m.span(2)
        while cs < ce and text[cs] in "\"'\u201c\u2018":
            cs += 1
        while ce > cs and text[ce - 1] in ".,;:!\"'\u201d\u2019 ":
            ce -= 1
        if ce - cs < 3:
            return []
        actor = _slot(holder)
        return [{"actor": actor, "stance": "support", "issue": {"text": text[cs:ce], "start": cs, "end": ce},
                 "condition": None, "cue": None, "addressee": addressee, "optional": False,
                 "source": f"{self.name}:headline_colon", "confidence": 0.7}]

    TOPIC_WORDS = {"poll", "polls", "watch", "video", "exclusive", "breaking", "analysis", "opinion", "update",
                   "live", "report", "review", "editorial", "letters", "photos", "fact", "check", "election",
                   "debate", "explainer", "interview", "podcast", "quiz", "the", "a", "an"}

    def _headline_name(self, doc: Doc, start: int, end: int) -> dict[str, Any] | None:
        """A holder the tagger missed in a headline: one to four capitalized words that the body
        names again (the canonical of that later mention when there is one)."""
        text = doc_text(doc)
        name = text[start:end].strip()
        words = name.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        if {w.lower().strip(".,") for w in words} & self.TOPIC_WORDS:
            return None
        body_start = text.find("\n")
        later = [a for a in doc._.actors or [] if a["start"] > body_start and (a["text"] == name or a["text"] == words[-1])
                 and a.get("label") in ("PERSON", "ORG", "GPE", "NORP")]
        if not later and name not in text[body_start:]:
            return None
        s = start + text[start:end].index(name)
        canonical = max((a["canonical"] for a in later), key=len) if later else name
        return {"text": name, "start": s, "end": s + len(name), "canonical": canonical, "label": "PERSON"}

    def _reparse(self, text: str) -> Doc:
        """``text`` through the pipeline up to this component (the headline re-reads)."""
        sub = self._nlp.make_doc(text)
        for name, proc in self._nlp.pipeline:
            if name == self.name:
                break
            sub = proc(sub)
        return sub

    _STAND_INS = {3: "Lee", 4: "Ford", 5: "Smith", 6: "Harris", 7: "Johnson", 8: "Anderson", 9: "Robertson",
                  10: "Richardson"}

    def _name_verb_headline(self, doc: Doc, line: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A sentence-case headline "Name verbs X" ("Trump demands Ginsburg resign", "Clinton
        blasts Trump over 'deportation force' idea"): without a determiner the parser reads the
        name and the verb as one noun phrase and the document's parse makes no claim there. The
        headline is re-read with "He" in place of the name (the rest keeps its characters, offsets
        shift by a constant; a person's name after the verb is read as a plain surname of the same
        length) and the name holds what the rules find at the verb and the verbs joined to it. Only
        where the document's parse made no claim at that verb, and when the name is an actor
        mention (GUIDELINES 21.6)."""
        end = len(line)
        taken = {c["cue"]["start"] for c in found if c.get("cue") and c["cue"]["start"] < end}
        mentions = [a for a in doc._.actors or [] if a["start"] == 0 and a["end"] < end
                    and a.get("label") in ("PERSON", "ORG", "GPE", "NORP")]
        if not mentions:
            return []
        name = max(mentions, key=lambda a: a["end"])
        m = re.match(r" ([a-z]+s)\b", line[name["end"]:])
        if m is None:
            return []
        shift = name["end"] - 2
        # a person's name after the verb is read with a plain surname of the same length in its
        # place: the tagger takes "Trump" there for a verb ("Clinton blasts Trump over X"), and a
        # name it misreads changes how it reads the verbs around it
        rest = list(line[name["end"]:])
        for a in doc._.actors or []:
            if a.get("label") == "PERSON" and name["end"] <= a["start"] and a["end"] <= end:
                for w in re.finditer(r"[A-Z][a-z]+", a["text"]):
                    stand = self._STAND_INS.get(len(w.group(0)))
                    if stand is not None:
                        at = a["start"] - name["end"] + w.start()
                        rest[at:at + len(stand)] = stand
        sub = self._reparse("He" + "".join(rest) + "\n")
        verb = next((t for t in sub if t.idx == 3), None)
        if verb is None or verb.pos_ not in ("VERB", "AUX") or not (self.lex.is_cue_verb(verb)):
            return []
        text = doc_text(doc)
        out = []
        # the verb and the verbs joined to it ("Putin chides Turkey and praises Trump"), each
        # unless the document's parse already made a claim at it
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
        for c in (c for v in verbs if v.idx + shift not in taken for c in self.claims_at(v)):
            if c["actor"]["start"] != 0:
                continue   # the holder must be the name ("He")
            for slot in ("issue", "cue", "addressee", "condition"):
                span = c.get(slot)
                if span:
                    span["start"] += shift
                    span["end"] += shift
                    span["text"] = text[span["start"]:span["end"]]
            c["actor"] = _slot(name)
            c["source"] = f"{self.name}:headline"
            c["confidence"] = round(min(c["confidence"], 0.7), 3)
            out.append(c)
        if out:
            out += [c for c in found if c["issue"]["start"] < end]   # the headline's claims from the document's parse stay
        return out

    def _title_case_headline(self, doc: Doc, line: str) -> list[dict[str, Any]]:
        # a word stays capitalized when the body writes it so mid-sentence (a name); the parser's
        # title-case entities are not trusted ("Bernie Sanders Promises Action On Immigration In")
        body = doc_text(doc)[len(line):]
        keep = set()
        for mt in re.finditer(r"\S+", line):
            core = mt.group(0).strip("\"'\u2018\u2019\u201c\u201d.,;:!?()")
            if core[:1].isupper() and re.search(r"[a-z,] " + re.escape(core) + r"\b", body):
                keep.add(mt.start())
        chars, first = list(line), True
        for mt in re.finditer(r"\S+", line):
            w = mt.group(0)
            if not (first or mt.start() in keep or (w.isupper() and len(w) > 1)):
                low = w.lower()
                if len(low) == len(w):
                    chars[mt.start():mt.end()] = list(low)
            first = False
        cased = "".join(chars)
        if len(cased) != len(line):
            return []  # lower-casing changed a length (rare letters): leave it
        sub = self._reparse(cased + "\n")
        found = []
        for tok in sub:
            found.extend(self.claims_at(tok))
        out_claims = []
        for c in found:
            for slot in ("actor", "issue", "cue", "addressee"):
                span = c.get(slot)
                if span:
                    span["text"] = doc_text(doc)[span["start"]:span["end"]]
            a_s, a_e = c["actor"]["start"], c["actor"]["end"]
            overlapping = [a for a in doc._.actors or [] if a["start"] >= a_s and a["end"] == a_e]
            if overlapping:
                best = max(overlapping, key=lambda a: (a["end"] == a_e, min(a_e, a["end"]) - max(a_s, a["start"])))
                c["actor"] = _slot(best)
            c["source"] = f"{self.name}:headline"
            c["confidence"] = round(min(c["confidence"], 0.7), 3)
            out_claims.append(c)
        return out_claims

    def colon_content(self, doc: Doc, v: Token) -> list[dict[str, Any]]:
        """``colon``: a reporting verb followed within a few words by a colon ("tweeted in
        response: '...'", "explained why: ...", "wrote: ...") reports what follows the colon, to
        the end of the sentence or of the quotation it opens.  ``quote_after``: a tag with no
        content that ends its sentence right before a quotation ("X said in a statement. “...”")
        reports that quotation (GUIDELINES 8.13)."""
        if self.lex.polarity.get(v.lemma_.lower()) != "support" or any(c.dep_ == "neg" for c in v.children):
            return []
        if any(c.dep_ == "ccomp" for c in v.children):
            return []  # the parse found the content
        sent = v.sent
        colon = None
        rule = "colon"
        for tok in doc[v.i + 1: min(sent.end, v.i + 7)]:
            if tok.text == ":":
                colon = tok
                break
            if tok.text == "." and tok.i == sent.end - 1 and self._quotation_follows(doc, tok) and \
                    not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prt") for c in v.children) and \
                    not any(q in doc_text(doc)[sent.start_char: v.idx] for q in ("\u201c", "\u201d", '"', "''")):
                # "Sam Lau said in a statement. “There are no paper ballots to recount.”": a tag
                # with no content of its own, closed by a period before the quotation it introduces
                colon, rule = tok, "quote_after"
                break
            if tok.pos_ in ("VERB", "AUX") or tok.text in ".;\u201c\u201d\"":
                return []
        if colon is None or colon.i + 1 >= len(doc):
            return []
        holders, _ = holder(v, self.lex)
        if not holders:
            return []
        span = self._after_colon(doc, colon, rule == "colon")
        if span is None:
            return []
        out = []
        for h in holders:
            actor = self._entity(doc, h)
            if actor is None:
                continue
            out.append(self._read_record(doc, actor, *span, (v.i, v.i + 1), rule, 0.7))
        return out

    COLON_QUOTE_REACH = 8   # tokens from the verb to the colon

    def colon_quote(self, doc: Doc, v: Token) -> list[dict[str, Any]]:
        """``colon``: any verb whose subject is a speaker, followed within a few words (no other
        verb, no quotation) by a colon and a direct quotation ("Trump leaned in and boomed: “Let's
        defeat her”", "Mr. Christie gloated: ''I told you''", "he returned to his familiar lines:
        “...”"): the quotation is the subject's claim, the verb its cue. Verbs of the lexicon do this
        in :meth:`colon_content`, with or without quotation marks."""
        if any(c.dep_ == "neg" for c in v.children) or v.dep_ in ("amod", "compound", "aux", "auxpass"):
            return []
        # the colon first: this runs at every verb, and most have none after them
        sent = v.sent
        colon = None
        for tok in doc[v.i + 1: min(sent.end, v.i + 1 + self.COLON_QUOTE_REACH)]:
            if tok.text == ":":
                colon = tok
                break
            if tok.pos_ in ("VERB", "AUX") or tok.text in ".;!?\u201c\u201d\"" or tok.text == "''":
                return []
        if colon is None or colon.i + 1 >= len(doc) or doc[colon.i + 1].text not in ("\u201c", '"', "''", "``"):
            return []
        cur = v
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        while subj is None and cur.dep_ == "conj" and cur.head.i < cur.i:
            cur = cur.head   # "then leaned in and boomed:": the first verb's subject
            subj = next((c for c in cur.children if c.dep_ == "nsubj" and c.i < cur.i), None)
        if subj is None or subj.lower_ in NOT_ACTORS or subj.lower_ in RELATIVE:
            return []
        if subj.pos_ not in ("PRON", "PROPN") and not self.likely_holder(subj):
            return []
        text = doc_text(doc)
        if quotation_around(text, v.idx, v.idx + 1) is not None:
            return []   # a verb inside a quotation
        span = self._after_colon(doc, colon, False)
        if span is None or quotation_around(text, span[0], span[0] + 1) is None or len(text[span[0]:span[1]].split()) < 3:
            return []
        if text[span[1]:sent.end_char].strip(" \t\n.,!;:\u201d\"'\u2019"):
            return []   # a quoted phrase inside the sentence ("three things: “milk”, ...")
        actor = self._entity(doc, named_appositive(subj))
        if actor is None:
            return []
        return [self._read_record(doc, actor, *span, (v.i, v.i + 1), "colon", 0.6)]

    @staticmethod
    def _after_colon(doc: Doc, colon: Token, blocks: bool = True) -> tuple[int, int] | None:
        """What a colon introduces (character bounds): the quotation it opens, else the rest of its
        sentence; a colon ending its paragraph (``blocks``) introduces the next paragraph."""
        text = doc_text(doc)
        start = colon.idx + 1
        block = blocks and "\n" in text[start: start + 3] and not text[start: colon.sent.end_char].strip()
        while start < len(text) and text[start] in " \t\u201c\"'\u2018" + ("\n" if block else ""):
            start += 1
        quote = quotation_around(text, start, start + 1)
        if quote is not None and quote[0] <= start + 1:
            s_, e_ = quote
        else:
            # "he said:\n\nLet no one be mistaken ...": a colon ending its paragraph introduces the next one
            end = text.find("\n", start) if block else colon.sent.end_char
            s_, e_ = start, (end if end >= 0 else len(text))
            while e_ > s_ and text[e_ - 1] in " \n.,;:!\u201d\"'\u2019":
                e_ -= 1
        if e_ - s_ < 3 or text[e_:e_ + 1] == "?":
            return None
        return s_, e_

    def according_colon(self, doc: Doc, tok: Token) -> list[dict[str, Any]]:
        """``according_to`` before a colon ("According to the Times:", "According to Jack Kelly,
        writing for RealClearPolitics:"): the source holds what the colon introduces."""
        found = according_source(tok)
        if found is None:
            return []
        to, src = found
        end = max(t.i for t in src.subtree)
        k = end + 1
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].tag_ in ("VBG", "VBN"):
            # ", writing for RealClearPolitics:": a few words describing the source, then the colon
            k = next((t.i for t in doc[k + 2: min(len(doc), k + 10)] if t.text in (":", ",", ".", ";") or t.is_space), k)
        if k >= len(doc) or doc[k].text != ":":
            return []
        span = self._after_colon(doc, doc[k])
        actor = self._entity(doc, src)
        if span is None or actor is None:
            return []
        return [self._read_record(doc, actor, *span, (tok.i, to.i + 1), "according_to", 0.8)]

    @staticmethod
    def _quotation_follows(doc: Doc, period: Token) -> bool:
        """The next sentence, in the same paragraph, opens with a quotation mark."""
        text = doc_text(doc)
        k = period.idx + 1
        while k < len(text) and text[k] in " \t\xa0":
            k += 1
        return k < len(text) and text[k] in "\u201c\"" and "\n" not in text[period.idx:k]

    _CLOSE = re.compile(r"[^?]([,.!][ \t\xa0]*(?:\u201d|\"|''|\u2019\u2019))[ \t\xa0]*$")
    _CLOSE_QUESTION = re.compile(r"\w(\?[ \t\xa0]*(?:\u201d|\"|''|\u2019\u2019))[ \t\xa0]*$")
    _REOPEN = re.compile(r"[^\u201c\"\n]{0,80}?,\s*(\u201c|\"|'')")

    def _bare_tag(self, doc: Doc, v: Token) -> bool:
        """A verb outside the lexicon used as a quotation's tag ("“...,” he laughed.", "“...!”
        Trump boomed"): it takes no object or clause, and only its subject stands between it and
        the quotation's closing mark."""
        if any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "dative", "attr", "acomp") and c.i > v.i for c in v.children):
            return False
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or not (subj.pos_ in ("PRON", "PROPN") or self.likely_holder(subj)):
            return False   # '“Call the roll,” shouts rang out': no speaker
        k = v.i - 1
        while k > 0 and k > v.i - 5 and doc[k].text not in self._CLOSING_MARKS:
            if doc[k].is_punct:
                return False
            k -= 1
        return k > 0 and doc[k].text in self._CLOSING_MARKS and doc[k - 1].text in (",", "!")

    def quote_tag(self, doc: Doc, v: Token, askers: list[dict[str, Any]] | None = None,
                  questions_only: bool = False, bare: bool = False) -> list[dict[str, Any]]:
        """``quote_tag``: a quotation closed by a comma right before its speaker tag
        ("“...,” X said", "“...,” said X"), however the parser attached it, is X's claim; a
        quotation the tag cuts in two ("“A,” he said, “B”") gives a second claim (GUIDELINES 9.8).
        A quotation that ends in "?" is a question, not a claim; its speaker goes to ``askers``
        (a speaker for a first-person quotation after it).  ``questions_only``: a verb of asking,
        whose tagged questions are looked for and nothing else."""
        lemma = v.lemma_.lower()
        if (self.lex.polarity.get(lemma) != "support" and not self._tag_verb(v) and not questions_only and not bare) \
                or any(c.dep_ == "neg" for c in v.children):
            return []
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None) or name_read_as_modal(v)
        prev = v.i - 1
        while prev > 0 and doc[prev].is_space:
            prev -= 1
        if subj is not None and subj.i < v.i and prev >= 0 and doc[prev].text in self._CLOSING_MARKS:
            # '“... Every single amendment,” said Cruz': the parser gave the inverted tag the
            # quotation's last noun as a second subject; the one after the verb speaks
            subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i > v.i), subj)
        if subj is None and v.i >= 4 and doc[v.i - 1].text == "," and doc[v.i - 2].like_num \
                and doc[v.i - 3].text == "," and doc[v.i - 4].pos_ == "PROPN":
            # '“...,” Ramos, 58, told AFP': the parser coordinated the name and the tag with the
            # quotation's verb; the name with its age before the verb speaks
            subj = doc[v.i - 4]
        if subj is None and prev >= 0 and doc[prev].is_punct:
            # an inverted tag the parser read as verb + object ('“...,” added Gowdy.')
            subj = next((c for c in v.children if c.i > v.i and c.dep_ in ("dobj", "attr", "npadvmod", "oprd")
                         and c.pos_ == "PROPN"), None)
            if subj is None:
                # '“...,” said Ben Carson, asked about X': the parser made the name the subject of
                # the participle after it, and the participle the tag's complement
                comp = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
                name = next((c for c in comp.children if c.dep_ == "nsubj"), None) if comp is not None else None
                if name is not None and name.pos_ == "PROPN" and name.left_edge.i == v.i + 1 \
                        and name.i + 1 < comp.i and doc[name.i + 1].text == ",":
                    subj = name
        if subj is None or subj.lower_ in NOT_ACTORS or subj.lower_ in RELATIVE:
            return []
        subj = named_appositive(subj)   # '“...,” the press secretary, Josh Earnest, said'
        text = doc_text(doc)
        first = subj
        while first.i > 0 and first.nbor(-1) in subj.subtree and not first.nbor(-1).is_punct:
            first = first.nbor(-1)
        tag_start = min(first.idx, v.idx)
        m = (self._CLOSE_QUESTION if questions_only else self._CLOSE).search(text, max(0, tag_start - 8), tag_start)
        if m is None:
            return []
        inner = m.start(1) - 1
        while inner > 0 and text[inner] in ",.!;:":
            inner -= 1   # "...very well!!”": inside the quotation, before its closing punctuation
        first_quote = quotation_around(text, inner, inner + 1)
        if first_quote is None:
            return []
        # the quotation must open its sentence: "the 'woman card,' she said" quotes a phrase of a
        # sentence that is itself the claim (left to the parse)
        before = text[max(0, first_quote[0] - 40):first_quote[0]].rstrip(" \t\u201c\u201d\"'\u202a\u202c")
        quotes = [first_quote]
        if before and before[-1] not in ".!?:\n\u201d\"'":
            quotes = []   # (the quotation the tag reopens is still the speaker's: "The ''X,'' he said, ''and Y''")
        tag_end = max(subj.right_edge.idx + len(subj.right_edge), v.idx + len(v))
        again = self._REOPEN.match(text, tag_end, tag_end + 90)
        if again is not None and self._tag_words_only(doc, tag_end, again.start(1)):
            quotes.append(quotation_around(text, again.end(), again.end() + 1))
        actor = self._entity(doc, subj)
        if actor is None:
            return []
        out = []
        for q in quotes:
            if q is None:
                continue
            if "?" in text[q[1] - 1:q[1] + 1]:   # the quotation keeps its "?" or stops right before it
                if askers is not None:
                    # no claim, but a speaker for the first-person quotation after it ("“Isn't that a
                    # bribe?” Trump asked. “I think it's a bribe.”")
                    askers.append({"actor": actor, "issue": {"start": q[0], "end": q[1]}})
                continue
            if q[1] - q[0] < 2 or questions_only:
                continue
            lead = re.match(r"(?:but|and|so)\s+", text[q[0]:q[1]], re.I)
            if lead:
                q = (q[0] + lead.end(), q[1])
            out.append(self._read_record(doc, actor, q[0], q[1], (v.i, v.i + 1), "quote_tag", 0.8))
        return out

    @staticmethod
    def _tag_words_only(doc: Doc, start: int, end: int) -> bool:
        """Between a speaker tag and the quotation it reopens ("“A,” he told X after the debate, “B”")
        stand only the tag's own words: no sentence end ("..., Gilmore said. Fiorina said, “B”"), no
        reported clause opened by "that" ("she argued that it would be X, “because Y”")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        return not any(t.text in (".", "!", "?") or (t.lower_ == "that" and t.dep_ == "mark") for t in span)

    TAIL_NP = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "PART", "ADP"}

    def _verb_lemmas(self, tok: Token) -> set[str]:
        """The lemmas ``tok`` has as a verb, whatever the tagger made of it ("records *show*" tagged
        as a noun): its own lemma and the lemmatizer's verb exceptions ("wrote" -> write)."""
        out = {tok.lemma_.lower(), tok.lower_}
        if self._verb_exc is None:
            table: dict[str, list[str]] = {}
            if self._nlp is not None and "lemmatizer" in self._nlp.pipe_names:
                lookups = getattr(self._nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_exc"):
                    table = dict(lookups.get_table("lemma_exc").get("verb", {}))
            self._verb_exc = table
        out.update(self._verb_exc.get(tok.lower_, []))
        if tok.lower_.endswith("s"):
            out.add(tok.lower_[:-1])
        return out

    def tail_tag(self, doc: Doc, sent: Span, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``tail_tag``: a sentence that ends in a speaker tag after a comma ("X, campaign finance
        records show.", "X, Justice Department counsel Caroline Wolverton wrote.") is the tag's
        claim, where the parse made none at the tag: the small parser often reads "show" or
        "says" there as a noun, or hangs the clause off something else.  The tag is a noun phrase
        of at most 14 words (participles allowed) and a verb of the cue lexicon's reporting verbs (support polarity,
        not negated), the content everything from the start of the sentence to the comma."""
        end = sent.end
        while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            if not doc[end - 1].is_space and doc[end - 1].text not in (".", "!", "\u201d", '"', "''", "\u2019"):
                return []
            end -= 1
        if end - sent.start < 5:
            return []
        v = doc[end - 1]
        # "..., Tad Devine told The Huffington Post.": the tag's verb may take a short addressee or
        # adjunct after it (a name, "reporters", "in a statement")
        j = end - 1
        while j > end - 7 and j > sent.start + 4 and doc[j].pos_ in ("PROPN", "DET", "NOUN", "ADP", "NUM") \
                and not doc[j].is_punct and not (doc[j].text.islower() and doc[j].tag_ in ("VBD", "VBZ", "VBP")):
            j -= 1
        if j < end - 1 and doc[j].text.islower() and doc[j].tag_ in ("VBD", "VBZ", "VBP"):
            said = self._verb_lemmas(doc[j])
            if any(self.lex.reports(lemma) for lemma in said) and (doc[j + 1].pos_ == "ADP" or "tell" in said):
                v = doc[j]   # (not "he said Ryan.": a name after "said" is what was said)
        # a finite verb form (or the noun the tagger made of one), never a name or a participle
        if not v.text.islower() or v.tag_ not in ("VBD", "VBZ", "VBP", "NN", "NNS") or any(c.dep_ == "neg" for c in v.children):
            return []
        lemmas = self._verb_lemmas(v)
        if not any(self.lex.reports(lemma) for lemma in lemmas):
            return []
        if _cue_taken(found, v) or doc[v.i - 1].pos_ in ("DET", "ADP", "ADJ", "CCONJ", "PART", "NUM"):
            return []   # ("... areas of the state.": a noun after its article, not a tag's verb)
        k = v.i - 1
        tag_end = v.i
        if doc[k].text == "," and k - 1 > sent.start and doc[k - 1].pos_ == "PROPN":
            k, tag_end = k - 1, k   # "..., his top aide, Tad Devine, told X": a name set off by commas
        # a personal pronoun for the tag ("..., even with a “good” job, he said.")
        pronoun = v.i - 2 > sent.start and doc[k].lower_ in ("he", "she", "they", "we") and doc[k - 1].text == ","
        if pronoun:
            k -= 1
        while k > sent.start and doc[k].text != "," and v.i - k <= 14:
            # a participle inside the tag ("records compiled by the Center for Responsive Politics show")
            if doc[k].pos_ not in self.TAIL_NP and doc[k].text not in ("-", ".") and doc[k].tag_ != "VBN":
                return []
            k -= 1
        if doc[k].text != "," or k == tag_end - 1:
            return []
        np_start, np_end = k + 1, tag_end
        # "..., his top aide, Tad Devine, told X": a description set off before the name; the
        # content ends at the comma before the description
        if any(t.pos_ == "PROPN" for t in doc[np_start:np_end]):
            d = k - 1
            while d > sent.start and doc[d].text != "," and k - d <= 6 and doc[d].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "PART"):
                d -= 1
            if doc[d].text == "," and d < k - 1 and doc[k - 1].pos_ == "NOUN" and doc[d + 1].lower_ in ("his", "her", "their", "its", "the", "a", "an"):
                k = d
        if doc[np_start].pos_ in ("ADP", "CCONJ", "PART") or not any(t.pos_ in ("NOUN", "PROPN") or pronoun for t in doc[np_start:np_end]):
            return []
        # the head before a participle that modifies it ("records compiled by X")
        head_end = next((t.i for t in doc[np_start:np_end] if t.tag_ == "VBN"), np_end)
        np_end = head_end if head_end > np_start else np_end
        head = next((t for t in reversed(doc[np_start:np_end]) if t.pos_ in ("NOUN", "PROPN") or pronoun), None)
        actor = self._tag_actor(doc, head, doc[np_start].idx, len(doc_text(doc)), (np_start, np_end)) if head is not None else None
        if actor is None:
            return []
        return self._sentence_before(doc, sent, doc[k], actor, v)

    def _tag_actor(self, doc: Doc, head: Token, start_char: int, end_char: int, rng: tuple[int, int]) -> dict[str, Any] | None:
        """The holder of a speaker tag read from the words: the actor mention at ``head`` when it lies
        inside the tag (its canonical name), else the tag's words from ``rng``."""
        mention = mention_at(doc, head)
        if mention is not None and start_char <= mention["start"] and mention["end"] <= end_char:
            return _slot(mention)
        return self._entity(doc, head, rng)

    def _sentence_before(self, doc: Doc, sent: Span, comma: Token, actor: dict[str, Any], v: Token) -> list[dict[str, Any]]:
        """The ``tail_tag`` claim: the sentence up to the comma before its tag, without quote marks
        and a leading "but/and/so"; none when that is no clause or a question."""
        text = doc_text(doc)
        s_, e_ = _trim_content(text, sent.start_char, comma.idx)
        content = doc.char_span(s_, e_, alignment_mode="expand")
        if content is None or len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in content) or text[e_ - 1:e_] == "?":
            return []
        return [self._read_record(doc, actor, s_, e_, (v.i, v.i + 1), "tail_tag", 0.7)]

    def inverted_tail_tag(self, doc: Doc, sent: Span, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``tail_tag`` with the verb first: "X, said Christine Link, executive director of the ACLU
        in Ohio." -- a reporting verb right after a comma, then a name (a description after a comma
        allowed) to the sentence's end, where the parse made no claim at the verb."""
        end = _end_before_period(doc, sent)
        v = next((t for t in doc[sent.start + 3: end - 1] if t.tag_ in ("VBD", "VBZ") and t.text.islower()
                  and doc[t.i - 1].text == "," and any(self.lex.reports(lemma) for lemma in self._verb_lemmas(t))), None)
        if v is None or any(c.dep_ == "neg" for c in v.children):
            return []
        if _cue_taken(found, v):
            return []
        # the name: words of a noun phrase up to a comma or the end; after a comma, a description
        name_end = next((t.i for t in doc[v.i + 1: end] if t.text == ","), end)
        name = doc[v.i + 1: name_end]
        if not 1 <= len(name) <= 6 or any(t.pos_ not in self.TAIL_NP and t.text not in ("-", ".") for t in name):
            return []
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.is_punct and t.text not in (",", "-", "."))
               for t in doc[name_end: end]) or end - v.i > 25:
            return []
        head = next((t for t in reversed(name) if t.pos_ == "PROPN"), None) or \
            next((t for t in reversed(name) if t.pos_ == "NOUN"), None)
        if head is None or any(t.head == v and t.dep_ in ("dobj", "dative") for t in name):
            return []   # the verb's object ("X, Y, tweeted a warning", "told reporters on Tuesday"), not its speaker
        actor = self._tag_actor(doc, head, name.start_char, name.end_char, (name.start, head.i + 1))
        if actor is None:
            return []
        return self._sentence_before(doc, sent, doc[v.i - 1], actor, v)

    def _read_record(self, doc: Doc, actor: dict[str, Any], start: int, end: int, cue: tuple[int, int], rule: str,
                     confidence: float, stance: str = "support") -> dict[str, Any]:
        """A record read from the words (the speaker-tag and evaluation fallbacks): the issue is
        ``doc``'s text from character ``start`` to ``end``, the cue the tokens ``cue``."""
        text = doc_text(doc)
        return {"actor": actor, "stance": stance, "issue": {"text": text[start:end], "start": start, "end": end},
                "condition": None, "cue": _span_dict(doc, *cue), "addressee": None, "optional": False,
                "source": f"{self.name}:{rule}", "confidence": confidence}

    def noun_read_verb(self, doc: Doc, sent: Span, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``tail_tag`` for a sentence whose reporting verb the tagger read as a noun after its
        subject ("FEC records from the 2008 cycle show he backed X", "Audit files from NGP VAN show
        that X"): a plural noun phrase opens the sentence, with no verb before the verb's base form
        ("show", "suggest", "say" ...); it holds the clause after it, where the parse made no claim."""
        end = _end_before_period(doc, sent)
        start = sent.start
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("but", "and", "so", "however", "yet")):
            start += 1
        v = next((t for t in doc[start + 1: end - 2] if t.pos_ in ("VERB", "AUX", "NOUN") and (
            t.pos_ != "NOUN" or (t.lower_ in NOUN_READ_VERBS and not t.lower_.endswith("s")) or self._named_says_that(t))), None)
        if v is None or v.pos_ != "NOUN" or _cue_taken(found, v) or doc[v.i - 1].pos_ in ("DET", "ADJ", "PRON"):
            return []
        if self._named_says_that(v):
            # "Trump predicts that X": a name, then a reporting verb's -s form read as a noun, then "that"
            head = doc[v.i - 1]
            subject = doc[start: v.i]
            if any(not t.text[:1].isupper() and t.text not in (".", "-") for t in subject):
                return []
            return self._read_claim(doc, v, start, end, head, subject)
        subject = doc[start: v.i]
        if len(subject) > 14 or any(t.pos_ not in self.TAIL_NP and t.text not in ("-", ".") for t in subject):
            return []
        # the head noun before its modifying phrase ("records *from* the 2008 cycle")
        cut = next((t.i for t in subject if t.pos_ == "ADP"), v.i)
        head = next((t for t in reversed(doc[start:cut]) if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or head.tag_ not in ("NNS", "NNPS") or (cut == v.i and head.i != v.i - 1):
            return []
        return self._read_claim(doc, v, start, end, head, subject)

    def comma_tag(self, doc: Doc, sent: Span, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``parenthetical`` read from the words: a speaker tag set off by commas inside the
        sentence ("During the same stretch, F.A.A. records show, the Cessna has flown 216 hours";
        "X was insured at $35 million, records show, and experts say Y"), where the parse made no
        claim at its verb (it often reads "show" as a noun there).  The tag is a noun phrase and a
        reporting verb; the content is the side that holds a verb, the left one first (GUIDELINES 9.2)."""
        end = _end_before_period(doc, sent)
        text = doc_text(doc)
        for v in doc[sent.start + 2: end - 2]:
            if doc[v.i + 1].text != "," or not v.text.islower() or not (
                    v.tag_ in ("VBD", "VBZ", "VBP") or (v.tag_ in ("NN", "NNS") and v.lower_ in NOUN_READ_VERBS)) \
                    or _cue_taken(found, v) or not any(self.lex.reports(lemma) for lemma in self._verb_lemmas(v)) \
                    or (v.lower_ in self.lex.noun_forms and v.pos_ != "VERB"):   # ("In Ohio, Rust Belt states, ...")
                continue
            k = v.i - 1
            while k > sent.start and doc[k].text != "," and v.i - k <= 8 and (
                    doc[k].pos_ in self.TAIL_NP - {"CCONJ", "ADP"} or doc[k].text in (".", "-")):
                k -= 1
            if doc[k].text != "," or k >= v.i - 1 or any(c.dep_ == "neg" for c in v.children):
                continue
            head = next((t for t in reversed(doc[k + 1: v.i]) if t.pos_ in ("NOUN", "PROPN")), None)
            if head is None:
                continue
            left, right = doc[sent.start: k], doc[v.i + 2: end]
            if left and left[0].pos_ == "SCONJ":
                continue   # ("While X might seem odd, records show, ...": the tag reports the main clause)
            if _finite(left):
                s_, e_ = left.start_char, left.end_char
            elif _finite(right) and right[0].pos_ != "CCONJ":
                s_, e_ = right.start_char, right.end_char
            else:
                continue
            actor = self._tag_actor(doc, head, doc[k + 1].idx, v.idx, (k + 1, head.i + 1))
            if actor is None:
                continue
            s_, e_ = _trim_content(text, s_, e_)
            if e_ - s_ < 8:
                continue
            return [self._read_record(doc, actor, s_, e_, (v.i, v.i + 1), "parenthetical", 0.6)]
        return []

    _CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "it"})

    def _named_says_that(self, t: Token) -> bool:
        """A reporting verb's -s form the tagger read as a noun, after a name and before "that" or
        before a clause opened by a personal pronoun and its verb ("Trump claims he's worth X")."""
        doc = t.doc
        if not (t.tag_ == "NNS" and t.lower_.endswith("s") and t.i > 0 and doc[t.i - 1].pos_ in ("PROPN", "NOUN")
                and doc[t.i - 1].text[:1].isupper() and mention_at(doc, doc[t.i - 1]) is not None
                and t.i + 2 < len(doc) and t.text.islower()
                and any(self.lex.reports(lemma) for lemma in self._verb_lemmas(t))):
            return False
        nxt = doc[t.i + 1]
        if nxt.lower_ == "that":
            return True
        # before a clause of its own: only where the name opens the sentence ("The Trump claims it
        # makes are false" is a noun phrase)
        name_start = t.i - 1
        while name_start > t.sent.start and doc[name_start - 1].pos_ == "PROPN":
            name_start -= 1
        return name_start == t.sent.start and nxt.lower_ in self._CLAUSE_SUBJECTS and doc[t.i + 2].pos_ in ("VERB", "AUX")

    def _read_claim(self, doc: Doc, v: Token, start: int, end: int, head: Token, subject: Span) -> list[dict[str, Any]]:
        """The ``noun_read_verb`` claim: the clause after ``v`` (and its "that"), held by ``head``."""
        s = v.i + 1 + (doc[v.i + 1].lower_ == "that")
        content = doc[s:end]
        if len(content) < 3 or doc[s].pos_ not in ("PRON", "PROPN", "DET", "NUM", "NOUN", "ADJ", "SCONJ", "ADP") \
                or not any(t.pos_ in ("VERB", "AUX") for t in content):
            return []
        actor = self._tag_actor(doc, head, subject.start_char, subject.end_char, (start, head.i + 1))
        if actor is None:
            return []
        text = doc_text(doc)
        s_, e_ = _trim_content(text, content.start_char, content.end_char)
        return [self._read_record(doc, actor, s_, e_, (v.i, v.i + 1), "noun_read_verb", 0.6)]

    _CLOSING_MARKS = ("\u201d", '"', "''", "\u2019\u2019")
    _DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "yesterday", "today", "tonight", "last", "earlier", "later"}

    def closed_quote_tag(self, doc: Doc, sent: Span, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``closed_quote_tag``: a speaker tag after a closing quotation ("“...,” screenwriter Cole
        Haddon wrote on Twitter.", "“...!” Murphy, the head of Right to Rise USA, tweeted on
        Friday.") read from the words alone, where the parse made no claim at the tag: the small
        parser often takes a title before the name for a verb or hangs the verb on the name.  The
        tag is a noun phrase (an appositive set off by commas allowed), a reporting verb of the cue
        lexicon and at most a trailing adjunct ("on Twitter", "Tuesday") to the sentence's end.  The
        claim is the quotation when it opens its sentence, else the sentence up to the quotation's
        comma ('He would be better "no matter what," one user commented.')."""
        text = doc_text(doc)
        end = _end_before_period(doc, sent)
        out: list[dict[str, Any]] = []
        # the parser often ends a sentence at the closing mark and starts the next at the tag
        for q in doc[max(0, sent.start - 1): end]:
            if q.i >= end - 2 or q.text not in self._CLOSING_MARKS or q.idx == 0 or text[q.idx - 1] not in ",!":
                continue
            v = next((t for t in doc[q.i + 2: end] if t.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                      and (t.text.islower() or t.text.istitle())
                      and any(self.lex.reports(lemma) for lemma in self._verb_lemmas(t))), None)
            if v is None or v.i - q.i > 24 or any(c.dep_ == "neg" for c in v.children):
                continue
            if _cue_taken(found, v):
                continue
            tag = doc[q.i + 1: v.i]
            # a description set off by commas after the name may quote something ('Bill Eastland,
            # wearing “Ted Cruz” campaign pins, said'): its quote marks are no closing quotation
            first_comma = next((t.i for t in tag if t.text == ","), v.i)
            # the tag is a noun phrase: no other finite verb, no clause ("who was speaking")
            # (a title before a name the tagger read as a verb, "screenwriter Cole Haddon", is no clause)
            if any((t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not (t.i == q.i + 1 and t.nbor().pos_ == "PROPN"))
                   or t.lower_ in RELATIVE or (t.text in self._CLOSING_MARKS and t.i < first_comma)
                   or (t.is_punct and t.text not in (",", "-", ".") and not (t.i > first_comma and t.is_quote))
                   for t in tag):
                continue
            tail = doc[v.i + 1: end]
            # a clause of time or manner after the tag ("said ... as confetti fluttered down") ends it
            cut = next((t.i for t in tail if t.dep_ == "mark" and t.lower_ in ("as", "while", "after", "before", "when")), None)
            if cut is not None:
                tail = doc[v.i + 1: cut]
            if len(tail) > 12 or (len(tail) and tail[0].pos_ not in ("ADP", "ADV") and tail[0].lower_ not in self._DAYS
                                  and not (tail[0].dep_ in ("amod", "advmod", "npadvmod") and tail[0].head.dep_ == "advmod")) \
                    or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.is_punct and t.text != "-") for t in tail):
                continue
            # the name: the first stretch before a comma, or the name set off after a description
            # ("the press secretary, Josh Earnest, wrote")
            parts: list[list[Token]] = [[]]
            for t in tag:
                if t.text == ",":
                    parts.append([])
                else:
                    parts[-1].append(t)
            parts = [p for p in parts if p]
            if not parts or len(parts) > 2:
                continue
            part = parts[0]
            if len(parts) == 2 and not any(t.pos_ == "PROPN" for t in part) and any(t.pos_ == "PROPN" for t in parts[1]):
                part = parts[1]
            head = next((t for t in reversed(part) if t.pos_ in ("NOUN", "PROPN")), None)
            if head is None or head.lower_ in NOT_ACTORS:
                continue
            actor = self._tag_actor(doc, head, part[0].idx, part[-1].idx + len(part[-1]), (part[0].i, head.i + 1))
            if actor is None:
                continue
            inner = q.idx - 1
            while inner > 0 and text[inner] in ",!":
                inner -= 1
            quote = quotation_around(text, inner, inner + 1)
            if quote is None:
                continue
            before = text[max(0, quote[0] - 40):quote[0]].rstrip(" \t\u201c\u201d\"'\u202a\u202c")
            s_, e_ = _trim_content(text, *(quote if not before or before[-1] in ".!?:\n\u201d\"'" else (sent.start_char, q.idx - 1)))
            if e_ - s_ < 2 or any(c["issue"]["start"] < e_ and s_ < c["issue"]["end"] for c in found):
                continue
            out.append(self._read_record(doc, actor, s_, e_, (v.i, v.i + 1), "closed_quote_tag", 0.7))
            break
        return out

    _CALL_PARTICLES = {"for", "on", "upon", "off", "up", "in", "out", "back", "it", "to", "into", "him", "her", "them", "me", "us"}

    def called_quote(self, doc: Doc, sent: Span, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``evaluative`` read from the words where the parse made no claim at "called": "called
        X “Y”" (the quotation closing the clause) evaluates X, opposing it when Y holds a negative
        word (GUIDELINES 3.5); the small parser often makes the quotation a prepositional object,
        X a predicate, or "called" a participle of the noun before it.  The holder is the verb's
        subject, else the name that opens the sentence when a comma closes its description right
        before the verb ("Stuart Stevens, who served as X, called Y “childish.”")."""
        text = doc_text(doc)
        out: list[dict[str, Any]] = []
        for v in sent:
            if v.lemma_.lower() != "call" or v.pos_ != "VERB" or v.i + 2 >= sent.end or any(c.dep_ == "neg" for c in v.children):
                continue
            if doc[v.i + 1].lower_ in self._CALL_PARTICLES or any(c.dep_ == "prt" for c in v.children):
                continue   # "called for X", "called him ..." (the parse handles a pronoun object)
            if _cue_taken(found, v):
                continue
            q = next((t for t in doc[v.i + 2: min(sent.end, v.i + 16)] if t.text in OPENING_MARKS), None)
            if q is None:
                continue
            obj = doc[v.i + 1: q.i]
            # the object: a noun phrase (a relative clause in it allowed), no clause of its own
            relative = next((t.i for t in obj if t.lower_ in ("that", "who", "which") and t.i > obj.start), None)
            head_part = doc[obj.start: relative] if relative is not None else obj
            if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.is_punct and t.text not in ("-",)) for t in head_part) \
                    or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in head_part):
                continue
            inner = q.idx + len(q)
            quote = quotation_around(text, inner, inner + 1)
            if quote is None or quote[1] - quote[0] < 2:
                continue
            after = text[quote[1]: quote[1] + 4].lstrip(".,!;\u201d\"'\u2019")
            if after[:1].isalnum():
                continue   # the quotation goes on in the sentence: not the evaluation that closes it
            # the holder
            subj = next((c for c in v.children if c.dep_ in ("nsubj",) and c.i < v.i), None)
            if subj is None and doc[v.i - 1].text == "," and v.dep_ in ("acl", "relcl", "conj", "ROOT"):
                first = doc[sent.start]
                while first.i < v.i and (first.is_punct or first.is_space):
                    first = doc[first.i + 1]
                name_end = first.i
                while name_end < v.i and doc[name_end].pos_ == "PROPN":
                    name_end += 1
                if name_end > first.i and doc[name_end].text == ",":
                    subj = doc[name_end - 1]
            if subj is None or subj.lower_ in NOT_ACTORS or subj.lower_ in RELATIVE:
                continue
            actor = self._entity(doc, named_appositive(subj))
            if actor is None:
                continue
            end = obj.end
            while end > obj.start + 1 and (doc[end - 1].lower_ in self._DAYS or doc[end - 1].ent_type_ in ("DATE", "TIME")
                                           or (doc[end - 1].pos_ == "ADP" and end == obj.end)):
                end -= 1   # "called X on Sunday “Y”": the time is not part of X
            if end < obj.end and doc[end - 1].pos_ == "ADP":
                end -= 1
            while end > obj.start + 1 and doc[end - 1].pos_ == "DET":
                end -= 1   # 'called Trump a “blowhard”': the article belongs to the evaluation
            issue = doc[obj.start: end]
            words = set(re.findall(r"[\w'-]+", text[quote[0]:quote[1]].lower()))
            stance = "oppose" if words & self.lex.negative else "support"
            out.append(self._read_record(doc, actor, issue.start_char, issue.end_char, (v.i, v.i + 1), "evaluative", 0.6, stance=stance))
        return out

    def claims_at(self, tok: Token) -> list[dict[str, Any]]:
        out = []
        for fr in frames_at(tok, self.lex):
            out.extend(self._realize(tok.doc, fr))
        return out

    # -- turning frames into records ---------------------------------------------------------
    def _realize(self, doc: Doc, fr: Frame) -> list[dict[str, Any]]:
        holders = fr.actor
        if not holders:
            return []
        cue_toks = sorted(set(fr.cue))
        ranges = []
        for content in fr.content:
            ranges.extend(self._content_ranges(doc, content))
        if not ranges:
            return []
        cue = _span_dict(doc, cue_toks[0], cue_toks[-1] + 1)
        if len(cue_toks) > 1 and cue_toks[-1] - cue_toks[0] > 4:
            cue = _span_dict(doc, cue_toks[0], cue_toks[0] + 1)
        addressee = self._entity(doc, fr.addressee) if fr.addressee is not None else None
        out = []
        for h in holders:
            actor = self._quoted_first_person(doc, h) or self._entity(doc, h, fr.holder_range)
            if actor is None:
                continue
            confidence = fr.confidence
            if h.pos_ not in ("PROPN", "PRON") and not self.likely_holder(h) and not (
                    fr.rule == "according_to" and any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in h.children)):
                # "signs pointed to", "goods piling up on": not a holder of positions; the source
                # after "according to" is one ("according to early returns", "the foundation's
                # tally", GUIDELINES 9.5), not a bare "according to plan"
                continue
            hs, he = self._token_range(doc, actor)
            for s, e in ranges:
                s, e = self._exclude(doc, s, e, [(hs, he), *[(c, c + 1) for c in cue_toks]])
                if s >= e:
                    continue
                out.append({
                    "actor": actor,
                    "stance": fr.polarity if fr.polarity in ("support", "oppose", "neutral") else "support",
                    "issue": _span_dict(doc, s, e),
                    "condition": None,
                    "cue": cue,
                    "addressee": addressee,
                    "optional": False,
                    "source": f"{self.name}:{fr.rule}",
                    "confidence": round(confidence, 3),
                })
        return out

    @staticmethod
    def _quoted_first_person(doc: Doc, tok: Token) -> dict[str, Any] | None:
        """"I" as the subject of a cue inside a quotation ("“I think we ought to start it up”"): a
        claim of the quotation's speaker (GUIDELINES 9.1, 10.1, 11.9), who is found once every
        claim is made (:meth:`_quoted_speakers`); inside its speaker's own tagged content the
        claim is nested and suppressed."""
        if not quoted_first_person(tok):
            return None
        q = quotation_around(doc_text(doc), tok.idx, tok.idx + 1)
        return {**_span_dict(doc, tok.i, tok.i + 1), "canonical": None, "quotation": q}

    QUANTIFIERS = frozenset({"many", "some", "most", "several", "others", "few"})
    FRACTIONS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})

    @classmethod
    def _poll_share(cls, tok: Token) -> bool:
        """A share of people as a number: "half", "a third", "three-quarters", "two(-thirds)", "(six
        in) 10", "(4 out of) 10"."""
        doc = tok.doc
        if tok.lower_ in cls.FRACTIONS:
            return True
        if tok.pos_ != "NUM":
            return False
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in cls.FRACTIONS:
            return True
        # "Two in three said X": the parser made the first number the head, "in three" its phrase
        if any(c.dep_ == "prep" and c.lower_ == "in" and c.i == tok.i + 1 and
               any(o.dep_ == "pobj" and o.pos_ == "NUM" for o in c.children) for c in tok.children):
            return True
        return tok.i >= 2 and doc[tok.i - 1].lower_ in ("in", "of") and (doc[tok.i - 2].pos_ == "NUM" or (
            doc[tok.i - 2].lower_ == "out" and tok.i >= 3 and doc[tok.i - 3].pos_ == "NUM"))

    def likely_holder(self, tok: Token) -> bool:
        """A common-noun holder needs an actor noun as head or an entity inside its phrase; a bare
        quantifier as subject ("Many speculated that X", "Some urged him to Y") stands for people,
        unless its "of" phrase names things ("some of the money")."""
        if tok.lower_ in self.lex.actor_nouns or tok.lemma_.lower() in self.lex.actor_nouns:
            return True
        if tok.dep_ == "aux" and getattr(name_read_as_modal(tok.head), "i", None) == tok.i:
            return True   # "Will wrote": a name the tagger read as a modal
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if tok.lower_ in self.QUANTIFIERS and tok.dep_ in SUBJECTS:
            return members is None or members.pos_ == "PRON" or self.likely_holder(members)
        if tok.dep_ in SUBJECTS and self._poll_share(tok):
            # "Six in 10 say X", "About three-quarters support X", "Nearly half said X": a share of
            # the people polled, like "47 percent" (unless its "of" phrase names things)
            return members is None or members.pos_ == "PRON" or self.likely_holder(members)
        if partitive_one(tok):
            return self.likely_holder(members)   # "one of the former prosecutors"
        if tok.dep_ in SUBJECTS and tok.like_num and described_people(tok, self.lex):
            return True   # "Those over 60 say X"
        if tok.lemma_.lower() in self.lex.group_heads and members is not None and self.likely_holder(members):
            return True   # "a number of writers", "dozens of lawmakers": the group's members decide
        # an entity in the holder's own phrase ("the Clinton campaign", "supporters of Sanders"), not
        # one deeper in a clause or phrase on it ("the view from here of Super Tuesday", "tension
        # flared in the race for the Democratic nomination")
        start, end = noun_phrase(tok)
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            end = max(end, prep.right_edge.i + 1)   # "supporters of X"
        for part in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            agent = next((g for g in part.children if g.dep_ == "agent"), None)
            if agent is not None:
                end = max(end, agent.right_edge.i + 1)   # "guidelines issued by the Obama administration"
        if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in tok.doc[start:end]):
            return True
        # a capitalized word the tagger took for a common noun ("Sanders" as the plural of
        # "sander") that the document names as an entity elsewhere
        return tok.text[:1].isupper() and any(
            e.label_ in ("PERSON", "ORG", "GPE", "NORP") and tok.text in e.text.split() for e in tok.doc.ents)

    @staticmethod
    def _token_range(doc: Doc, span: dict[str, Any]) -> tuple[int, int]:
        cs = doc.char_span(span["start"], span["end"], alignment_mode="expand")
        return (cs.start, cs.end) if cs is not None else (0, 0)

    def _entity(self, doc: Doc, tok: Token, rng: tuple[int, int] | None = None) -> dict[str, Any] | None:
        if tok.lower_ in RELATIVE and tok.dep_ in SUBJECTS and tok.head.dep_ in ("relcl", "acl"):
            antecedent = self._entity(doc, described_name(tok.head.head))
            if antecedent is None:
                return None
            return {**_span_dict(doc, tok.i, tok.i + 1), "canonical": antecedent["canonical"]}
        if tok.lower_ in NOT_ACTORS and not first_person_narrator(tok) and not body_pronoun(tok) and not partitive_one(tok) \
                and not described_people(tok, self.lex):
            return None
        m = mention_at(doc, tok)
        if m is not None and rng is None:
            return _slot(m)
        s, e = rng if rng is not None else noun_phrase(tok)
        if rng is None and tok.lower_ == "those" and described_people(tok, self.lex):
            e = max([e] + [c.right_edge.i + 1 for c in tok.children if c.dep_ in ("prep", "acl") and c.i > tok.i])   # "those polled"
        elif rng is None and tok.like_num and described_people(tok, self.lex):
            s = min(s, tok.left_edge.i)   # "Those over 60"
        d = _span_dict(doc, s, e)
        canonical = d["text"]
        if tok.lower_ in PRONOUNS:
            canonical = tok.text
        d["canonical"] = canonical
        return d

    def _content_ranges(self, doc: Doc, content: Content) -> list[tuple[int, int]]:
        head, lead, minus, follow = content.head, content.lead, content.minus, content.follow
        if content.phrase:
            s, e = noun_phrase(head)
            return [(s, e)] if s < e else []
        heads = [head]
        if head.pos_ in ("VERB", "AUX") and minus is None:
            heads += [c for c in self._verb_conjuncts(head)]
        elif head.pos_ in ("VERB", "AUX") and minus.lower_ == "according":
            # "Trump leads in Indiana, according to the poll, and has a lead in Ohio": two findings
            # ("she lost the Oregon primary but was leading in Kentucky, according to X": a verb
            # joined by "and" / "but" before the phrase too, not a word of a list the parser joined)
            heads += [c for c in self._verb_conjuncts(head) if (c.i > minus.i or (
                          c.pos_ in ("VERB", "AUX") and any(x.dep_ == "cc" and x.i < c.i for x in c.head.children)))
                      and not _conjunct_of_the_source(minus, c)]
        ranges = []
        contrasts = []  # "X, while Y": Y is a proposition of its own (GUIDELINES 5.6)
        for i, h in enumerate(heads):
            skip = set()
            for c in h.children:
                if c.dep_ == "advcl" and c.i > h.i and self._contrast(c):
                    skip.update(t.i for t in c.subtree)
                    if not self.lex.is_cue_verb(c):
                        contrasts.append(c)   # a cue of its own makes its own claim
                elif c.dep_ == "conj" and self._verbal(c) and (c in heads or self._is_own_cue(c)):
                    skip.update(t.i for t in c.subtree)
                    skip.update(x.i for x in h.children if x.dep_ in ("cc", "punct") and x.i < c.i and x.i > h.i)
                elif c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.i > h.i and (self._is_own_cue(c) or writers_turn(c)):
                    skip.update(t.i for t in c.subtree)
                elif minus is not None and minus.lower_ == "according" and c.dep_ == "advcl" and _describes_the_source(minus, c):
                    # "According to Jack Kelly, writing for RealClearPolitics, X": part of the source
                    skip.update(t.i for t in c.subtree)
                    skip.update(x.i for x in h.children if x.is_punct and x.i in (c.left_edge.i - 1, c.right_edge.i + 1))
                elif c.dep_ in ("prep", "npadvmod") and h.pos_ in ("VERB", "AUX") and c.i < h.i and self._time_of_the_report(doc, h, c):
                    # "said on Monday he would sue X": the time of the saying, which the parser hung
                    # on the content's verb (GUIDELINES 21.21)
                    skip.update(t.i for t in c.subtree)
                elif c.dep_ == "prep" and h.pos_ in ("NOUN", "PROPN", "ADJ", "PRON") and c.i > h.i and c.lower_ in ("in", "on", "during") \
                        and c.right_edge.i == max(t.i for t in h.subtree if not t.is_punct) and _channel(c, self.lex) \
                        and not (c.lower_ == "on" and _pobj(c).lemma_.lower() not in self.lex.channel_nouns):
                    # "said as much in a New York Times article": the medium of the act closing the
                    # content, not part of what is held (GUIDELINES 21.10)
                    skip.update(t.i for t in c.subtree)
                elif c.dep_ == "relcl" and h.pos_ in ("NOUN", "PROPN") and c.left_edge.i > h.i and c.left_edge.lower_ in ("who", "whom") \
                        and doc[c.left_edge.i - 1].text == "," and c.right_edge.i + 1 >= max(t.i for t in h.subtree) + 1:
                    # "criticized the businessman, who has hammered Carson with insults": a clause set
                    # off after a person the holder targets describes that person, the writer's aside
                    # (GUIDELINES 21.1); a "which" clause on a thing often says what it is and stays
                    skip.update(t.i for t in c.subtree)
                elif (c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and c.i > h.i and self._is_comment(c)) \
                        or self._comment_conjunct(h, c):
                    # ", marking a major concession": the reporter's comment, not the content
                    skip.update(t.i for t in c.subtree)
            # a later record's conjunct below an alternative ("of ignoring X or not giving Y, and of
            # misrepresenting Z": Z under "giving") is not part of this one
            inside = {t.i for t in h.subtree}
            for o in heads[i + 1:]:
                if o.i in inside and o.i not in skip:
                    skip.update(t.i for t in o.subtree)
                    skip.update(x.i for x in o.head.children if x.dep_ in ("cc", "punct") and o.head.i < x.i < o.i)
            if minus is not None:
                skip.update(t.i for t in minus.subtree)
            toks = [t.i for t in h.subtree if t.i not in skip]
            if follow is not None:
                # (a clause set off after a name inside the phrase is the writer's aside, 21.1: "the
                # letter to Obama, which was first reported last week by The Post")
                aside = {t.i for r in follow.subtree if r.dep_ == "relcl" and r.head.pos_ == "PROPN"
                         and r.left_edge.i > 0 and doc[r.left_edge.i - 1].text == "," for t in r.subtree}
                toks += [t.i for t in follow.subtree if t.i not in aside]
            if not toks:
                continue
            s, e = min(toks), max(toks) + 1
            words = [t for t in toks if not doc[t].is_punct]
            if words and len(heads) > 1:
                # the sentence's closing mark, a child of the root, lies beyond a conjunct cut out
                e = max(words) + 1
            if minus is not None and s <= minus.i < e:
                # keep the side of a parenthetical cue / according-to phrase that holds the
                # proposition's predicate (GUIDELINES 9.2), else the longer side
                ms, me = minus.left_edge.i, minus.right_edge.i + 1
                left, right = (s, ms), (me, e)
                if left[0] <= h.i < left[1]:
                    s, e = left
                elif right[0] <= h.i < right[1]:
                    s, e = right
                else:
                    s, e = left if left[1] - left[0] > right[1] - right[0] else right
            e = self._before_trailing_act(doc, s, e)
            s, e = self._trim(doc, s, e, lead if i == 0 else "that")
            if s < e:
                ranges.append((s, e))
        for c in contrasts:
            toks = [t.i for t in c.subtree if not (t.dep_ == "mark" and t.head.i == c.i and t.i < c.i)]
            s, e = self._trim(doc, min(toks), max(toks) + 1, "that")
            if s < e:
                ranges.append((s, e))
        return ranges

    def _time_of_the_report(self, doc: Doc, h: Token, c: Token) -> bool:
        """A time phrase that opens the content right after the cue ("said on Monday he would X"),
        before the content's subject, with no "that" before it and no comma after it."""
        subj = next((x for x in h.children if x.dep_ in SUBJECTS), None)
        start = c.left_edge.i
        if subj is None or c.right_edge.i >= subj.left_edge.i or start == 0:
            return False
        if start != min(t.i for t in h.subtree) or doc[start - 1].lower_ == "that" or doc[start - 1].is_punct:
            return False
        if c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].is_punct:
            return False
        cue = doc[start - 1]
        if cue.pos_ not in ("VERB", "AUX") and cue.dep_ not in ("dobj", "dative"):
            return False   # right after the cue or its addressee ("told reporters on Friday")
        return any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in self._DAYS for t in c.subtree)

    def _before_trailing_act(self, doc: Doc, s: int, e: int) -> int:
        """Where a content ends when a participle of a cue verb, set off by a comma and without a
        subject, closes it ("criticized Mr. Sanders's attack on her qualifications, calling it the
        mark of a desperate candidate", "pointed to Cruz's organization, noting that X"): the
        holder's next act, a claim of its own, not part of this one (GUIDELINES 20.7)."""
        for t in doc[s + 2: e]:
            if t.tag_ == "VBG" and t.right_edge.i == e - 1 and t.left_edge.i == t.i and doc[t.i - 1].text == "," \
                    and t.dep_ in ("acl", "advcl", "conj", "xcomp", "relcl") and self.lex.cue_here(t) \
                    and not any(c.dep_ in SUBJECTS for c in t.children):
                return t.i - 1
            if t.lower_ == "according" and t.dep_ == "prep" and doc[t.i - 1].text == "," and t.right_edge.i == e - 1:
                return t.i - 1   # "..., according to The New York Times": the reporter's source of the report
        return e

    @staticmethod
    def _contrast(c: Token) -> bool:
        """A finite clause opened by "while" or "whereas", with a subject of its own."""
        kids = list(c.children)
        return any(x.dep_ == "mark" and x.lower_ in ("while", "whereas") for x in kids) and \
            any(x.dep_ in SUBJECTS for x in kids)

    @staticmethod
    def _verbal(c: Token) -> bool:
        """A conjunct that is a verb phrase, even when mistagged ("apologise to residents")."""
        return c.pos_ in ("VERB", "AUX") or any(x.dep_ in ("dobj", "prep", "xcomp", "ccomp", "acomp", "aux") for x in c.children)

    def _verb_conjuncts(self, head: Token) -> list[Token]:
        out = []
        for c in head.children:
            if c.dep_ == "conj" and self._verbal(c) and not self._is_own_cue(c) and not writers_turn(c) \
                    and not self._comment_conjunct(head, c) and not _after_word_hyphen(c):
                if not self._one_proposition(head, c):
                    out.append(c)
                out.extend(self._verb_conjuncts(c))   # "X or Y, and Z": Z is a second one
        return out

    @staticmethod
    def _one_proposition(head: Token, conj: Token) -> bool:
        """Coordinated verbs that make one proposition, not two demands: alternatives ("he didn't seek
        or receive X", "accuses Y of ignoring X or not giving it proper emphasis")."""
        cc = next((x for x in head.children if x.dep_ == "cc" and head.i < x.i < conj.i), None)
        return cc is not None and cc.lower_ in ("or", "nor")

    @classmethod
    def _comment_conjunct(cls, head: Token, c: Token) -> bool:
        """A participle after a comma that the parser made a conjunct of the content's verb, with no
        "and" / "or" between ("would sign the budget if X, effectively handing the legislature a
        deadline"): the reporter's comment, like :meth:`_is_comment`, not a second content.  (After
        a participle it is one of a list: "raising taxes, cutting spending".)"""
        if c.dep_ != "conj" or c.tag_ != "VBG" or c.i < head.i or head.tag_ == "VBG":
            return False
        if any(x.dep_ == "cc" and head.i < x.i < c.i for x in head.children):
            return False
        return cls._is_comment(c)

    @staticmethod
    def _is_comment(v: Token) -> bool:
        """A participial clause set off by a comma, with no subject or marker of its own."""
        kids = list(v.children)
        if any(c.dep_ in SUBJECTS or c.dep_ == "mark" for c in kids):
            return False
        left = v.left_edge.i
        return left > 0 and v.doc[left - 1].text in (",", ";", "—", "-")

    def _is_own_cue(self, v: Token) -> bool:
        """A verb that opens a claim of its own, continuing the outer holder ("..., adding that");
        a verb listed only as the head of phrasal cues counts where one of its phrases is there
        ("and close the plant" is part of the content; "and took issue with X" is a cue)."""
        # "said she was a Republican voter and would probably back X": a modal makes the conjunct
        # part of what is reported, not a second act of the holder
        return self.lex.cue_here(v) and not any(c.dep_ in SUBJECTS or (c.dep_ == "aux" and c.tag_ == "MD") for c in v.children)

    @staticmethod
    def _trim(doc: Doc, s: int, e: int, lead: str) -> tuple[int, int]:
        leading = {"that", "to", "for", "whether", lead} if lead else set()
        while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ == "cc" or doc[s].lower_ in leading
                         and doc[s].dep_ in ("mark", "aux", "nsubj", "prep", "dobj") and not _demonstrative_subject(doc[s])):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
            if doc[e - 1].text in ")]" and any(t.text in "([" for t in doc[s : e - 1]):
                break  # keep a closing bracket whose opening one is inside
            e -= 1
        return s, e

    @classmethod
    def _exclude(cls, doc: Doc, s: int, e: int, holes: Iterable[tuple[int, int]]) -> tuple[int, int]:
        """Keep the longest piece of [s, e) that holds no actor or cue token (SPEC: the issue
        excludes the cue and the actor)."""
        cut = sorted((max(a, s), min(b, e)) for a, b in holes if a < e and b > s)
        if not cut:
            return s, e
        pieces, pos = [], s
        for a, b in cut:
            if a > pos:
                pieces.append((pos, a))
            pos = max(pos, b)
        if pos < e:
            pieces.append((pos, e))
        pieces = [cls._trim(doc, a, b, "that") for a, b in pieces]
        pieces = [p for p in pieces if p[1] > p[0]]
        if not pieces:
            return s, s
        return max(pieces, key=lambda p: (p[1] - p[0], -p[0]))

    @staticmethod
    def _whole_quote(text: str, claim: dict[str, Any]) -> None:
        """A content that opens a quotation runs to the quotation's end, across sentences, within
        its paragraph (GUIDELINES 2.8)."""
        issue = claim["issue"]
        before = text[max(0, issue["start"] - 2) : issue["start"]].rstrip()
        if not before or before[-1] not in "\u201c\"":
            return
        quote = quotation_around(text, issue["start"], issue["start"] + 1)
        if quote is None or quote[1] <= issue["end"] or quote[1] - issue["end"] > 1500:
            return
        if issue["end"] <= claim["actor"]["start"] < quote[1]:
            return  # the speaker sits between: the quote was cut by the attribution
        claim["issue"] = {"text": text[issue["start"] : quote[1]], "start": issue["start"], "end": quote[1]}

    @staticmethod
    def _direct_quote(text: str, claim: dict[str, Any]) -> None:
        """An issue inside a direct quotation whose speaker and cue stand outside it is the whole
        quotation (GUIDELINES 2.8, 9.8): the parser's sentence split, which cuts a quotation of
        several sentences, and its coordination, which splits one, do not apply to quotes."""
        issue, actor, cue = claim["issue"], claim["actor"], claim.get("cue")
        end = issue["end"]
        while end > issue["start"] + 1 and text[end - 1] in ".,;:!":
            end -= 1
        quote = quotation_around(text, issue["start"], end)
        if quote is None:
            return
        qs, qe = quote
        for slot in (actor, cue):
            if slot and slot.get("start") is not None and slot["start"] < qe and qs < slot["end"]:
                return  # the speaker or cue is inside: a quotation of someone else
        # the speaker tag must sit right at the quotation ("“...,” she said" / "she said: “...”"):
        # a quotation elsewhere in the paragraph, or one the issue only dips into, is not the claim's
        tag = [x for x in (actor, cue) if x and x.get("start") is not None]
        if tag:
            t_start, t_end = min(x["start"] for x in tag), max(x["end"] for x in tag)
            gap_after = text[qe:t_start] if t_start >= qe else None
            gap_before = text[t_end:qs] if t_end <= qs else None
            def close(gap: str | None, most: int) -> bool:
                return gap is not None and len(gap) <= most and not re.search(r"[.!?]\s", gap.strip("\u201d\"' ,"))

            near = close(gap_after, 60) or close(gap_before, 40)
            if not near:
                return
        lead = re.match(r"(?:but|and|so)\s+", text[qs:qe], re.I)
        if lead:  # the second half of a quotation cut by its tag ("..., ” he said, “but ...")
            qs += lead.end()
        if (qs, qe) != (issue["start"], issue["end"]):
            claim["issue"] = {"text": text[qs:qe], "start": qs, "end": qe}

    @staticmethod
    def _partial_quote(text: str, claim: dict[str, Any]) -> bool:
        """An issue that opens a quotation inside itself and stops before it closes ("said such a
        request was "futile," because ...", "saying she had ''steady hands, but ... a good heart''"):
        the parser cut the quoted words; the issue runs to the quotation's end (GUIDELINES 9.8).
        Returns whether the issue grew."""
        issue = claim["issue"]
        s, e = issue["start"], issue["end"]
        grown = None
        for m in re.finditer("\u201c|''|\"", issue["text"]):
            at = s + m.end()
            quote = quotation_around(text, at, at + 1)
            if quote is None or quote[0] > at + 1 or quote[1] <= e or quote[1] - e > 600:
                continue
            grown = quote[1]
        if grown is None:
            return False
        for slot in (claim["actor"], claim.get("cue")):
            if slot and slot.get("start") is not None and e <= slot["start"] < grown:
                return False   # the speaker or cue sits in between: another quotation's tag
        claim["issue"] = {"text": text[s:grown], "start": s, "end": grown}
        return True

    @staticmethod
    def _statement_only(text: str, claim: dict[str, Any]) -> None:
        """An issue (in practice a quotation) that asks before it states keeps the statement only
        (GUIDELINES 9.9: "Do I bear responsibility? So, you know, let's get off of that" -> "let's get
        off of that"), and an issue drops the discourse fillers it opens with ("Well,", "So, you
        know,", "By the way,"; 9.1, 11.21), and the ellipses at its edges ("“… if X, Y” -> "if X, Y",
        whose condition the conditions component then cuts off)."""
        issue = claim["issue"]
        s, e = issue["start"], issue["end"]
        edge = _ELLIPSIS_START.match(text, s, e)
        if edge is not None and e - edge.end() >= 8:
            s = edge.end()
        edge = _ELLIPSIS_END.search(text, s, e)
        if edge is not None and edge.start() - s >= 8:
            e = edge.start()
        piece = text[s:e]
        q = piece.rfind("?")
        if 0 < q < len(piece) - 1:
            rest = re.match(r"[?\s\u201d\u2019\"']*", piece[q:])
            if rest is not None and len(piece) - q - rest.end() >= 8:
                s += q + rest.end()
        m = _FILLERS.match(text, s, e)
        if m is not None and e - m.end() >= 8:
            s = m.end()
        # one that states and then asks keeps the statement ("Now it's forced deportation. We're
        # going to round them all up? Does that sound familiar?" -> "Now it's forced deportation")
        body = text[s:e].rstrip(" \u201d\u2019\"'")
        if body.endswith("?"):
            ends = [m.start() for m in _STATEMENT_END.finditer(body)]
            if ends and ends[-1] >= 8:
                e = s + ends[-1]
        if (s, e) != (issue["start"], issue["end"]):
            claim["issue"] = {"text": text[s:e], "start": s, "end": e}

    # -- interview transcripts (GUIDELINES 9.1) -------------------------------------------------
    _TURN = re.compile(r"^[ \t]*[\"\u201c]?[ \t]*([A-Z][A-Z.'\u2019 -]{0,30}[A-Z])[ \t]*:[ \t\u00a0]+(?=\S)", re.M)
    NOT_SPEAKERS = {"UPDATE", "UPDATED", "PREVIOUSLY", "BYLINE", "NOTE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE",
                    "CORRECTION", "CLARIFICATION", "RELATED", "ABSTRACT", "FULL TEXT", "SOURCE", "SOURCES",
                    "PHOTO", "PHOTOS", "WATCH", "READ MORE", "DISCLAIMER", "EXCLUSIVE", "BREAKING", "Q", "A"}
    _FILLERS = re.compile(r"(?:(?:well|look|listen|you know|yes|yeah|no|oh|so|and|but|now|okay|ok|sure|again)\s*,?\s+)+", re.I)

    def transcript_turns(self, doc: Doc) -> list[tuple[int, int, dict[str, Any]]]:
        """The turns of an interview transcript: paragraphs opened by a speaker label in capitals
        ("PENCE: ...", "JAKE TAPPER: ..."), as (content start, paragraph end, speaker slot).  A
        document is a transcript when it has two labelled paragraphs or more and a label that
        comes back or names a person of the document."""
        text = doc_text(doc)
        found = []
        for m in self._TURN.finditer(text):
            label = m.group(1).strip()
            if label in self.NOT_SPEAKERS or m.start() < text.find("\n"):
                continue
            end = text.find("\n", m.end())
            found.append((m.start(1), m.end(1), m.end(), end if end >= 0 else len(text)))
        if len(found) < 2:
            return []
        persons = [a for a in doc._.actors or [] if a.get("label") == "PERSON"]
        labels = [text[s:e] for s, e, _, _ in found]

        def canonical(label: str) -> str | None:
            low = label.lower()
            for a in persons:
                c = a["canonical"]
                if c.lower() == low or c.lower().split()[-1:] == [low.split()[-1]]:
                    return c
            return None

        if not any(labels.count(x) > 1 or canonical(x) for x in labels):
            return []
        # the interviewer: a label with a turn that ends in a question, beside one with none
        # ("JAKE TAPPER" and later "TAPPER" are one speaker)
        keys = [x.split()[-1] for x in labels]
        asks = {k: any(text[cs:pe].rstrip(" \"'\u201d\u2019").endswith("?") for (_, _, cs, pe), y in zip(found, keys) if y == k)
                for k in set(keys)}
        interviewers = {k for k, q in asks.items() if q} if not all(asks.values()) else set()
        turns = []
        for (s, e, cs, pe), label in zip(found, labels):
            name = canonical(label) or label.title()
            turns.append((cs, pe, {"text": label, "start": s, "end": e, "canonical": name,
                                   "interviewer": label.split()[-1] in interviewers}))
        return turns

    def _turn_claims(self, doc: Doc, turns: list[tuple[int, int, dict[str, Any]]],
                     claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``transcript``: the first assertion of each turn is a claim of its speaker (cue null),
        without discourse fillers ("Well, look,"); a turn that opens with a question makes none,
        nor one whose first sentence holds the speaker's own first-person cue ("I think X"),
        which is the claim there.  A first-person holder inside a turn is the turn's speaker; the
        interviewer's turns (a label with questions beside one without) make no claim of their own."""
        text = doc_text(doc)
        out = list(claims)
        for cs, pe, speaker in turns:
            for c in claims:
                a = c["actor"]
                if a["start"] is not None and cs <= a["start"] < pe and a["text"].lower() == "i":
                    a["canonical"] = speaker["canonical"]
                    a.pop("quotation", None)
            if speaker["interviewer"]:
                continue   # the interviewer's questions are no claims, what he reports second-hand (9.1)
            f = self._FILLERS.match(text, cs)
            start = f.end() if f else cs
            at = doc.char_span(start, start + 1, alignment_mode="expand")
            if at is None:
                continue
            end = min(at[0].sent.end_char, pe)
            if text[start:end].rstrip(" \"'\u201d\u2019").endswith("?"):
                continue
            if any(c["cue"] is not None and start <= c["cue"]["start"] < end and c["actor"]["text"].lower() == "i"
                   for c in claims):
                continue
            while end > start and text[end - 1] in ".,;:!\"'\u201d\u2019 ":
                end -= 1
            if end - start < 3:
                continue
            out.append({"actor": {k: v for k, v in speaker.items() if k != "interviewer"}, "stance": "support",
                        "issue": {"text": text[start:end], "start": start, "end": end},
                        "condition": None, "cue": None, "addressee": None, "optional": False,
                        "source": f"{self.name}:transcript", "confidence": 0.7})
        return out

    SPEAKER_REACH = 600   # characters back from a quotation to its speaker's last claim

    def _tagged_here(self, doc: Doc, qs: int) -> bool:
        """Whether a verb of saying outside quotations introduces the quotation opening at ``qs``
        in its own sentence ("if somebody walks in and says, “I'd like ...”"): its speaker is that
        verb's subject, not an earlier speaker."""
        text = doc_text(doc)
        span = doc.char_span(qs, qs + 1, alignment_mode="expand")
        if span is None:
            return False
        sent = span[0].sent
        return any(t.idx < qs and t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in self.lex.report
                                                                 or self._tag_verb(t))
                   and quotation_around(text, t.idx, t.idx + 1) is None for t in sent)

    def tag_verb_quote(self, doc: Doc, v: Token) -> list[dict[str, Any]]:
        """``quote_after``: a tag verb with its subject and nothing else, right before a comma or a
        colon and a quotation ("He continued, “...”", "She went on: “...”") introduces the quotation
        as "said" would (GUIDELINES 8.13)."""
        if any(c.dep_ == "neg" for c in v.children):
            return []
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > v.i or subj.lower_ in NOT_ACTORS or subj.lower_ in RELATIVE:
            return []
        k = v.i + 1
        while k < len(doc) and doc[k].dep_ == "prt" and doc[k].head == v:
            k += 1   # "went on"
        if k + 1 >= len(doc) or doc[k].text not in (",", ":") or doc[k + 1].text not in OPENING_MARKS:
            return []
        text = doc_text(doc)
        quote = quotation_around(text, doc[k + 1].idx + len(doc[k + 1]), doc[k + 1].idx + len(doc[k + 1]) + 1)
        if quote is None or text[quote[1]:quote[1] + 1] == "?" or quote[1] - quote[0] < 3:
            return []
        if text[quote[1]:v.sent.end_char].strip(" \t\n.,!;:\u201d\"'\u2019"):
            return []   # a quoted phrase inside the sentence ("The talks continued, “for now” at least")
        if subj.pos_ not in ("PRON", "PROPN") and not self.likely_holder(subj):
            return []
        actor = self._entity(doc, named_appositive(subj))
        if actor is None:
            return []
        return [self._read_record(doc, actor, quote[0], quote[1], (v.i, k), "quote_after", 0.7)]

    def _tag_verb(self, tok: Token) -> bool:
        """A verb that reports only as a quotation's speaker tag: "continue", or a phrasal one
        ("“...,” he went on")."""
        lemma = tok.lemma_.lower()
        if lemma in self.lex.tag_verbs:
            return True
        return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in self.lex.tag_verbs for c in tok.children)

    def _quoted_speakers(self, doc: Doc, claims: list[dict[str, Any]],
                         askers: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """Give each quoted first-person claim its speaker: the holder of a claim whose content
        lies in the same quotation, else of the nearest earlier claim whose content is a
        quotation, in the same paragraph or the one before ("“...,” said Mr. Coll. “I have
        concluded that X.”"), or the speaker of a quoted question there (``askers``: "“Isn't it a
        bribe?” Trump asked. “I think it's a bribe.”").  With no speaker found the claim is dropped."""
        text = doc_text(doc)
        # a speaker stands outside quotations ("Ted Cruz wants X" inside someone's quotation is not one)
        known = [c for c in claims if "quotation" not in c["actor"] and c["actor"]["start"] is not None
                 and quotation_around(text, c["actor"]["start"], c["actor"]["end"]) is None]
        out = []
        for c in claims:
            q = c["actor"].get("quotation")
            if q is None:
                out.append(c)
                continue
            qs, qe = q
            if not (qs <= c["issue"]["start"] and c["issue"]["end"] <= qe):
                continue   # "“I hope so,” Mrs. Clinton said" read as a parenthetical: not the speaker's content
            same = [o for o in known if o["issue"]["start"] < qe and qs < o["issue"]["end"]]
            speaker = same[0] if same else None
            if speaker is None and not self._tagged_here(doc, qs):
                # back to the start of the paragraph before this one, blank lines skipped
                para = len(text[:max(text.rfind("\n", 0, qs), 0)].rstrip())
                floor = max(text.rfind("\n", 0, para) + 1, qs - self.SPEAKER_REACH)
                # a content that is a quotation, or ends in one ("said Trump had “the obligation to
                # bring us together.” / “I think he can do that”")
                before = [o for o in [*known, *(askers or [])] if floor <= o["issue"]["start"] and o["issue"]["end"] <= qs
                          and quotation_around(text, max(o["issue"]["start"], o["issue"]["end"] - 1), o["issue"]["end"]) is not None]
                speaker = max(before, key=lambda o: o["issue"]["end"], default=None)
            if speaker is None or not speaker["actor"].get("canonical"):
                continue
            c["actor"]["canonical"] = speaker["actor"]["canonical"]
            out.append(c)
        for c in out:   # one actor dict may serve several records of a frame
            c["actor"].pop("quotation", None)
        return out

    @staticmethod
    def _inside_its_quotation(text: str, claim: dict[str, Any], claims: list[dict[str, Any]]) -> None:
        """An issue that starts inside a direct quotation and runs over the speaker tag after it
        ends with the quotation: the parser sometimes hangs the tag on a verb inside ("“..., they
        are no longer welcome in the party,” said Pavone" under "telling"), and the issue then
        hid the speaker's own claim."""
        issue = claim["issue"]
        quote = quotation_around(text, issue["start"], issue["start"] + 1)
        if quote is None or issue["end"] <= quote[1] or quote[1] <= issue["start"]:
            return
        if not re.match(r"[,.!?]\s*(?:\u201d|\"|''|\u2019\u2019)", text[quote[1]:issue["end"]]):
            return
        if not any(o is not claim and o["cue"] is not None and quote[1] <= o["cue"]["start"] < issue["end"] for o in claims):
            return
        claim["issue"] = {"text": text[issue["start"]:quote[1]], "start": issue["start"], "end": quote[1]}

    @staticmethod
    def _relayed(claim: dict[str, Any], claims: list[dict[str, Any]]) -> bool:
        """An "according to" claim whose content is a speaker's tagged claim ("X said P, according to
        the Philippine Star"): the outlet only relays it (GUIDELINES 11.2).  "According to" over a
        longer account that holds a speech act of its own keeps its claim."""
        if not claim["source"].endswith(":according_to"):
            return False
        s, e = claim["issue"]["start"], claim["issue"]["end"]
        told: dict[int, list[int]] = {}
        for o in claims:
            if o is claim or o["cue"] is None or o["actor"]["start"] in (None, claim["actor"]["start"]):
                continue
            if not o["source"].endswith(("verb_ccomp", "quote_tag", "tail_tag", "quote_after", "colon", "made_clear")):
                continue
            shared = min(o["issue"]["end"], e) - max(o["issue"]["start"], s)
            if shared >= 0.6 * (e - s):   # the same content, not a part of it
                return True
            if s <= o["actor"]["start"] and o["cue"]["start"] < e:
                # a speaker inside the content: "Francis made clear that X, saying Y, according to
                # Reuters" is Francis's account from his name to the end of what he said
                span = told.setdefault(o["actor"]["start"], [o["actor"]["start"], o["issue"]["end"]])
                span[0] = min(span[0], o["issue"]["start"], o["cue"]["start"])
                span[1] = max(span[1], min(o["issue"]["end"], e))
        # (an outlet, named only: "Reuters", "The Washington Post"; a document such as "the FBI's
        # summary of its investigation" is a source of its own, 8.6)
        named = all(w[0].isupper() or w.lower() in ("the", "of", "and", "for", "&")
                    for w in re.findall(r"[A-Za-z&][\w&'’.-]*", claim["actor"]["text"]))
        return named and any(b - a >= 0.6 * (e - s) for a, b in told.values())

    def _clean(self, doc: Doc, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        text = doc_text(doc)
        grown = []
        for c in claims:
            self._whole_quote(text, c)
            self._direct_quote(text, c)
            if self._partial_quote(text, c):
                grown.append(c)
        for c in claims:
            self._statement_only(text, c)
        for c in claims:
            self._inside_its_quotation(text, c, claims)
        claims = [c for c in claims if not self._relayed(c, claims)]
        # a claim the parser split off inside the quotation now lies in the grown one's issue
        for g in grown:
            claims = [c for c in claims if c is g or not (
                c["actor"]["start"] == g["actor"]["start"] and (c["cue"] or {}).get("start") == (g["cue"] or {}).get("start")
                and g["issue"]["start"] <= c["issue"]["start"] and c["issue"]["end"] <= g["issue"]["end"])]
        seen = {}
        for c in claims:
            key = (c["actor"]["start"], c["issue"]["start"], c["issue"]["end"])
            if key not in seen or c["confidence"] > seen[key]["confidence"]:
                seen[key] = c
        # a speech act whose whole content is a question takes no position (GUIDELINES 9.9): "'You
        # think I'm going to change?' he said"
        claims = [c for c in seen.values() if not c["issue"]["text"].rstrip().endswith("?")]
        # an editor's note is the outlet's aside, not a claim (GUIDELINES 9.14)
        claims = outside_editors_notes(text, claims)
        if self.nested == "suppress":
            reporting = [c for c in claims if c["source"].endswith(("verb_ccomp", "according_to", "parenthetical", "quote_tag", "colon",
                                                                     "report_noun", "tail_tag", "transcript"))]
            kept = []
            for c in claims:
                # the holder's own cue inside what the holder reports is part of the report too ("He
                # said he plans to support the nominee", "Fiorina said ..., adding that the way to
                # go after it is to attack her record": on the news train batches all 18 such claims
                # were false); not a cue that opens the report, which the parse made its content
                inside = c["cue"] is not None and any(
                    o is not c and o["issue"]["start"] <= c["cue"]["start"] and c["cue"]["end"] <= o["issue"]["end"]
                    and o["issue"]["start"] < c["cue"]["start"] and not self._relayed_holder(o, c)
                    for o in reporting
                )
                if not inside:
                    kept.append(c)
            claims = kept
        claims = [c for c in claims if not self._second_hand_in_quote(text, c) and not self._pronoun_issue(doc, c)]
        claims.sort(key=lambda c: ((c["cue"] or c["issue"])["start"], c["issue"]["start"]))
        return claims

    @staticmethod
    def _relayed_holder(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
        """An "according to" source over a named holder's own act ("France and Italy pressed the
        Commission to X, according to a diplomatic note"): the source reports it, and the holder
        holds its position all the same."""
        if not outer["source"].endswith(":according_to") or inner["actor"]["start"] is None:
            return False
        if inner["actor"]["text"].lower() in PRONOUNS:
            return False
        return inner["actor"]["start"] >= outer["issue"]["start"] and inner["actor"]["end"] <= outer["issue"]["end"]

    @staticmethod
    def _pronoun_issue(doc: Doc, claim: dict[str, Any]) -> bool:
        """A relative or interrogative pronoun alone is no issue ("four cases that the report
        highlights", "what they saw as X"): the parse cut the content off at it.  A demonstrative
        is one ("called that “beyond preposterous”", GUIDELINES 9.4)."""
        span = doc.char_span(claim["issue"]["start"], claim["issue"]["end"], alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        # (the tagger also reads a relative "that" as a conjunction: it stands before its verb)
        return tok.tag_ in ("WDT", "WP", "WP$") or (tok.lower_ in ("that", "which") and tok.i < tok.head.i)

    _SPEAKER_WORDS = {"i", "we", "me", "us", "my", "our", "he", "she", "they", "him", "her", "them", "his", "their",
                      "you", "your", "it", "who", "that", "which"}

    @classmethod
    def _second_hand_in_quote(cls, text: str, claim: dict[str, Any]) -> bool:
        """A third party's position stated inside someone's direct quotation ("“... the Christian
        right loves him,” he said", "“America must reject this merchant of death”"): the speaker's
        words about another holder, a second-hand position (GUIDELINES 6.1, optional), not a record
        of its own.  On the news train batches 11 of 12 such claims were false.  The speaker's own
        first-person positions and pronoun holders stay."""
        cue, actor = claim.get("cue"), claim["actor"]
        if cue is None or actor.get("start") is None:
            return False
        first_word = actor["text"].split()[0].lower() if actor["text"].split() else ""
        if first_word in cls._SPEAKER_WORDS:
            return False
        quote = quotation_around(text, cue["start"], cue["start"] + 1)
        return quote is not None and quote[0] <= actor["start"] < quote[1]


def _cue_taken(found: list[dict[str, Any]], v: Token) -> bool:
    """Whether a claim already found has its cue at ``v`` (a fallback reads only untaken tags)."""
    return any(c["cue"] is not None and c["cue"]["start"] <= v.idx < c["cue"]["end"] for c in found)


def _after_word_hyphen(tok: Token) -> bool:
    """The second half of a hyphenated word the tokenizer split ("co-designing", "re-elect"): the
    parser may make it a conjunct of its own, but it is one word with the part before the hyphen."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "\u2010", "\u2011") and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_


def _end_before_period(doc: Doc, sent: Span) -> int:
    """The token index where ``sent`` ends, before its closing period or "!" and spaces."""
    end = sent.end
    while end > sent.start and (doc[end - 1].is_space or doc[end - 1].text in (".", "!")):
        end -= 1
    return end


def _finite(span: Span) -> bool:
    """Whether ``span`` holds a finite verb or a modal: a clause, not a phrase."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)


def _trim_content(text: str, s: int, e: int) -> tuple[int, int]:
    """A tagged content without its quote marks, spaces and a leading "but / and / so"."""
    while s < e and text[s] in " \t\n\u201c\"'\u2018\u202a":
        s += 1
    while e > s and text[e - 1] in " \t\u201d\"'\u2019":
        e -= 1
    lead = re.match(r"(?:but|and|so)\s+", text[s:e], re.I)
    return (s + lead.end() if lead else s), e


_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# the end of a stated sentence before another one (not "Mr." or "U.S.")
_STATEMENT_END = re.compile(r"(?<=[a-z0-9%)\]][a-z0-9%)\]])[.!](?=[\s\u201d\u2019\"']+[A-Z\u201c\"'])")


def _title_case(line: str) -> bool:
    """A headline in title case: three words or more, at least 70% of them capitalized."""
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# discourse fillers that open a quotation: a word or phrase and its comma
_FILLERS = re.compile(r"(?:(?:well|so|look|listen|now|okay|ok|oh|yes|no|again|folks|frankly|honestly|"
                      r"by the way|you know|i mean|let me tell you),\s+)+", re.I)

# an ellipsis (and the space after or before it) at the start or end of an issue
_ELLIPSIS_START = re.compile(r"(?:\u2026|\.{2,})[\s\u00a0]*")
_ELLIPSIS_END = re.compile(r"[\s\u00a0]*(?:\u2026|\.{2,})$")

# a paragraph that opens with an editor's note
_EDITORS_NOTE = re.compile(r"(?:^|\n)\s*editor[’']?s[’']? note\b", re.I)


def outside_editors_notes(text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims not anchored (cue, else issue) in a paragraph that opens with "Editor's note":
    the outlet's aside, not a claim (GUIDELINES 9.14)."""
    notes = [(m.start(), text.find("\n", m.end()) % (len(text) + 1)) for m in _EDITORS_NOTE.finditer(text)]
    if not notes:
        return claims
    return [c for c in claims if not any(a <= (c.get("cue") or c["issue"])["start"] < b for a, b in notes)]


def _demonstrative_subject(tok: Token) -> bool:
    """"I think that might be what the country needs": a "that" that is its verb's only subject is
    the content's own first word (a demonstrative), not a complementizer the parser made a subject
    (which leaves the clause's real subject beside it: "said that he would")."""
    return tok.lower_ == "that" and tok.dep_ == "nsubj" and tok.head.i > tok.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != tok.i for c in tok.head.children)


@Language.factory(
    "claimx_claims",
    assigns=["doc._.claims"],
    requires=["doc._.actors", "token.dep", "token.lemma"],
    default_config={"nested": "suppress"},
)
def make_claims(nlp: Language, name: str, nested: str) -> ClaimFinder:
    return ClaimFinder(nlp, name, nested)


__all__ = ["ClaimFinder", "make_claims", "cue_lexicon"]

